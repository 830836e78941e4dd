// /api/v4/{owner}/custom_fields (leads, contacts, companies, customers, catalogs/{id}): field
// definitions, paged with totals. Without an explicit limit
// amoCRM pages these by 50 (SDK issue #361), so callers iterate with the full 250.
// Writes (admin only): batch create and update, delete one by id. Field groups
// (`.../custom_fields/groups`, string ids) exist for leads, contacts, companies and customers.

import { assertId, getCollection } from '../collection.js';
import { paginate } from '../paginate.js';
import type { SendFn } from '../request.js';
import type { CustomFieldDefinition, CustomFieldGroup, CustomFieldGroupOwner, CustomFieldOwner, CustomFieldType, HalCollection } from '../types.js';
import { writeBatch, writeOne, type WriteParams } from './batch.js';
import type { SortDirection } from './entity.js';

/** What a field write may carry; on update `type` is refused by amoCRM. */
export interface CustomFieldWrite {
  name?: string;
  type?: CustomFieldType;
  code?: string;
  sort?: number;
  group_id?: string | null;
  is_api_only?: boolean;
  required_statuses?: { pipeline_id: number; status_id: number }[];
  hidden_statuses?: { pipeline_id: number; status_id: number }[];
  enums?: { id?: number; value: string; sort?: number }[];
  remind?: 'never' | 'day' | 'week' | 'month';
  currency?: string;
  request_id?: string;
}

export interface CustomFieldGroupWrite {
  name?: string;
  sort?: number;
  /** Ids of the owner's fields to move into the group. */
  fields?: number[];
  request_id?: string;
}

const groupPath = (owner: CustomFieldGroupOwner, id?: string) => {
  if (id !== undefined && id.trim() === '') throw new RangeError('a field group id must not be empty');
  return `/api/v4/${owner}/custom_fields/groups${id === undefined ? '' : `/${encodeURIComponent(id)}`}`;
};

export interface CustomFieldListParams {
  page?: number;
  limit?: number;
  filter?: { id?: readonly number[]; type?: readonly CustomFieldType[] };
  order?: { field: 'sort' | 'id'; direction: SortDirection };
  signal?: AbortSignal;
}

export function createCustomFieldsResource(send: SendFn) {
  const list = (owner: CustomFieldOwner, params: CustomFieldListParams = {}) =>
    getCollection<CustomFieldDefinition>(send, {
      path: `/api/v4/${owner}/custom_fields`,
      key: 'custom_fields',
      page: params.page,
      limit: params.limit,
      query: {
        filter: params.filter,
        order: params.order ? { [params.order.field]: params.order.direction } : undefined,
      },
      signal: params.signal,
    });
  return {
    list,
    iterate: (owner: CustomFieldOwner, params: CustomFieldListParams = {}) =>
      paginate((page) => list(owner, { ...params, page }), { startPage: params.page }),
    async get(owner: CustomFieldOwner, id: number, params: { signal?: AbortSignal } = {}): Promise<CustomFieldDefinition | null> {
      const response = await send({
        method: 'GET',
        path: `/api/v4/${owner}/custom_fields/${assertId(id)}`,
        signal: params.signal,
      });
      return (response.data as CustomFieldDefinition | undefined) ?? null;
    },
    create: (owner: CustomFieldOwner, items: readonly CustomFieldWrite[], params: WriteParams = {}) =>
      writeBatch<CustomFieldDefinition & { request_id?: string }>(send, { method: 'POST', path: `/api/v4/${owner}/custom_fields`, key: 'custom_fields', items, ...params }),
    update: (owner: CustomFieldOwner, items: readonly (CustomFieldWrite & { id: number })[], params: WriteParams = {}) =>
      writeBatch<CustomFieldDefinition & { request_id?: string }>(send, { method: 'PATCH', path: `/api/v4/${owner}/custom_fields`, key: 'custom_fields', items, ...params }),
    /** One field; amoCRM answers 204 and drops the field's values from every entity. */
    async delete(owner: CustomFieldOwner, id: number, params: WriteParams = {}): Promise<void> {
      await send({ method: 'DELETE', path: `/api/v4/${owner}/custom_fields/${assertId(id)}`, signal: params.signal });
    },
    groups: {
      /** Every group of the owner (amoCRM answers them on one page); 204 reads as none. */
      async list(owner: CustomFieldGroupOwner, params: { signal?: AbortSignal } = {}): Promise<CustomFieldGroup[]> {
        const response = await send({ method: 'GET', path: groupPath(owner), signal: params.signal });
        return (response.data as HalCollection<'custom_field_groups', CustomFieldGroup> | undefined)?._embedded?.custom_field_groups ?? [];
      },
      get: (owner: CustomFieldGroupOwner, id: string, params: WriteParams = {}) => writeOne<CustomFieldGroup>(send, { method: 'GET', path: groupPath(owner, id), ...params }),
      create: (owner: CustomFieldGroupOwner, items: readonly CustomFieldGroupWrite[], params: WriteParams = {}) =>
        writeBatch<CustomFieldGroup & { request_id?: string }>(send, { method: 'POST', path: groupPath(owner), key: 'custom_field_groups', items, ...params }),
      /** amoCRM edits one group per request. */
      update: (owner: CustomFieldGroupOwner, id: string, body: CustomFieldGroupWrite, params: WriteParams = {}) =>
        writeOne<CustomFieldGroup>(send, { method: 'PATCH', path: groupPath(owner, id), body, ...params }),
      /** 204; the group's fields move back to the predefined group. */
      async delete(owner: CustomFieldGroupOwner, id: string, params: WriteParams = {}): Promise<void> {
        await send({ method: 'DELETE', path: groupPath(owner, id), signal: params.signal });
      },
    },
  };
}
