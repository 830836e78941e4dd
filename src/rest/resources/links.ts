// /api/v4/{entity}/links: links between entities, for one entity or many at once.

import { assertId, getCollection } from '../collection.js';
import { paginate } from '../paginate.js';
import type { SendFn } from '../request.js';
import type { EntityLink, EntityType, HalCollection, LinkTargetType } from '../types.js';

export interface LinkFilter {
  to_entity_id?: number;
  to_entity_type?: LinkTargetType;
  to_catalog_id?: number;
}

export function createLinksResource(send: SendFn) {
  const listMany = (
    entity: EntityType,
    entityIds: readonly number[],
    params: { page?: number; limit?: number; filter?: LinkFilter; signal?: AbortSignal } = {},
  ) =>
    getCollection<EntityLink>(send, {
      path: `/api/v4/${entity}/links`,
      key: 'links',
      page: params.page,
      limit: params.limit,
      query: { filter: { entity_id: entityIds.map((id) => assertId(id)), ...params.filter } },
      signal: params.signal,
    });
  return {
    /** Links of many entities in one call (`filter[entity_id][]`). */
    listMany,
    iterateMany: (entity: EntityType, entityIds: readonly number[], params: { filter?: LinkFilter; signal?: AbortSignal } = {}) =>
      paginate((page) => listMany(entity, entityIds, { ...params, page })),
    async list(entity: EntityType, id: number, params: { filter?: LinkFilter; signal?: AbortSignal } = {}): Promise<EntityLink[]> {
      const response = await send({
        method: 'GET',
        path: `/api/v4/${entity}/${assertId(id)}/links`,
        query: { filter: params.filter as Record<string, string | number> | undefined },
        signal: params.signal,
      });
      return (response.data as HalCollection<'links', EntityLink> | undefined)?._embedded?.links ?? [];
    },
  };
}
