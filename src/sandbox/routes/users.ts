// GET /api/v4/users (paged, with totals) and /api/v4/users/{id}; `with=role,group,uuid,amojo_id,
// user_rank,phone_number`; adding users (admin only) is in ../users/user-writes.ts.

import type { User } from '../../rest/types.js';
import type { RequestContext } from '../http/context.js';
import { readWith } from '../http/filters.js';
import { countedPage, link } from '../http/hal.js';
import { readPaging } from '../http/paging.js';
import { hal, noContent } from '../http/reply.js';
import type { Route } from '../http/router.js';
import type { UserRecord } from '../records.js';
import { addUsers } from '../users/user-writes.js';
import { idParam } from './params.js';

export function renderUser(ctx: RequestContext, withs: ReadonlySet<string>, user: UserRecord): User & Record<string, unknown> {
  const embedded: NonNullable<User['_embedded']> = {};
  if (withs.has('role')) {
    const role = user.rights.role_id === null ? undefined : ctx.store.roles.get(user.rights.role_id);
    embedded.roles = role ? [{ id: role.id, name: role.name, _links: link(ctx, `/api/v4/roles/${role.id}`) } as { id: number; name: string }] : [];
  }
  if (withs.has('group')) {
    const group = user.rights.group_id === null ? undefined : ctx.store.userGroups.get(user.rights.group_id);
    embedded.groups = group ? [{ id: group.id, name: group.name }] : [];
  }
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    lang: user.lang,
    rights: structuredClone(user.rights),
    ...(withs.has('uuid') ? { uuid: user.uuid } : {}),
    ...(withs.has('amojo_id') ? { amojo_id: user.amojo_id } : {}),
    ...(withs.has('user_rank') ? { user_rank: user.user_rank } : {}),
    ...(withs.has('phone_number') ? { phone_number: user.phone_number } : {}),
    _links: link(ctx, `/api/v4/users/${user.id}`),
    ...(Object.keys(embedded).length > 0 ? { _embedded: embedded } : {}),
  };
}

export const userRoutes: Route[] = [
  { method: 'POST', path: '/api/v4/users', handler: (ctx) => addUsers(ctx, (c, user) => renderUser(c, new Set(['role', 'group', 'uuid', 'amojo_id']), user)) },
  {
    method: 'GET',
    path: '/api/v4/users',
    handler: (ctx) => {
      const withs = readWith(ctx.query);
      return countedPage(ctx, 'users', ctx.store.users.values(), readPaging(ctx), (user) => renderUser(ctx, withs, user));
    },
  },
  {
    method: 'GET',
    path: '/api/v4/users/:id',
    handler: (ctx) => {
      const user = ctx.store.users.get(idParam(ctx));
      return user ? hal(renderUser(ctx, readWith(ctx.query), user)) : noContent();
    },
  },
];
