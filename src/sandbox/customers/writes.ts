// Writes of the customers module. Every batch is checked whole before anything is written
// (../writes/issues.ts): one bad item answers 400 with every bad item's errors.

import type { RequestContext } from '../http/context.js';
import { link } from '../http/hal.js';
import { badRequest, HttpProblem } from '../http/problem.js';
import { hal, noContent, type Reply } from '../http/reply.js';
import { checkUser, NOT_A_CHOICE, readFields, type FieldReader } from '../notes/fields.js';
import { readBatch, readObjectBody } from '../writes/body.js';
import { unixNow } from '../writes/env.js';
import { requestIdOf, validateAll, type Issues } from '../writes/issues.js';
import { readItem } from '../writes/scalars.js';
import { mergeFieldValues, readFieldChanges } from '../writes/field-values.js';
import { requireAdmin } from '../http/admin.js';
import { requireCustomers } from './gate.js';
import { recount, type CustomerRecord } from './records.js';
import { readCustomerTags } from './tags.js';
import { applyTagChanges, type TagChanges } from '../writes/tag-writes.js';

// --- mode -------------------------------------------------------------------------------------

export function setMode(ctx: RequestContext): Reply {
  requireAdmin(ctx, 'changing the customers mode');
  const body = readObjectBody(ctx.body);
  const [checked] = validateAll([body], (raw, _index, issues) => {
    const read = readFields(raw as Record<string, unknown>, issues);
    const mode = read.text('mode', { required: true });
    if (mode !== undefined && mode !== 'segments' && mode !== 'periodicity') read.fail('NotSupportedChoice', 'mode', `${NOT_A_CHOICE} Use segments or periodicity.`);
    const enabled = read.bool('is_enabled', { required: true });
    return { mode: mode as 'segments' | 'periodicity', enabled: enabled! };
  });
  ctx.store.account.customers_mode = checked!.enabled ? checked!.mode : 'disabled';
  return hal({ mode: checked!.mode, is_enabled: checked!.enabled });
}

// --- customers ----------------------------------------------------------------------------------

type CustomerDraft = Partial<CustomerRecord> & { id?: number; tags?: TagChanges };

function checkContacts(read: FieldReader, item: Record<string, unknown>, issues: Issues, ctx: RequestContext, draft: CustomerDraft): void {
  const embedded = read.object('_embedded');
  if (!embedded) return;
  const under = issues.under('_embedded');
  for (const [key, type] of [['contacts', 'contacts'], ['companies', 'companies']] as const) {
    const list = embedded[key];
    if (list === undefined) continue;
    if (!Array.isArray(list)) {
      under.add('InvalidType', key, 'This value should be of type array.');
      continue;
    }
    const ids: number[] = [];
    list.forEach((entry, index) => {
      const id = (entry as { id?: unknown } | null)?.id;
      const row = typeof id === 'number' ? ctx.store.entities(type).get(id) : undefined;
      if (!row || row.is_deleted) under.add('NotSupportedChoice', `${key}.${index}.id`, `No ${type} entity with this id.`);
      else ids.push(row.id);
    });
    if (key === 'contacts') draft.contact_ids = ids;
    else if (ids.length > 1) under.add('TooMany', key, 'A customer has at most one company.');
    else draft.company_id = ids[0] ?? null;
  }
  void item;
}

function checkCustomer(ctx: RequestContext, raw: unknown, issues: Issues, mode: 'create' | 'update', pathId?: number): CustomerDraft | undefined {
  const item = readItem(raw, issues);
  if (!item) return undefined;
  const read = readFields(item, issues);
  const store = ctx.store;
  const draft: CustomerDraft = {};
  if (mode === 'update') {
    const id = pathId ?? read.int('id', { required: true });
    const row = id === undefined ? undefined : store.customers.rows.get(id);
    if (id !== undefined && (!row || row.is_deleted)) issues.add('NotFound', 'id', 'No customer with this id.');
    draft.id = id;
  }
  const name = read.text('name', { required: mode === 'create' });
  if (name !== undefined) draft.name = name;
  const nextPrice = read.int('next_price', { min: 0 });
  if (nextPrice !== undefined) draft.next_price = nextPrice;
  const nextDate = read.int('next_date', { min: 0 });
  if (nextDate !== undefined) draft.next_date = nextDate;
  const periodicity = read.int('periodicity', { min: 0 });
  if (periodicity !== undefined) draft.periodicity = periodicity;
  const responsible = checkUser(read, 'responsible_user_id', store.users);
  if (responsible !== undefined) draft.responsible_user_id = responsible;
  const statusId = read.int('status_id');
  if (statusId !== undefined) {
    if (store.customers.statuses.has(statusId)) draft.status_id = statusId;
    else read.fail('NotSupportedChoice', 'status_id', NOT_A_CHOICE);
  }
  checkContacts(read, item, issues, ctx, draft);
  const changes = readFieldChanges(store, 'customers', item.custom_fields_values, issues.under('custom_fields_values'));
  if (changes) draft.custom_fields_values = mergeFieldValues(store.customers.rows.get(draft.id ?? 0)?.custom_fields_values ?? [], changes);
  const tags = readCustomerTags(store, item, issues, mode);
  if (tags) draft.tags = tags;
  if (mode === 'update' && Object.keys(draft).length === 1 && issues.count === 0) issues.add('NotBlank', '', 'Nothing to update.');
  return draft;
}

