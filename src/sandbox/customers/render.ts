// Customers, their stages, segments and transactions as amoCRM renders them. `with=contacts` and
// `with=companies` embed the linked ids; segments are always embedded (amoCRM's docs show them).

import { renderFieldValues } from '../http/render.js';
import type { SandboxStore } from '../store.js';
import type { CustomerRecord, CustomerSegmentRecord, CustomerStatusRecord, TransactionRecord } from './records.js';

interface Options {
  store: SandboxStore;
  origin: string;
  with?: ReadonlySet<string>;
}

const self = (origin: string, path: string) => ({ self: { href: `${origin}${path}` } });

export function renderCustomer(options: Options, row: CustomerRecord) {
  const { store, origin } = options;
  // Tags are embedded always, as on leads: a page of customers brings its tags along.
  const embedded: Record<string, unknown> = {
    segments: row.segment_ids.map((id) => ({ id, _links: self(origin, `/api/v4/customers/segments/${id}`) })),
    tags: row.tag_ids.flatMap((id) => {
      const tag = store.tags.customers.get(id);
      return tag ? [{ id: tag.id, name: tag.name, color: null }] : [];
    }),
  };
  if (options.with?.has('contacts')) {
    embedded.contacts = row.contact_ids.map((id, index) => ({ id, is_main: index === 0, _links: self(origin, `/api/v4/contacts/${id}`) }));
  }
  if (options.with?.has('companies')) {
    embedded.companies = row.company_id === null ? [] : [{ id: row.company_id, _links: self(origin, `/api/v4/companies/${row.company_id}`) }];
  }
  return {
    id: row.id,
    name: row.name,
    next_price: row.next_price,
    next_date: row.next_date,
    responsible_user_id: row.responsible_user_id,
    status_id: row.status_id,
    periodicity: row.periodicity,
    created_by: row.created_by,
    updated_by: row.updated_by,
    created_at: row.created_at,
    updated_at: row.updated_at,
    closest_task_at: row.closest_task_at,
    is_deleted: row.is_deleted,
    custom_fields_values: renderFieldValues(store, 'customers', row.custom_fields_values),
    ltv: row.ltv,
    purchases_count: row.purchases_count,
    average_check: row.average_check,
    account_id: store.account.id,
    _links: self(origin, `/api/v4/customers/${row.id}`),
    _embedded: embedded,
  };
}

export function renderCustomerStatus(options: Options, row: CustomerStatusRecord) {
  return { ...row, conditions: [], account_id: options.store.account.id, _links: self(options.origin, `/api/v4/customers/statuses/${row.id}`) };
}

export function renderSegment(options: Options, row: CustomerSegmentRecord) {
  const customersCount = options.store.customers.rows.values().filter((customer) => !customer.is_deleted && customer.segment_ids.includes(row.id)).length;
  return {
    ...row,
    customers_count: customersCount,
    custom_fields_values: null,
    available_products_price_types: [],
    account_id: options.store.account.id,
    _links: self(options.origin, `/api/v4/customers/segments/${row.id}`),
  };
}

export function renderTransaction(options: Options, row: TransactionRecord) {
  return {
    id: row.id,
    comment: row.comment,
    price: row.price,
    completed_at: row.completed_at,
    customer_id: row.customer_id,
    created_by: row.created_by,
    updated_by: row.updated_by,
    created_at: row.created_at,
    updated_at: row.updated_at,
    is_deleted: false,
    account_id: options.store.account.id,
    _links: self(options.origin, `/api/v4/customers/${row.customer_id}/transactions/${row.id}`),
    _embedded: { customer: { id: row.customer_id, _links: self(options.origin, `/api/v4/customers/${row.customer_id}`) } },
  };
}

/** `with=customers` on a contact or company: the customers it is linked to, ascending id. */
export function customerRefsOf(options: Options, type: 'contacts' | 'companies', id: number) {
  return options.store.customers.rows
    .values()
    .filter((row) => !row.is_deleted && (type === 'contacts' ? row.contact_ids.includes(id) : row.company_id === id))
    .map((row) => ({ id: row.id, _links: self(options.origin, `/api/v4/customers/${row.id}`) }));
}
