// /api/v4/{entity}/tags: the account's tag dictionary per entity type.

import { getCollection } from '../collection.js';
import { paginate } from '../paginate.js';
import type { SendFn } from '../request.js';
import type { EntityType, Tag } from '../types.js';

export interface TagListParams {
  page?: number;
  limit?: number;
  query?: string;
  filter?: { id?: readonly number[]; name?: string };
  signal?: AbortSignal;
}

export function createTagsResource(send: SendFn) {
  const list = (entity: EntityType, params: TagListParams = {}) =>
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
    iterate: (entity: EntityType, params: TagListParams = {}) =>
      paginate((page) => list(entity, { ...params, page }), { startPage: params.page }),
  };
}
