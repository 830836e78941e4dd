// GET /api/v4/roles (paged, with totals) and /api/v4/roles/{id}: a role is a named set of rights;
// `with=users` adds the ids of the users who hold it. Reading roles is for admins in amoCRM (403
// otherwise); the sandbox token is the account's admin. Writes (admin only) are in
// ../users/role-writes.ts.

import { requireAdmin } from '../http/admin.js';
import type { RequestContext } from '../http/context.js';
import { readWith } from '../http/filters.js';
import { countedPage, link } from '../http/hal.js';
import { readPaging } from '../http/paging.js';
import { hal, noContent } from '../http/reply.js';
import type { Route } from '../http/router.js';
import type { RoleRecord } from '../records.js';
import { createRoles, deleteRole, updateRoles } from '../users/role-writes.js';
import { roleRightsOf } from '../users/rights.js';
import { idParam } from './params.js';

export function renderRole(ctx: RequestContext, withs: ReadonlySet<string>, role: RoleRecord) {
  return {
    id: role.id,
    name: role.name,
    rights: roleRightsOf(ctx.store, role),
    _links: link(ctx, `/api/v4/roles/${role.id}`),
    ...(withs.has('users')
      ? { _embedded: { users: ctx.store.users.values().filter((user) => user.rights.role_id === role.id).map((user) => user.id) } }
      : {}),
  };
}

const renderWritten = (ctx: RequestContext, role: RoleRecord) => renderRole(ctx, new Set(), role);

export const roleRoutes: Route[] = [
  { method: 'POST', path: '/api/v4/roles', handler: (ctx) => createRoles(ctx, renderWritten) },
  { method: 'PATCH', path: '/api/v4/roles', handler: (ctx) => updateRoles(ctx, null, renderWritten) },
  { method: 'PATCH', path: '/api/v4/roles/:id', handler: (ctx) => updateRoles(ctx, idParam(ctx), renderWritten) },
  { method: 'DELETE', path: '/api/v4/roles/:id', handler: (ctx) => deleteRole(ctx, idParam(ctx)) },
  {
    method: 'GET',
    path: '/api/v4/roles',
    handler: (ctx) => {
      requireAdmin(ctx, 'reading roles');
      const withs = readWith(ctx.query);
      return countedPage(ctx, 'roles', ctx.store.roles.values(), readPaging(ctx), (role) => renderRole(ctx, withs, role));
    },
  },
  {
    method: 'GET',
    path: '/api/v4/roles/:id',
    handler: (ctx) => {
      requireAdmin(ctx, 'reading roles');
      const role = ctx.store.roles.get(idParam(ctx));
      return role ? hal(renderRole(ctx, readWith(ctx.query), role)) : noContent();
    },
  },
];
