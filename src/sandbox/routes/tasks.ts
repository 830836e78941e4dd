// Tasks (§3.11): the list with amoCRM's filters, If-Modified-Since, order and paging (204 when empty), get by id
// (204 when unknown), and batch and single writes.

import type { RequestContext } from '../http/context.js';
import { readOrder } from '../http/filters.js';
import { uncountedPage } from '../http/hal.js';
import { modifiedSinceFilter } from '../http/modified-since.js';
import { readPaging } from '../http/paging.js';
import { hal, noContent, type Reply } from '../http/reply.js';
import type { Route } from '../http/router.js';
import { taskFilter } from '../tasks/filters.js';
import { renderTask } from '../tasks/render.js';
import { createTasks, updateTasks } from '../tasks/writes.js';
import { idParam } from './params.js';

const ORDER_FIELDS = ['created_at', 'complete_till', 'id'] as const;

function listTasks(ctx: RequestContext): Reply {
  const paging = readPaging(ctx);
  const order = readOrder(ctx.query, ORDER_FIELDS);
  const filter = taskFilter(ctx);
  const modified = modifiedSinceFilter(ctx);
  const rows = ctx.store.tasks.values().filter((task) => filter(task) && modified(task));
  if (order) {
    const field = order.field as (typeof ORDER_FIELDS)[number];
    rows.sort((a, b) => (a[field] - b[field] || a.id - b.id) * order.direction);
  }
  const options = { store: ctx.store, origin: ctx.origin };
  return uncountedPage(ctx, 'tasks', rows, paging, (task) => renderTask(options, task));
}

function getTask(ctx: RequestContext): Reply {
  const task = ctx.store.tasks.get(idParam(ctx));
  return task ? hal(renderTask({ store: ctx.store, origin: ctx.origin }, task)) : noContent();
}

export const taskRoutes: Route[] = [
  { method: 'GET', path: '/api/v4/tasks', handler: listTasks },
  { method: 'POST', path: '/api/v4/tasks', handler: createTasks },
  { method: 'PATCH', path: '/api/v4/tasks', handler: (ctx) => updateTasks(ctx, null) },
  { method: 'GET', path: '/api/v4/tasks/:id', handler: getTask },
  { method: 'PATCH', path: '/api/v4/tasks/:id', handler: (ctx) => updateTasks(ctx, idParam(ctx)) },
];
