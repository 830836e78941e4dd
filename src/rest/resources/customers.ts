// /api/v4/customers (§3.17): the customers mode switch (admins only), customers (list, get, batch
// create and update), periodic-mode statuses, segments, transactions and bonus points. amoCRM
// answers these only while the account's customers mode is on; the mode itself is read from the
// account (`customers_mode`): amoCRM's docs show no GET for it.

import { assertId, getCollection } from '../collection.js';
import { paginate } from '../paginate.js';
import type { SendFn } from '../request.js';
import type { CreatedRef, CustomFieldValues, CustomFieldValuesWrite, Tag, TagWrite, UnixSeconds, UpdatedRef, WithId } from '../types.js';
import { writeBatch, writeOne, type WriteParams } from './batch.js';
import { withParam } from './entity.js';

export type CustomersModeName = 'segments' | 'periodicity';

export interface Customer {
  id: number;
  name: string;
  next_price: number;
  next_date: UnixSeconds;
  responsible_user_id: number;
  status_id: number;
  periodicity: number;
  created_by: number;
  updated_by: number;
  created_at: UnixSeconds;
  updated_at: UnixSeconds;
  closest_task_at: UnixSeconds | null;
  is_deleted: boolean;
  /** `null` when nothing is filled, as on leads. */
  custom_fields_values?: CustomFieldValues[] | null;
  ltv: number;
  purchases_count: number;
  average_check: number;
  account_id: number;
  _embedded?: {
    segments?: { id: number }[];
    contacts?: { id: number; is_main?: boolean }[];
    companies?: { id: number }[];
    /** Always embedded, as on leads. */
    tags?: Tag[];
  };
}

export interface CustomerWrite {
  name?: string;
  next_price?: number;
  next_date?: UnixSeconds;
  responsible_user_id?: number;
  status_id?: number;
  periodicity?: number;
  custom_fields_values?: CustomFieldValuesWrite[];
  /** Incremental tag changes; `_embedded.tags` replaces them all. */
  tags_to_add?: TagWrite[];
  tags_to_delete?: TagWrite[];
  _embedded?: { contacts?: { id: number }[]; companies?: { id: number }[]; tags?: TagWrite[] | null };
}

export interface CustomerStatus {
  id: number;
  name: string;
  sort: number;
  is_editable: boolean;
  color: string;
  type: number;
}

export interface CustomerStatusWrite {
  name?: string;
  sort?: number;
  color?: string;
}

export interface CustomerSegment {
  id: number;
  name: string;
  color: string;
  customers_count: number;
  created_at: UnixSeconds;
  updated_at: UnixSeconds;
}

/** What the API may set on a segment: its entry conditions are not writable (amoCRM's docs). */
export interface CustomerSegmentWrite {
  name?: string;
  /** Hex without "#", e.g. "ffce5a". */
  color?: string;
}

export interface Transaction {
  id: number;
  customer_id: number;
  price: number;
  comment: string | null;
  completed_at: UnixSeconds;
  created_by: number;
  created_at: UnixSeconds;
  updated_at: UnixSeconds;
}

export interface TransactionWrite {
  price: number;
  comment?: string;
  completed_at?: UnixSeconds;
  /** The customer's next expected purchase, set together with this one. */
  next_price?: number;
  next_date?: UnixSeconds;
}

export type CustomerWith = 'contacts' | 'companies' | 'catalog_elements';

export interface CustomerListParams {
  page?: number;
  limit?: number;
  filter?: { id?: readonly number[] };
  query?: string;
  with?: readonly CustomerWith[];
  signal?: AbortSignal;
}

export interface TransactionListParams {
  page?: number;
  limit?: number;
  filter?: { id?: readonly number[]; customer_id?: readonly number[] };
  signal?: AbortSignal;
}

const PATH = '/api/v4/customers';

