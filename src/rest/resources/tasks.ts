// /api/v4/tasks: tasks on leads, contacts, companies (or on nothing), read with amoCRM's filters
// and written in batches; completing a task is an update with `is_completed` and a `result`.

import { assertId, getCollection } from '../collection.js';
import { modifiedSinceHeaders } from '../modified-since.js';
import { paginate } from '../paginate.js';
import type { SendFn } from '../request.js';
import type { CreatedRef, EntityType, Task, TaskWrite, UpdatedRef, WithId } from '../types.js';
import { writeBatch, type WriteParams } from './batch.js';
import type { Range, SortDirection } from './entity.js';

export interface TaskFilter {
  id?: number | readonly number[];
  responsible_user_id?: number | readonly number[];
  /** 1 or 0, as amoCRM reads it. */
  is_completed?: 0 | 1;
  task_type?: number | readonly number[];
  entity_type?: EntityType;
  entity_id?: number | readonly number[];
  updated_at?: Range;
}

export type TaskOrderField = 'created_at' | 'complete_till' | 'id';

export interface TaskListParams {
  page?: number;
  limit?: number;
  filter?: TaskFilter | (() => TaskFilter);
  order?: { field: TaskOrderField; direction: SortDirection };
  /** Only tasks changed at or after this time (`If-Modified-Since`); see modified-since.ts. */
  modifiedSince?: Date;
  signal?: AbortSignal;
}

const PATH = '/api/v4/tasks';

export function createTasksResource(send: SendFn) {
  const list = (params: TaskListParams = {}) =>
    getCollection<Task>(send, {
      path: PATH,
      key: 'tasks',
      page: params.page,
      limit: params.limit,
      query: () => ({
        filter: (typeof params.filter === 'function' ? params.filter() : params.filter) as Record<string, number | string | readonly number[]> | undefined,
        order: params.order ? { [params.order.field]: params.order.direction } : undefined,
      }),
      headers: modifiedSinceHeaders(params.modifiedSince),
      signal: params.signal,
    });
  return {
    list,
    iterate: (params: Omit<TaskListParams, 'page'> = {}) => paginate((page) => list({ ...params, page })),
    async get(id: number, params: { signal?: AbortSignal } = {}): Promise<Task | null> {
      const response = await send({ method: 'GET', path: `${PATH}/${assertId(id)}`, signal: params.signal });
      return (response.data as Task | undefined) ?? null;
    },
    create: (items: readonly TaskWrite[], params: WriteParams = {}) =>
      writeBatch<CreatedRef>(send, { method: 'POST', path: PATH, key: 'tasks', items, ...params }),
    update: (items: readonly WithId<TaskWrite>[], params: WriteParams = {}) =>
      writeBatch<UpdatedRef>(send, { method: 'PATCH', path: PATH, key: 'tasks', items, ...params }),
  };
}
