// /api/v4/{entity}/notes: notes of leads, contacts and companies, read across the entity type or
// for one entity, written and edited in batches, pinned and unpinned one at a time.

import { assertId, getCollection } from '../collection.js';
import { paginate } from '../paginate.js';
import type { SendFn } from '../request.js';
import type { EntityType, Note, NoteCreated, NoteType, NoteWrite, UpdatedRef, WithId } from '../types.js';
import { writeBatch, type WriteParams } from './batch.js';
import { withParam, type Range, type SortDirection } from './entity.js';

export interface NoteFilter {
  id?: number | readonly number[];
  note_type?: NoteType | readonly NoteType[];
  entity_id?: number | readonly number[];
  updated_at?: number | Range;
}

export interface NoteListParams {
  page?: number;
  limit?: number;
  filter?: NoteFilter | (() => NoteFilter);
  order?: { field: 'updated_at' | 'id'; direction: SortDirection };
  with?: readonly 'is_pinned'[];
  signal?: AbortSignal;
}

export function createNotesResource(send: SendFn) {
  const listAt = (path: string, params: NoteListParams) =>
    getCollection<Note>(send, {
      path,
      key: 'notes',
      page: params.page,
      limit: params.limit,
      query: () => ({
        filter: (typeof params.filter === 'function' ? params.filter() : params.filter) as Record<string, number | readonly (string | number)[]> | undefined,
        order: params.order ? { [params.order.field]: params.order.direction } : undefined,
        with: withParam(params.with),
      }),
      signal: params.signal,
    });
  const list = (entity: EntityType, params: NoteListParams = {}) => listAt(`/api/v4/${entity}/notes`, params);
  return {
    /** Notes across every entity of the type (filter by `entity_id` to batch several entities). */
    list,
    iterate: (entity: EntityType, params: Omit<NoteListParams, 'page'> = {}) => paginate((page) => list(entity, { ...params, page })),
    /** One entity's notes. */
    listFor: (entity: EntityType, entityId: number, params: NoteListParams = {}) =>
      listAt(`/api/v4/${entity}/${assertId(entityId, 'entity_id')}/notes`, params),
    async get(entity: EntityType, id: number, params: { signal?: AbortSignal } = {}): Promise<Note | null> {
      const response = await send({ method: 'GET', path: `/api/v4/${entity}/notes/${assertId(id)}`, signal: params.signal });
      return (response.data as Note | undefined) ?? null;
    },
    create: (entity: EntityType, items: readonly NoteWrite[], params: WriteParams = {}) =>
      writeBatch<NoteCreated>(send, { method: 'POST', path: `/api/v4/${entity}/notes`, key: 'notes', items, ...params }),
    /** Edits notes; amoCRM's docs ask for `id` and `entity_id` in every item. */
    update: (entity: EntityType, items: readonly WithId<Partial<NoteWrite>>[], params: WriteParams = {}) =>
      writeBatch<UpdatedRef>(send, { method: 'PATCH', path: `/api/v4/${entity}/notes`, key: 'notes', items, ...params }),
    /** Pins a note to the top of its feed; amoCRM answers 204 with no body. */
    async pin(entity: EntityType, id: number, params: WriteParams = {}): Promise<void> {
      await send({ method: 'POST', path: `/api/v4/${entity}/notes/${assertId(id)}/pin`, signal: params.signal });
    },
    async unpin(entity: EntityType, id: number, params: WriteParams = {}): Promise<void> {
      await send({ method: 'POST', path: `/api/v4/${entity}/notes/${assertId(id)}/unpin`, signal: params.signal });
    },
  };
}