export function createCustomers(ctx: RequestContext): Reply {
  requireCustomers(ctx);
  const items = readBatch(ctx.body);
  const drafts = validateAll(items, (item, _index, issues) => checkCustomer(ctx, item, issues, 'create'));
  const now = unixNow(ctx);
  const data = ctx.store.customers;
  const user = ctx.store.account.current_user_id;
  const firstStatus = data.statuses.values()[0]?.id ?? 0;
  const rows = drafts.map((checked) => {
    const { tags, ...draft } = checked!;
    return data.rows.put({
      next_price: 0,
      next_date: now,
      responsible_user_id: user,
      status_id: firstStatus,
      periodicity: 0,
      contact_ids: [],
      company_id: null,
      ...draft,
      name: draft.name!,
      id: data.rows.nextId(),
      created_by: user,
      updated_by: user,
      created_at: now,
      updated_at: now,
      closest_task_at: null,
      is_deleted: false,
      custom_fields_values: draft!.custom_fields_values ?? [],
      ltv: 0,
      purchases_count: 0,
      average_check: 0,
      bonus_points: 0,
      segment_ids: [],
      tag_ids: tags ? applyTagChanges(ctx.store, 'customers', [], tags) : [],
    });
  });
  return hal({
    _links: link(ctx, '/api/v4/customers'),
    _embedded: { customers: rows.map((row, index) => ({ id: row.id, request_id: requestIdOf(items[index], index), _links: link(ctx, `/api/v4/customers/${row.id}`) })) },
  });
}

function applyUpdate(ctx: RequestContext, { tags, ...draft }: CustomerDraft): CustomerRecord {
  const row = ctx.store.customers.rows.get(draft.id!)!;
  const next = { ...row, ...draft, id: row.id, updated_at: unixNow(ctx), updated_by: ctx.store.account.current_user_id };
  if (tags) next.tag_ids = applyTagChanges(ctx.store, 'customers', row.tag_ids, tags);
  return ctx.store.customers.rows.put(next);
}

export function updateCustomers(ctx: RequestContext, pathId: number | null): Reply {
  requireCustomers(ctx);
  const items = pathId === null ? readBatch(ctx.body) : [readObjectBody(ctx.body)];
  const drafts = validateAll(items, (item, _index, issues) => checkCustomer(ctx, item, issues, 'update', pathId ?? undefined));
  const rows = drafts.map((draft) => applyUpdate(ctx, draft!));
  const answer = (row: CustomerRecord, index: number) => ({
    id: row.id,
    updated_at: row.updated_at,
    ...(pathId === null ? { request_id: requestIdOf(items[index], index) } : {}),
    _links: link(ctx, `/api/v4/customers/${row.id}`),
  });
  if (pathId !== null) return hal(answer(rows[0]!, 0));
  return hal({ _links: link(ctx, '/api/v4/customers'), _embedded: { customers: rows.map(answer) } });
}

// --- statuses -----------------------------------------------------------------------------------

export function writeStatuses(ctx: RequestContext, mode: 'create' | 'update', pathId: number | null): Reply {
  requireCustomers(ctx, 'periodicity');
  const table = ctx.store.customers.statuses;
  const items = pathId === null ? readBatch(ctx.body) : [readObjectBody(ctx.body)];
  const drafts = validateAll(items, (raw, _index, issues) => {
    const item = readItem(raw, issues);
    if (!item) return undefined;
    const read = readFields(item, issues);
    const id = mode === 'update' ? (pathId ?? read.int('id', { required: true })) : undefined;
    const current = id === undefined ? undefined : table.get(id);
    if (mode === 'update' && id !== undefined && !current) issues.add('NotFound', 'id', 'No customer status with this id.');
    if (current && !current.is_editable) issues.add('NotSupportedChoice', 'id', 'System statuses cannot be changed.');
    const name = read.text('name', { required: mode === 'create' });
    const sort = read.int('sort', { min: 0 });
    const color = read.text('color');
    return { id, name, sort, color };
  });
  const rows = drafts.map((draft) => {
    const current = draft!.id === undefined ? undefined : table.get(draft!.id);
    return table.put({
      id: current?.id ?? table.nextId(),
      name: draft!.name ?? current!.name,
      sort: draft!.sort ?? current?.sort ?? (table.size + 1) * 10,
      color: draft!.color ?? current?.color ?? '#fffd7f',
      is_editable: true,
      type: 0,
    });
  });
  const render = (row: { id: number }, index: number) => ({ ...table.get(row.id)!, request_id: requestIdOf(items[index], index), _links: link(ctx, `/api/v4/customers/statuses/${row.id}`) });
  if (pathId !== null) return hal(render(rows[0]!, 0));
  return hal({ _links: link(ctx, '/api/v4/customers/statuses'), _embedded: { statuses: rows.map(render) } });
}

