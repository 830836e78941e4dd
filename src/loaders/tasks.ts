// Tasks by id, by the entities they belong to, and as list windows. Reads by entity gather many
// entities into one `filter[entity_id][]` call per 250 ids (and its pages), never one per entity.

import type { AmoClient } from '../rest/client.js';
import { collect } from '../rest/paginate.js';
import type { SortDirection } from '../rest/resources/entity.js';
import type { TaskFilter, TaskOrderField } from '../rest/resources/tasks.js';
import type { EntityType, Task } from '../rest/types.js';
import { ID_BATCH_SIZE } from './entities.js';
import { fetchWindow, type ListWindow } from './list-window.js';

function chunks<T>(items: readonly T[], size = ID_BATCH_SIZE): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

export async function loadTasks(client: AmoClient, ids: readonly number[]): Promise<Task[]> {
  const pages = await Promise.all(chunks(ids).map((part) => client.tasks.list({ filter: { id: part }, limit: ID_BATCH_SIZE })));
  return pages.flatMap((page) => page.items);
}

/** Every task of each entity, in the order `ids` came. */
export async function loadTasksOf(client: AmoClient, entity: EntityType, ids: readonly number[]): Promise<Task[][]> {
  const rows = (
    await Promise.all(
      chunks(ids).map((part) => collect(client.tasks.iterate({ filter: { entity_type: entity, entity_id: part }, limit: ID_BATCH_SIZE }))),
    )
  ).flat();
  const byEntity = new Map<number, Task[]>();
  for (const task of rows) {
    if (task.entity_type !== entity || task.entity_id == null) continue;
    byEntity.set(task.entity_id, [...(byEntity.get(task.entity_id) ?? []), task]);
  }
  return ids.map((id) => byEntity.get(id) ?? []);
}

export function listTasks(
  client: AmoClient,
  request: { window: ListWindow; filter?: TaskFilter; order?: { field: TaskOrderField; direction: SortDirection } },
) {
  return fetchWindow((page, limit) => client.tasks.list({ page, limit, filter: request.filter, order: request.order }), request.window);
}
