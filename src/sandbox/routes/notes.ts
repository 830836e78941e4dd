// Notes of leads, contacts and companies (§3.10): lists across an entity type or for one entity,
// with amoCRM's filters, order and paging (204 when empty); get by id either way; batch and single
// writes; pin and unpin (204). Note ids are per entity type, so every path names the type.

import type { RequestContext } from '../http/context.js';
import { readOrder, readWith } from '../http/filters.js';
import { uncountedPage } from '../http/hal.js';
import { readPaging } from '../http/paging.js';
import { hal, noContent, problem, type Reply } from '../http/reply.js';
import type { Route } from '../http/router.js';
import { noteFilter } from '../notes/filters.js';
import { renderNote } from '../notes/render.js';
import { createNotes, updateNotes } from '../notes/writes.js';
import type { EntityType, NoteRecord } from '../records.js';
import { idParam } from './params.js';

const ORDER_FIELDS = ['updated_at', 'id'] as const;

function renderer(ctx: RequestContext, entity: EntityType) {
  const withPinned = readWith(ctx.query).has('is_pinned');
  return (note: NoteRecord) => renderNote({ store: ctx.store, origin: ctx.origin, entity, withPinned }, note);
}

function listNotes(ctx: RequestContext, entity: EntityType, entityId: number | null): Reply {
  const paging = readPaging(ctx);
  const order = readOrder(ctx.query, ORDER_FIELDS);
  const filter = noteFilter(ctx);
  const rows = ctx.store.notes[entity].values().filter((note) => (entityId === null || note.entity_id === entityId) && filter(note));
  if (order) {
    const field = order.field as (typeof ORDER_FIELDS)[number];
    rows.sort((a, b) => (a[field] - b[field] || a.id - b.id) * order.direction);
  }
  return uncountedPage(ctx, 'notes', rows, paging, renderer(ctx, entity));
}

function getNote(ctx: RequestContext, entity: EntityType, entityId: number | null): Reply {
  const note = ctx.store.notes[entity].get(idParam(ctx));
  if (!note || (entityId !== null && note.entity_id !== entityId)) return noContent();
  return hal(renderer(ctx, entity)(note));
}

function pin(ctx: RequestContext, entity: EntityType, pinned: boolean): Reply {
  const id = idParam(ctx);
  const note = ctx.store.notes[entity].get(id);
  if (!note) return problem(404, `No ${entity} note ${id}`);
  ctx.store.notes[entity].put({ ...note, is_pinned: pinned });
  return noContent();
}

export const noteRoutes: Route[] = (['leads', 'contacts', 'companies'] as const).flatMap((entity): Route[] => {
  const base = `/api/v4/${entity}`;
  const forEntity = (ctx: RequestContext) => idParam(ctx, 'entity_id');
  return [
    { method: 'GET', path: `${base}/notes`, handler: (ctx) => listNotes(ctx, entity, null) },
    { method: 'POST', path: `${base}/notes`, handler: (ctx) => createNotes(ctx, entity, null) },
    { method: 'PATCH', path: `${base}/notes`, handler: (ctx) => updateNotes(ctx, entity, null) },
    { method: 'GET', path: `${base}/notes/:id`, handler: (ctx) => getNote(ctx, entity, null) },
    { method: 'PATCH', path: `${base}/notes/:id`, handler: (ctx) => updateNotes(ctx, entity, idParam(ctx)) },
    { method: 'POST', path: `${base}/notes/:id/pin`, handler: (ctx) => pin(ctx, entity, true) },
    { method: 'POST', path: `${base}/notes/:id/unpin`, handler: (ctx) => pin(ctx, entity, false) },
    { method: 'GET', path: `${base}/:entity_id/notes`, handler: (ctx) => listNotes(ctx, entity, forEntity(ctx)) },
    { method: 'POST', path: `${base}/:entity_id/notes`, handler: (ctx) => createNotes(ctx, entity, forEntity(ctx)) },
    { method: 'GET', path: `${base}/:entity_id/notes/:id`, handler: (ctx) => getNote(ctx, entity, forEntity(ctx)) },
  ];
});
