// /api/v4/users: the account's users, with roles and groups on request. Paged, with totals.
// Adding users is for administrators, at most 10 per request.

import { assertId, getCollection } from '../collection.js';
import { paginate } from '../paginate.js';
import type { SendFn } from '../request.js';
import type { User, UserRights } from '../types.js';
import { writeBatch, type WriteParams } from './batch.js';
import { withParam } from './entity.js';

export type UserWith = 'role' | 'group' | 'uuid' | 'amojo_id' | 'user_rank' | 'phone_number';

export interface UserListParams {
  page?: number;
  limit?: number;
  with?: readonly UserWith[];
  signal?: AbortSignal;
}

/** amoCRM takes at most this many users in one `POST /api/v4/users`. */
export const MAX_USERS_PER_ADD = 10;

export interface UserAdd {
  name: string;
  email: string;
  password?: string;
  lang?: 'ru' | 'en' | 'es' | 'pt';
  rights?: Partial<UserRights>;
  request_id?: string;
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
    add: (items: readonly UserAdd[], params: WriteParams = {}) => {
      if (items.length > MAX_USERS_PER_ADD) throw new RangeError(`at most ${MAX_USERS_PER_ADD} users per POST /api/v4/users, got ${items.length}`);
      return writeBatch<User & { request_id?: string }>(send, { method: 'POST', path: '/api/v4/users', key: 'users', items, ...params });
    },
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
