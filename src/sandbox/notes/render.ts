// Stored notes -> amoCRM's wire shape. `is_pinned` only with `with=is_pinned`, as amoCRM sends it.

import type { Note } from '../../rest/types.js';
import type { NoteRecord, EntityType } from '../records.js';
import type { SandboxStore } from '../store.js';

/** amoCRM links a note under its entity, though `/{E}/notes/{id}` finds it too. */
export const notePath = (entity: EntityType, note: Pick<NoteRecord, 'id' | 'entity_id'>) => `/api/v4/${entity}/${note.entity_id}/notes/${note.id}`;

export function renderNote(options: { store: SandboxStore; origin: string; entity: EntityType; withPinned: boolean }, note: NoteRecord): Note {
  return {
    id: note.id,
    entity_id: note.entity_id,
    created_by: note.created_by,
    updated_by: note.updated_by,
    created_at: note.created_at,
    updated_at: note.updated_at,
    responsible_user_id: note.responsible_user_id,
    group_id: note.group_id,
    note_type: note.note_type,
    params: { ...note.params },
    ...(options.withPinned ? { is_pinned: note.is_pinned } : {}),
    account_id: options.store.account.id,
    _links: { self: { href: `${options.origin}${notePath(options.entity, note)}` } },
  };
}