export function createCustomersResource(send: SendFn) {
  const list = (params: CustomerListParams = {}) =>
    getCollection<Customer>(send, {
      path: PATH,
      key: 'customers',
      page: params.page,
      limit: params.limit,
      query: { filter: params.filter, query: params.query || undefined, with: withParam(params.with) },
      signal: params.signal,
    });
  const listTransactions = (params: TransactionListParams = {}) =>
    getCollection<Transaction>(send, {
      path: `${PATH}/transactions`,
      key: 'transactions',
      page: params.page,
      limit: params.limit,
      query: { filter: params.filter },
      signal: params.signal,
    });
  return {
    /** Admins only. Answers what was set. */
    setMode: (body: { mode: CustomersModeName; is_enabled: boolean }, params: WriteParams = {}) =>
      writeOne<{ mode: CustomersModeName; is_enabled: boolean }>(send, { method: 'PATCH', path: `${PATH}/mode`, body, ...params }),
    list,
    iterate: (params: Omit<CustomerListParams, 'page'> = {}) => paginate((page) => list({ ...params, page })),
    async get(id: number, params: { with?: readonly CustomerWith[]; signal?: AbortSignal } = {}): Promise<Customer | null> {
      const response = await send({ method: 'GET', path: `${PATH}/${assertId(id)}`, query: { with: withParam(params.with) }, signal: params.signal });
      return (response.data as Customer | undefined) ?? null;
    },
    create: (items: readonly CustomerWrite[], params: WriteParams = {}) =>
      writeBatch<CreatedRef>(send, { method: 'POST', path: PATH, key: 'customers', items, ...params }),
    update: (items: readonly WithId<CustomerWrite>[], params: WriteParams = {}) =>
      writeBatch<UpdatedRef>(send, { method: 'PATCH', path: PATH, key: 'customers', items, ...params }),
    statuses: {
      list: (params: { signal?: AbortSignal } = {}) =>
        getCollection<CustomerStatus>(send, { path: `${PATH}/statuses`, key: 'statuses', signal: params.signal }),
      create: (items: readonly CustomerStatusWrite[], params: WriteParams = {}) =>
        writeBatch<CustomerStatus & { request_id?: string }>(send, { method: 'POST', path: `${PATH}/statuses`, key: 'statuses', items, ...params }),
      update: (items: readonly WithId<CustomerStatusWrite>[], params: WriteParams = {}) =>
        writeBatch<CustomerStatus & { request_id?: string }>(send, { method: 'PATCH', path: `${PATH}/statuses`, key: 'statuses', items, ...params }),
      delete: (id: number, params: WriteParams = {}) =>
        writeOne<null>(send, { method: 'DELETE', path: `${PATH}/statuses/${assertId(id)}`, ...params }),
    },
    segments: {
      list: (params: { signal?: AbortSignal } = {}) =>
        getCollection<CustomerSegment>(send, { path: `${PATH}/segments`, key: 'segments', signal: params.signal }),
      /** Segments mode only; answers the segments as stored. */
      create: (items: readonly CustomerSegmentWrite[], params: WriteParams = {}) =>
        writeBatch<CustomerSegment & { request_id?: string }>(send, { method: 'POST', path: `${PATH}/segments`, key: 'segments', items, ...params }),
      /** One segment per call: amoCRM names it in the path. */
      update: (id: number, body: CustomerSegmentWrite, params: WriteParams = {}) =>
        writeOne<CustomerSegment>(send, { method: 'PATCH', path: `${PATH}/segments/${assertId(id)}`, body, ...params }),
      delete: (id: number, params: WriteParams = {}) =>
        writeOne<null>(send, { method: 'DELETE', path: `${PATH}/segments/${assertId(id)}`, ...params }),
    },
    transactions: {
      list: listTransactions,
      iterate: (params: Omit<TransactionListParams, 'page'> = {}) => paginate((page) => listTransactions({ ...params, page })),
      add: (customerId: number, items: readonly TransactionWrite[], params: WriteParams = {}) =>
        writeBatch<CreatedRef & { customer_id: number }>(send, {
          method: 'POST',
          path: `${PATH}/${assertId(customerId, 'customer id')}/transactions`,
          key: 'transactions',
          items,
          ...params,
        }),
      delete: (customerId: number, id: number, params: WriteParams = {}) =>
        writeOne<null>(send, { method: 'DELETE', path: `${PATH}/${assertId(customerId, 'customer id')}/transactions/${assertId(id)}`, ...params }),
    },
    /** Earns (positive) or redeems (negative) points; answers the new balance. */
    async changeBonusPoints(customerId: number, change: number, params: WriteParams = {}): Promise<number> {
      if (!Number.isSafeInteger(change) || change === 0) throw new RangeError(`a bonus point change is a non-zero integer, got ${change}`);
      const body = change > 0 ? { earn: change } : { redeem: -change };
      const answer = await writeOne<{ bonus_points: number }>(send, { method: 'POST', path: `${PATH}/${assertId(customerId, 'customer id')}/bonus_points`, body, ...params });
      return answer?.bonus_points ?? 0;
    },
  };
}
