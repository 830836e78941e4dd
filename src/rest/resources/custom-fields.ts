// /api/v4/{entity}/custom_fields: field definitions, paged with totals. Without an explicit limit
// amoCRM pages these by 50 (SDK issue #361), so callers iterate with the full 250.

import { assertId, getCollection } from '../collection.js';
import { paginate } from '../paginate.js';
import type { SendFn } from '../request.js';
import type { CustomFieldDefinition, CustomFieldType, EntityType } from '../types.js';
import type { SortDirection } from './entity.js';

export interface CustomFieldListParams {
  page?: number;
  limit?: number;
  filter?: { id?: readonly number[]; type?: readonly CustomFieldType[] };
  order?: { field: 'sort' | 'id'; direction: SortDirection };
  signal?: AbortSignal;
}

export function createCustomFieldsResource(send: SendFn) {
  const list = (entity: EntityType, params: CustomFieldListParams = {}) =>
    getCollection<CustomFieldDefinition>(send, {
      path: `/api/v4/${entity}/custom_fields`,
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
    iterate: (entity: EntityType, params: CustomFieldListParams = {}) =>
      paginate((page) => list(entity, { ...params, page }), { startPage: params.page }),
    async get(entity: EntityType, id: number, params: { signal?: AbortSignal } = {}): Promise<CustomFieldDefinition | null> {
      const response = await send({
        method: 'GET',
        path: `/api/v4/${entity}/custom_fields/${assertId(id)}`,
        signal: params.signal,
      });
      return (response.data as CustomFieldDefinition | undefined) ?? null;
    },
  };
}
