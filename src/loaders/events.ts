// Events as list windows (amoCRM pages them by 100, so a window of 250 is three calls) and the
// events of many leads, contacts or companies at once: one `filter[entity_id]` call per 100
// entities of one type (and its pages), never one per entity.

import type { AmoClient } from '../rest/client.js';
import { collect } from '../rest/paginate.js';
import { EVENTS_MAX_LIMIT, type EventEntity, type EventFilter } from '../rest/resources/events.js';
import type { AmoEvent } from '../rest/types.js';
import { fetchWindow, type ListWindow } from './list-window.js';

/** Entity ids per events call; amoCRM's cap on `filter[entity_id]` is not documented, 100 is its page. */
export const EVENT_ENTITY_BATCH = 100;

export function listEvents(client: AmoClient, request: { window: ListWindow; filter?: EventFilter }) {
  return fetchWindow((page, limit) => client.events.list({ page, limit, filter: request.filter }), request.window, EVENTS_MAX_LIMIT);
}

/** Every event of each entity, newest first, in the order `ids` came. */
export async function loadEventsOf(client: AmoClient, entity: EventEntity, ids: readonly number[]): Promise<AmoEvent[][]> {
  const parts: number[][] = [];
  for (let i = 0; i < ids.length; i += EVENT_ENTITY_BATCH) parts.push(ids.slice(i, i + EVENT_ENTITY_BATCH));
  const rows = (
    await Promise.all(parts.map((part) => collect(client.events.iterate({ filter: { entity: [entity], entity_id: part }, limit: EVENTS_MAX_LIMIT }))))
  ).flat();
  const byEntity = new Map<number, AmoEvent[]>();
  for (const event of rows) {
    if (event.entity_type !== entity) continue;
    byEntity.set(event.entity_id, [...(byEntity.get(event.entity_id) ?? []), event]);
  }
  return ids.map((id) => byEntity.get(id) ?? []);
}
