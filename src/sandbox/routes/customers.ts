// Customers (§3.17): the mode switch, customers (list with filter[id], query, paging, with=contacts
// and companies; get; batch and single writes), periodic-mode statuses, segments, transactions
// (all, or per customer) and bonus points. Every endpoint but the mode switch answers only while
// the mode is on (../customers/gate.ts).

import { requireCustomers } from '../customers/gate.js';
import { renderCustomer, renderCustomerStatus, renderSegment, renderTransaction } from '../customers/render.js';
import {
  addTransactions,
  changeBonusPoints,
  createCustomers,
  deleteStatus,
  deleteTransaction,
  setMode,
  updateCustomers,
  writeStatuses,
} from '../customers/writes.js';
import { createSegments, deleteSegment, updateSegment } from '../customers/segment-writes.js';
import type { RequestContext } from '../http/context.js';
import { filterTree, intList, readWith } from '../http/filters.js';
import { countedPage, uncountedPage } from '../http/hal.js';
import { readPaging } from '../http/paging.js';
import { hal, noContent, type Reply } from '../http/reply.js';
import type { Route } from '../http/router.js';
import { idParam } from './params.js';

const options = (ctx: RequestContext) => ({ store: ctx.store, origin: ctx.origin, with: readWith(ctx.query) });

function idFilter(ctx: RequestContext, key: string): Set<number> | null {
  const value = filterTree(ctx.query).get(key);
  return value === undefined ? null : new Set(intList(value, `filter[${key}]`));
}

function listCustomers(ctx: RequestContext): Reply {
  requireCustomers(ctx);
  const paging = readPaging(ctx);
  const ids = idFilter(ctx, 'id');
  const rawQuery = ctx.query.get('query');
  const query = typeof rawQuery === 'string' ? rawQuery.trim().toLowerCase() : '';
  const rows = ctx.store.customers.rows
    .values()
    .filter((row) => !row.is_deleted && (!ids || ids.has(row.id)) && (query === '' || row.name.toLowerCase().includes(query)));
  const opts = options(ctx);
  return uncountedPage(ctx, 'customers', rows, paging, (row) => renderCustomer(opts, row));
}

function getCustomer(ctx: RequestContext): Reply {
  requireCustomers(ctx);
  const row = ctx.store.customers.rows.get(idParam(ctx));
  return row && !row.is_deleted ? hal(renderCustomer(options(ctx), row)) : noContent();
}

function listStatuses(ctx: RequestContext): Reply {
  requireCustomers(ctx, 'periodicity');
  const opts = options(ctx);
  const rows = ctx.store.customers.statuses.values().sort((a, b) => a.sort - b.sort || a.id - b.id);
  return countedPage(ctx, 'statuses', rows, readPaging(ctx), (row) => renderCustomerStatus(opts, row));
}

function getStatus(ctx: RequestContext): Reply {
  requireCustomers(ctx, 'periodicity');
  const row = ctx.store.customers.statuses.get(idParam(ctx));
  return row ? hal(renderCustomerStatus(options(ctx), row)) : noContent();
}

function listSegments(ctx: RequestContext): Reply {
  requireCustomers(ctx, 'segments');
  const opts = options(ctx);
  return countedPage(ctx, 'segments', ctx.store.customers.segments.values(), readPaging(ctx), (row) => renderSegment(opts, row));
}

function getSegment(ctx: RequestContext): Reply {
  requireCustomers(ctx, 'segments');
  const row = ctx.store.customers.segments.get(idParam(ctx));
  return row ? hal(renderSegment(options(ctx), row)) : noContent();
}

function listTransactions(ctx: RequestContext, customerId: number | null): Reply {
  requireCustomers(ctx);
  const paging = readPaging(ctx);
  const ids = idFilter(ctx, 'id');
  const customers = customerId === null ? idFilter(ctx, 'customer_id') : new Set([customerId]);
  const rows = ctx.store.customers.transactions.values().filter((row) => (!ids || ids.has(row.id)) && (!customers || customers.has(row.customer_id)));
  const opts = options(ctx);
  return uncountedPage(ctx, 'transactions', rows, paging, (row) => renderTransaction(opts, row));
}

export const customerRoutes: Route[] = [
  { method: 'PATCH', path: '/api/v4/customers/mode', handler: setMode },
  { method: 'GET', path: '/api/v4/customers', handler: listCustomers },
  { method: 'POST', path: '/api/v4/customers', handler: createCustomers },
  { method: 'PATCH', path: '/api/v4/customers', handler: (ctx) => updateCustomers(ctx, null) },
  { method: 'GET', path: '/api/v4/customers/:id', handler: getCustomer },
  { method: 'PATCH', path: '/api/v4/customers/:id', handler: (ctx) => updateCustomers(ctx, idParam(ctx)) },
  { method: 'GET', path: '/api/v4/customers/statuses', handler: listStatuses },
  { method: 'POST', path: '/api/v4/customers/statuses', handler: (ctx) => writeStatuses(ctx, 'create', null) },
  { method: 'PATCH', path: '/api/v4/customers/statuses', handler: (ctx) => writeStatuses(ctx, 'update', null) },
  { method: 'GET', path: '/api/v4/customers/statuses/:id', handler: getStatus },
  { method: 'PATCH', path: '/api/v4/customers/statuses/:id', handler: (ctx) => writeStatuses(ctx, 'update', idParam(ctx)) },
  { method: 'DELETE', path: '/api/v4/customers/statuses/:id', handler: (ctx) => deleteStatus(ctx, idParam(ctx)) },
  { method: 'GET', path: '/api/v4/customers/segments', handler: listSegments },
  { method: 'GET', path: '/api/v4/customers/segments/:id', handler: getSegment },
  { method: 'POST', path: '/api/v4/customers/segments', handler: createSegments },
  { method: 'PATCH', path: '/api/v4/customers/segments/:id', handler: (ctx) => updateSegment(ctx, idParam(ctx)) },
  { method: 'DELETE', path: '/api/v4/customers/segments/:id', handler: (ctx) => deleteSegment(ctx, idParam(ctx)) },
  { method: 'GET', path: '/api/v4/customers/transactions', handler: (ctx) => listTransactions(ctx, null) },
  { method: 'GET', path: '/api/v4/customers/:id/transactions', handler: (ctx) => listTransactions(ctx, idParam(ctx)) },
  { method: 'POST', path: '/api/v4/customers/:id/transactions', handler: (ctx) => addTransactions(ctx, idParam(ctx)) },
  {
    method: 'DELETE',
    path: '/api/v4/customers/:id/transactions/:tid',
    handler: (ctx) => deleteTransaction(ctx, idParam(ctx), idParam(ctx, 'tid')),
  },
  { method: 'POST', path: '/api/v4/customers/:id/bonus_points', handler: (ctx) => changeBonusPoints(ctx, idParam(ctx)) },
];
