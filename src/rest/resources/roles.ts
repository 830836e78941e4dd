// /api/v4/roles: the account's roles (readable by administrators only), paged with totals;
// `with=users` names who holds each.

import { assertId, getCollection } from '../collection.js';
import { paginate } from '../paginate.js';
import type { SendFn } from '../request.js';
import type { Role } from '../types.js';
import { withParam } from './entity.js';

export interface RoleListParams {
  page?: number;
  limit?: number;
  with?: readonly 'users'[];
  signal?: AbortSignal;
}

export function createRolesResource(send: SendFn) {
  const list = (params: RoleListParams = {}) =>
    getCollection<Role>(send, {
      path: '/api/v4/roles',
      key: 'roles',
      page: params.page,
      limit: params.limit,
      query: { with: withParam(params.with) },
      signal: params.signal,
    });
  return {
    list,
    iterate: (params: Omit<RoleListParams, 'page'> = {}) => paginate((page) => list({ ...params, page }), { startPage: 1 }),
    async get(id: number, params: { with?: readonly 'users'[]; signal?: AbortSignal } = {}): Promise<Role | null> {
      const response = await send({ method: 'GET', path: `/api/v4/roles/${assertId(id)}`, query: { with: withParam(params.with) }, signal: params.signal });
      return (response.data as Role | undefined) ?? null;
    },
  };
}
