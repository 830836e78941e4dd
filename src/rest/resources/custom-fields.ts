// /api/v4/{owner}/custom_fields (leads, contacts, companies, customers, catalogs/{id}): field
// definitions, paged with totals. Without an explicit limit
// amoCRM pages these by 50 (SDK issue #361), so callers iterate with the full 250.

import { assertId, getCollection } from '../collection.js';
import { paginate } from '../paginate.js';
import type { SendFn } from '../request.js';
import type { CustomFieldDefinition, CustomFieldOwner, CustomFieldType } from '../types.js';
import type { SortDirection } from './entity.js';

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
  };
}
