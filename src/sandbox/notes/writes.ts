// POST and PATCH of notes on leads, contacts and companies. Every item is checked before any is
// written (see ../writes/issues.ts); a note keeps its entity and its type, and a PATCH of `params` merges
// into the stored ones, so `{ params: { text } }` edits a common note's text and nothing else.

import type { RequestContext } from '../http/context.js';
import { selfHref } from '../http/hal.js';
import { hal, type Reply } from '../http/reply.js';
import type { EntityType, NoteRecord } from '../records.js';
import { groupOf } from '../seed/metadata.js';
import type { SandboxStore } from '../store.js';
import { readBatch, readObjectBody } from '../writes/body.js';
import { isLive, unixNow } from '../writes/env.js';
import { requestIdOf, validateAll, type Issues } from '../writes/issues.js';
import { readItem } from '../writes/scalars.js';
import { checkUser, NOT_A_CHOICE, readFields } from './fields.js';
import { checkNoteParams, isWritableNoteType, WRITABLE_NOTE_TYPES } from './params.js';
import { recordNoteAdded } from '../events/record.js';
import { notePath } from './render.js';

function checkNewNote(store: SandboxStore, entity: EntityType, pathEntityId: number | null, raw: unknown, issues: Issues) {
  const item = readItem(raw, issues);
  if (!item) return undefined;
  const read = readFields(item, issues);
  const entityId = pathEntityId ?? read.int('entity_id', { required: true });
  if (entityId !== undefined && !isLive(store, entity, entityId)) read.fail('NotSupportedChoice', 'entity_id', `No ${entity} entity with this id.`);

  const noteType = read.text('note_type', { required: true });
  let params: Record<string, unknown> = {};
  if (noteType !== undefined && !isWritableNoteType(noteType)) {
    read.fail('NotSupportedChoice', 'note_type', `${NOT_A_CHOICE} Writable types: ${WRITABLE_NOTE_TYPES.join(', ')}.`);
  } else if (noteType !== undefined) {
    const given = read.object('params');
    // Without params the missing ones are named one by one (`params.text`), which says more.
    const wrongType = given === undefined && item.params !== undefined && item.params !== null;
    if (!wrongType) params = checkNoteParams(noteType, given ?? {}, issues);
  }

  const createdBy = checkUser(read, 'created_by', store.users, { allowRobot: true }) ?? store.account.current_user_id;
  const responsible = checkUser(read, 'responsible_user_id', store.users) ?? (createdBy || store.account.current_user_id);
  return { entityId: entityId ?? 0, noteType: noteType ?? '', params, createdBy, responsible };
}

/** `POST /api/v4/{E}/notes`, or `/api/v4/{E}/{entity_id}/notes` with the entity from the path. */
export function createNotes(ctx: RequestContext, entity: EntityType, pathEntityId: number | null): Reply {
  const { store } = ctx;
  const items = readBatch(ctx.body);
  const drafts = validateAll(items, (item, _index, issues) => checkNewNote(store, entity, pathEntityId, item, issues));
  const now = unixNow(ctx);
  const table = store.notes[entity];
  const notes = drafts.map((draft, index) => {
    const value = draft!;
    const row = table.put({
      id: table.nextId(),
      entity_id: value.entityId,
      note_type: value.noteType,
      params: value.params,
      created_by: value.createdBy,
      updated_by: value.createdBy,
      created_at: now,
      updated_at: now,
      responsible_user_id: value.responsible,
      group_id: groupOf(store, value.responsible),
      is_pinned: false,
    });
    recordNoteAdded(store, entity, row, { by: row.created_by, at: now });
    return { id: row.id, entity_id: row.entity_id, request_id: requestIdOf(items[index], index), _links: { self: { href: `${ctx.origin}${notePath(entity, row)}` } } };
  });
  return hal({ _links: { self: { href: selfHref(ctx) } }, _embedded: { notes } });
}

function checkNoteUpdate(store: SandboxStore, entity: EntityType, pathId: number | null, raw: unknown, issues: Issues): NoteRecord | undefined {
  const item = readItem(raw, issues);
  if (!item) return undefined;
  const read = readFields(item, issues);
  const id = pathId ?? read.int('id', { required: true });
  if (id === undefined) return undefined;
  const note = store.notes[entity].get(id);
  if (!note) {
    read.fail('NotFound', 'id', `No ${entity} note with this id.`);
    return undefined;
  }
  const entityId = read.int('entity_id');
  if (entityId !== undefined && entityId !== note.entity_id) read.fail('NotSupportedChoice', 'entity_id', 'A note stays on the entity it was added to.');
  const noteType = read.text('note_type');
  if (noteType !== undefined && noteType !== note.note_type) read.fail('NotSupportedChoice', 'note_type', 'A note keeps its type.');

  let params = note.params;
  const given = read.object('params');
  if (given && !isWritableNoteType(note.note_type)) {
    read.fail('NotSupportedChoice', 'params', `Notes of type ${note.note_type} cannot be edited.`);
  } else if (given) {
    params = checkNoteParams(note.note_type, { ...note.params, ...given }, issues);
  }
  const responsible = checkUser(read, 'responsible_user_id', store.users) ?? note.responsible_user_id;
  const updatedBy = checkUser(read, 'updated_by', store.users, { allowRobot: true }) ?? store.account.current_user_id;
  return { ...note, params, responsible_user_id: responsible, group_id: groupOf(store, responsible), updated_by: updatedBy };
}

/** `PATCH /api/v4/{E}/notes` (an array with ids) or `PATCH /api/v4/{E}/notes/{id}` (one object). */
export function updateNotes(ctx: RequestContext, entity: EntityType, pathId: number | null): Reply {
  const { store } = ctx;
  const items = pathId === null ? readBatch(ctx.body) : [readObjectBody(ctx.body)];
  const drafts = validateAll(items, (item, _index, issues) => checkNoteUpdate(store, entity, pathId, item, issues));
  const now = unixNow(ctx);
  const notes = drafts.map((value, index) => {
    const row = store.notes[entity].put({ ...value!, updated_at: now });
    return {
      id: row.id,
      entity_id: row.entity_id,
      updated_at: row.updated_at,
      request_id: requestIdOf(items[index], index),
      _links: { self: { href: `${ctx.origin}${notePath(entity, row)}` } },
    };
  });
  if (pathId !== null) return hal(notes[0]);
  return hal({ _links: { self: { href: selfHref(ctx) } }, _embedded: { notes } });
}
