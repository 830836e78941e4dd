// /api/v4/users: the account's users, with roles and groups on request. Paged, with totals.

import { assertId, getCollection } from '../collection.js';
import { paginate } from '../paginate.js';
import type { SendFn } from '../request.js';
import type { User } from '../types.js';
import { withParam } from './entity.js';

export type UserWith = 'role' | 'group' | 'uuid' | 'amojo_id' | 'user_rank' | 'phone_number';

export interface UserListParams {
  page?: number;
  limit?: number;
  with?: readonly UserWith[];
  signal?: AbortSignal;
}

export function createUsersResource(send: SendFn) {
  const list = (params: UserListParams = {}) =>
    getCollection<User>(send, {
      path: '/api/v4/users',
      key: 'users',
      page: params.page,
      limit: params.limit,
      query: { with: withParam(params.with) },
      signal: params.signal,
    });
  return {
    list,
    iterate: (params: UserListParams = {}) => paginate((page) => list({ ...params, page }), { startPage: params.page }),
    async get(id: number, params: { with?: readonly UserWith[]; signal?: AbortSignal } = {}): Promise<User | null> {
      const response = await send({
        method: 'GET',
        path: `/api/v4/users/${assertId(id)}`,
        query: { with: withParam(params.with) },
        signal: params.signal,
      });
      return (response.data as User | undefined) ?? null;
    },
  };
}
