// /api/v4/{entity}/links: links between entities, for one entity or many at once. Customers have
// the same endpoints (they link to contacts, companies and catalog elements).

import { assertId, getCollection } from '../collection.js';
import { paginate } from '../paginate.js';
import type { SendFn } from '../request.js';
import type { EntityLink, EntityType, HalCollection, LinkTargetType, LinkWrite } from '../types.js';
import { writeBatch, type WriteParams } from './batch.js';

/** The entity types with link endpoints. */
export type LinkSourceType = EntityType | 'customers';

export interface LinkFilter {
  to_entity_id?: number;
  to_entity_type?: LinkTargetType;
  to_catalog_id?: number;
}

export function createLinksResource(send: SendFn) {
  const listMany = (
    entity: LinkSourceType,
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
  const checked = (links: readonly LinkWrite[]) =>
    links.map((link) => ({ ...link, entity_id: assertId(link.entity_id, 'entity_id'), to_entity_id: assertId(link.to_entity_id, 'to_entity_id') }));
  return {
    /**
     * `POST /api/v4/{entity}/link`: many links in one call; answers the links as amoCRM stored them.
     * The endpoint takes no `request_id`: errors name items by their position.
     */
    linkMany: (entity: LinkSourceType, links: readonly LinkWrite[], params: WriteParams = {}) =>
      writeBatch<EntityLink & { entity_id: number; entity_type: LinkSourceType }>(send, {
        method: 'POST',
        path: `/api/v4/${entity}/link`,
        key: 'links',
        items: checked(links),
        ...params,
      }),
    /** `POST /api/v4/{entity}/unlink`: amoCRM answers 204. */
    async unlinkMany(entity: LinkSourceType, links: readonly LinkWrite[], params: WriteParams = {}): Promise<void> {
      if (links.length === 0) throw new RangeError('nothing to unlink');
      await send({ method: 'POST', path: `/api/v4/${entity}/unlink`, body: checked(links), signal: params.signal });
    },
    /** Links of many entities in one call (`filter[entity_id][]`). */
    listMany,
    iterateMany: (entity: LinkSourceType, entityIds: readonly number[], params: { filter?: LinkFilter; signal?: AbortSignal } = {}) =>
      paginate((page) => listMany(entity, entityIds, { ...params, page })),
    async list(entity: LinkSourceType, id: number, params: { filter?: LinkFilter; signal?: AbortSignal } = {}): Promise<EntityLink[]> {
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
