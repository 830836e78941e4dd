// Customers by id (one `filter[id][]` list per 250 ids, with their contact and company ids
// embedded), list windows of customers and transactions, each customer's transactions (one
// `filter[customer_id][]` read per 250 customers), and the periodic-mode statuses and segments
// (one read per operation: both lists are short).

import type { AmoClient } from '../rest/client.js';
import { collect } from '../rest/paginate.js';
import type { Customer, CustomerSegment, CustomerStatus, Transaction } from '../rest/resources/customers.js';
import { ID_BATCH_SIZE } from './entities.js';
import { fetchWindow, type ListWindow } from './list-window.js';

/** What every customer read embeds: the links a customer's fields resolve through. */
export const CUSTOMER_WITH = ['contacts', 'companies'] as const;

function chunks<T>(items: readonly T[], size = ID_BATCH_SIZE): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

export async function loadCustomers(client: AmoClient, ids: readonly number[]): Promise<Customer[]> {
  const pages = await Promise.all(
    chunks(ids).map((part) => client.customers.list({ filter: { id: part }, limit: ID_BATCH_SIZE, with: CUSTOMER_WITH })),
  );
  return pages.flatMap((page) => page.items);
}

export function listCustomers(client: AmoClient, request: { window: ListWindow; ids?: readonly number[]; query?: string }) {
  return fetchWindow(
    (page, limit) => client.customers.list({ page, limit, with: CUSTOMER_WITH, query: request.query, filter: request.ids ? { id: request.ids } : undefined }),
    request.window,
  );
}

export function listTransactions(client: AmoClient, request: { window: ListWindow; customerIds?: readonly number[] }) {
  return fetchWindow(
    (page, limit) => client.customers.transactions.list({ page, limit, filter: request.customerIds ? { customer_id: request.customerIds } : undefined }),
    request.window,
  );
}

/** Every transaction of each customer, in the order `ids` came. */
export async function loadTransactionsOf(client: AmoClient, ids: readonly number[]): Promise<Transaction[][]> {
  const rows = (
    await Promise.all(chunks(ids).map((part) => collect(client.customers.transactions.iterate({ filter: { customer_id: part }, limit: ID_BATCH_SIZE }))))
  ).flat();
  const byCustomer = new Map<number, Transaction[]>();
  for (const row of rows) byCustomer.set(row.customer_id, [...(byCustomer.get(row.customer_id) ?? []), row]);
  return ids.map((id) => byCustomer.get(id) ?? []);
}

export async function loadCustomerStatuses(client: AmoClient): Promise<CustomerStatus[]> {
  return (await client.customers.statuses.list()).items;
}

export async function loadCustomerSegments(client: AmoClient): Promise<CustomerSegment[]> {
  return (await client.customers.segments.list()).items;
}

/**
 * The customer ids of each contact or company (`with=customers`), in the order `ids` came: one
 * call per 250 entities. The customers themselves load through the customer loader.
 */
export async function loadCustomerIdsOf(client: AmoClient, entity: 'contacts' | 'companies', ids: readonly number[]): Promise<number[][]> {
  const read = (part: number[]) =>
    entity === 'contacts'
      ? client.contacts.list({ filter: { id: part }, limit: ID_BATCH_SIZE, with: ['customers'] })
      : client.companies.list({ filter: { id: part }, limit: ID_BATCH_SIZE, with: ['customers'] });
  const pages = await Promise.all(chunks(ids).map(read));
  const byId = new Map<number, number[]>();
  for (const row of pages.flatMap((page): { id: number; _embedded?: unknown }[] => page.items)) {
    const embedded = row._embedded as { customers?: { id: number }[] } | undefined;
    byId.set(row.id, (embedded?.customers ?? []).map((ref) => ref.id));
  }
  return ids.map((id) => byId.get(id) ?? []);
}
