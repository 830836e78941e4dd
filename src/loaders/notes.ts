// Notes of leads, contacts and companies: by the entities they belong to (one
// `filter[entity_id][]` call per 250 entities and its pages) and as list windows.

import type { AmoClient } from '../rest/client.js';
import { collect } from '../rest/paginate.js';
import type { SortDirection } from '../rest/resources/entity.js';
import type { NoteFilter } from '../rest/resources/notes.js';
import type { EntityType, Note } from '../rest/types.js';
import { ID_BATCH_SIZE } from './entities.js';
import { fetchWindow, type ListWindow } from './list-window.js';

/** Every read asks for `is_pinned` too: the same call, so `Note.isPinned` costs nothing. */
const WITH = ['is_pinned'] as const;

/** A note with the entity type it belongs to: note ids are per entity type. */
export type EntityNote = Note & { entity_type: EntityType };

const typed = (entity: EntityType) => (note: Note): EntityNote => ({ ...note, entity_type: entity });

/** Every note of each entity, in the order `ids` came. */
export async function loadNotesOf(client: AmoClient, entity: EntityType, ids: readonly number[]): Promise<EntityNote[][]> {
  const parts: number[][] = [];
  for (let i = 0; i < ids.length; i += ID_BATCH_SIZE) parts.push(ids.slice(i, i + ID_BATCH_SIZE));
  const rows = (
    await Promise.all(parts.map((part) => collect(client.notes.iterate(entity, { filter: { entity_id: part }, limit: ID_BATCH_SIZE, with: WITH }))))
  ).flat();
  const byEntity = new Map<number, EntityNote[]>();
  for (const note of rows) byEntity.set(note.entity_id, [...(byEntity.get(note.entity_id) ?? []), typed(entity)(note)]);
  return ids.map((id) => byEntity.get(id) ?? []);
}

/** Notes by id within one entity type. */
export async function loadNotes(client: AmoClient, entity: EntityType, ids: readonly number[]): Promise<EntityNote[]> {
  const pages = [];
  for (let i = 0; i < ids.length; i += ID_BATCH_SIZE) {
    pages.push(client.notes.list(entity, { filter: { id: ids.slice(i, i + ID_BATCH_SIZE) }, limit: ID_BATCH_SIZE, with: WITH }));
  }
  return (await Promise.all(pages)).flatMap((page) => page.items.map(typed(entity)));
}

export async function listNotes(
  client: AmoClient,
  entity: EntityType,
  request: { window: ListWindow; entityId?: number; filter?: NoteFilter; order?: { field: 'updated_at' | 'id'; direction: SortDirection } },
) {
  const result = await fetchWindow(
    (page, limit) =>
      request.entityId !== undefined
        ? client.notes.listFor(entity, request.entityId, { page, limit, filter: request.filter, order: request.order, with: WITH })
        : client.notes.list(entity, { page, limit, filter: request.filter, order: request.order, with: WITH }),
    request.window,
  );
  return { ...result, rows: result.rows.map(typed(entity)) };
}
