// /api/v4/roles: the account's roles (readable by administrators only), paged with totals;
// `with=users` names who holds each. Writes are for administrators too: batch create and update,
// delete one role at a time.

import { assertId, getCollection } from '../collection.js';
import { paginate } from '../paginate.js';
import type { SendFn } from '../request.js';
import type { Role, UserRights } from '../types.js';
import { writeBatch, type WriteParams } from './batch.js';
import { withParam } from './entity.js';

export interface RoleListParams {
  page?: number;
  limit?: number;
  with?: readonly 'users'[];
  signal?: AbortSignal;
}

/** A role's rights: entity levels, mail and lists access, lead stage rights (no user flags). */
export type RoleRights = Omit<Partial<UserRights>, 'is_admin' | 'is_free' | 'is_active' | 'group_id' | 'role_id'>;

export interface RoleWrite {
  name?: string;
  rights?: RoleRights;
  request_id?: string;
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
    create: (items: readonly RoleWrite[], params: WriteParams = {}) =>
      writeBatch<Role & { request_id?: string }>(send, { method: 'POST', path: '/api/v4/roles', key: 'roles', items, ...params }),
    update: (items: readonly (RoleWrite & { id: number })[], params: WriteParams = {}) =>
      writeBatch<Role & { request_id?: string }>(send, { method: 'PATCH', path: '/api/v4/roles', key: 'roles', items, ...params }),
    /** amoCRM deletes roles one by one; 204. */
    async delete(id: number, params: WriteParams = {}): Promise<void> {
      await send({ method: 'DELETE', path: `/api/v4/roles/${assertId(id)}`, signal: params.signal });
    },
    iterate: (params: Omit<RoleListParams, 'page'> = {}) => paginate((page) => list({ ...params, page }), { startPage: 1 }),
    async get(id: number, params: { with?: readonly 'users'[]; signal?: AbortSignal } = {}): Promise<Role | null> {
      const response = await send({ method: 'GET', path: `/api/v4/roles/${assertId(id)}`, query: { with: withParam(params.with) }, signal: params.signal });
      return (response.data as Role | undefined) ?? null;
    },
  };
}
