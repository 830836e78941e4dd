// GET /api/v4/roles (paged, with totals) and /api/v4/roles/{id}: a role is a named set of rights;
// `with=users` adds the ids of the users who hold it. Reading roles is for admins in amoCRM; the
// sandbox token is the account's admin.

import type { UserRights } from '../../rest/types.js';
import type { RequestContext } from '../http/context.js';
import { readWith } from '../http/filters.js';
import { countedPage, link } from '../http/hal.js';
import { readPaging } from '../http/paging.js';
import { hal, noContent } from '../http/reply.js';
import type { Route } from '../http/router.js';
import type { RoleRecord } from '../records.js';
import { idParam } from './params.js';

/** A role's rights are its holders' entity rights; the per-user flags are not part of it. */
function roleRights(ctx: RequestContext, role: RoleRecord): Partial<UserRights> {
  const holder = ctx.store.users.values().find((user) => user.rights.role_id === role.id);
  if (!holder) return {};
  const { is_admin: _admin, is_free: _free, is_active: _active, group_id: _group, role_id: _role, ...rights } = structuredClone(holder.rights);
  return rights;
}

function renderRole(ctx: RequestContext, withs: ReadonlySet<string>, role: RoleRecord) {
  return {
    id: role.id,
    name: role.name,
    rights: roleRights(ctx, role),
    _links: link(ctx, `/api/v4/roles/${role.id}`),
    ...(withs.has('users')
      ? { _embedded: { users: ctx.store.users.values().filter((user) => user.rights.role_id === role.id).map((user) => user.id) } }
      : {}),
  };
}

export const roleRoutes: Route[] = [
  {
    method: 'GET',
    path: '/api/v4/roles',
    handler: (ctx) => {
      const withs = readWith(ctx.query);
      return countedPage(ctx, 'roles', ctx.store.roles.values(), readPaging(ctx), (role) => renderRole(ctx, withs, role));
    },
  },
  {
    method: 'GET',
    path: '/api/v4/roles/:id',
    handler: (ctx) => {
      const role = ctx.store.roles.get(idParam(ctx));
      return role ? hal(renderRole(ctx, readWith(ctx.query), role)) : noContent();
    },
  },
];