export function deleteStatus(ctx: RequestContext, id: number): Reply {
  requireCustomers(ctx, 'periodicity');
  const status = ctx.store.customers.statuses.get(id);
  if (!status) throw new HttpProblem(404, 'No customer status with this id');
  if (!status.is_editable) throw badRequest('System statuses cannot be deleted');
  if (ctx.store.customers.rows.values().some((row) => !row.is_deleted && row.status_id === id)) throw badRequest('The status still has customers: move them first');
  ctx.store.customers.statuses.delete(id);
  return noContent();
}

// --- transactions and bonus points --------------------------------------------------------------

function liveCustomer(ctx: RequestContext, id: number): CustomerRecord {
  const row = ctx.store.customers.rows.get(id);
  if (!row || row.is_deleted) throw new HttpProblem(404, 'No customer with this id');
  return row;
}

export function addTransactions(ctx: RequestContext, customerId: number): Reply {
  requireCustomers(ctx);
  const customer = liveCustomer(ctx, customerId);
  const items = readBatch(ctx.body);
  const drafts = validateAll(items, (raw, _index, issues) => {
    const item = readItem(raw, issues);
    if (!item) return undefined;
    const read = readFields(item, issues);
    return {
      price: read.int('price', { required: true, min: 0 }),
      comment: read.text('comment'),
      completed_at: read.int('completed_at', { min: 0 }),
      next_price: read.int('next_price', { min: 0 }),
      next_date: read.int('next_date', { min: 0 }),
    };
  });
  const data = ctx.store.customers;
  const now = unixNow(ctx);
  const user = ctx.store.account.current_user_id;
  const rows = drafts.map((draft) =>
    data.transactions.put({
      id: data.transactions.nextId(),
      customer_id: customer.id,
      price: draft!.price!,
      comment: draft!.comment ?? null,
      completed_at: draft!.completed_at ?? now,
      created_by: user,
      updated_by: user,
      created_at: now,
      updated_at: now,
    }),
  );
  const last = drafts[drafts.length - 1]!;
  if (last.next_price !== undefined) customer.next_price = last.next_price;
  if (last.next_date !== undefined) customer.next_date = last.next_date;
  customer.updated_at = now;
  recount(data, customer.id);
  return hal({
    _links: link(ctx, `/api/v4/customers/${customer.id}/transactions`),
    _embedded: {
      transactions: rows.map((row, index) => ({
        id: row.id,
        customer_id: customer.id,
        request_id: requestIdOf(items[index], index),
        _links: link(ctx, `/api/v4/customers/${customer.id}/transactions/${row.id}`),
      })),
    },
  });
}

export function deleteTransaction(ctx: RequestContext, customerId: number, id: number): Reply {
  requireCustomers(ctx);
  liveCustomer(ctx, customerId);
  const row = ctx.store.customers.transactions.get(id);
  if (!row || row.customer_id !== customerId) throw new HttpProblem(404, 'No transaction with this id on this customer');
  ctx.store.customers.transactions.delete(id);
  recount(ctx.store.customers, customerId);
  return noContent();
}

export function changeBonusPoints(ctx: RequestContext, customerId: number): Reply {
  requireCustomers(ctx);
  const customer = liveCustomer(ctx, customerId);
  const body = readObjectBody(ctx.body);
  const [change] = validateAll([body], (raw, _index, issues) => {
    const read = readFields(raw as Record<string, unknown>, issues);
    const earn = read.int('earn', { min: 1 });
    const redeem = read.int('redeem', { min: 1 });
    if ((earn === undefined) === (redeem === undefined) && issues.count === 0) issues.add('NotBlank', '', 'Give either earn or redeem.');
    if (redeem !== undefined && redeem > customer.bonus_points) issues.add('NotSupportedChoice', 'redeem', 'The customer has fewer bonus points.');
    return (earn ?? 0) - (redeem ?? 0);
  });
  customer.bonus_points += change!;
  return hal({ bonus_points: customer.bonus_points });
}
