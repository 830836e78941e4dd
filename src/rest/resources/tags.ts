// /api/v4/{entity}/tags: the account's tag dictionary per entity type (customers have one too),
// read and added to. amoCRM's API has no call that deletes a tag from the dictionary.

import { getCollection } from '../collection.js';
import { paginate } from '../paginate.js';
import type { SendFn } from '../request.js';
import type { EntityType, Tag } from '../types.js';
import { writeBatch, type WriteParams } from './batch.js';

export type TagEntityType = EntityType | 'customers';

/** A new tag; `color` (hex without "#") only for leads tags. */
export interface TagCreate {
  name: string;
  color?: string;
}

export interface TagListParams {
  page?: number;
  limit?: number;
  query?: string;
  filter?: { id?: readonly number[]; name?: string };
  signal?: AbortSignal;
}

export function createTagsResource(send: SendFn) {
  const list = (entity: TagEntityType, params: TagListParams = {}) =>
    getCollection<Tag>(send, {
      path: `/api/v4/${entity}/tags`,
      key: 'tags',
      page: params.page,
      limit: params.limit,
      query: { query: params.query || undefined, filter: params.filter },
      signal: params.signal,
    });
  return {
    list,
    /** Adds tags; a name the dictionary already has answers that tag. */
    create: (entity: TagEntityType, items: readonly TagCreate[], params: WriteParams = {}) =>
      writeBatch<Tag & { request_id: string }>(send, { method: 'POST', path: `/api/v4/${entity}/tags`, key: 'tags', items, ...params }),
    iterate: (entity: TagEntityType, params: TagListParams = {}) =>
      paginate((page) => list(entity, { ...params, page }), { startPage: params.page }),
  };
}
