// The customers module's stored rows (amoCRM's "Покупатели"), in amoCRM's snake_case. Customers
// keep their contact and company ids beside the row: the link index covers leads, contacts and
// companies only, and customers are read far less often than those.

import type { StoredFieldValues } from '../records.js';
import { createTable, type Table } from '../table.js';

export interface CustomerRecord {
  id: number;
  name: string;
  next_price: number;
  next_date: number;
  responsible_user_id: number;
  status_id: number;
  periodicity: number;
  created_by: number;
  updated_by: number;
  created_at: number;
  updated_at: number;
  closest_task_at: number | null;
  is_deleted: boolean;
  custom_fields_values: StoredFieldValues[];
  ltv: number;
  purchases_count: number;
  average_check: number;
  bonus_points: number;
  segment_ids: number[];
  /** Ids in the customers' own tag dictionary (`store.tags.customers`). */
  tag_ids: number[];
  contact_ids: number[];
  company_id: number | null;
}

/** A stage of the periodic mode. Type 0 is ordinary; the system stages (1..4) cannot be edited. */
export interface CustomerStatusRecord {
  id: number;
  name: string;
  sort: number;
  is_editable: boolean;
  color: string;
  type: number;
}

export interface CustomerSegmentRecord {
  id: number;
  name: string;
  color: string;
  created_at: number;
  updated_at: number;
}

/** A purchase; it adds to the customer's ltv, purchase count and average check. */
export interface TransactionRecord {
  id: number;
  customer_id: number;
  price: number;
  comment: string | null;
  completed_at: number;
  created_by: number;
  updated_by: number;
  created_at: number;
  updated_at: number;
}

export interface CustomersData {
  rows: Table<CustomerRecord>;
  statuses: Table<CustomerStatusRecord>;
  segments: Table<CustomerSegmentRecord>;
  transactions: Table<TransactionRecord>;
}

export const FIRST_CUSTOMER_ID = 50_000_001;
export const FIRST_CUSTOMER_STATUS_ID = 6_000_001;
export const FIRST_SEGMENT_ID = 7_000_001;
export const FIRST_TRANSACTION_ID = 8_000_001;

export function createCustomersData(): CustomersData {
  return {
    rows: createTable<CustomerRecord>([], { firstId: FIRST_CUSTOMER_ID }),
    statuses: createTable<CustomerStatusRecord>([], { firstId: FIRST_CUSTOMER_STATUS_ID }),
    segments: createTable<CustomerSegmentRecord>([], { firstId: FIRST_SEGMENT_ID }),
    transactions: createTable<TransactionRecord>([], { firstId: FIRST_TRANSACTION_ID }),
  };
}

/** Keeps ltv, purchases_count and average_check equal to what the transactions say. */
export function recount(data: CustomersData, customerId: number): void {
  const customer = data.rows.get(customerId);
  if (!customer) return;
  const prices = data.transactions.values().filter((row) => row.customer_id === customerId).map((row) => row.price);
  customer.ltv = prices.reduce((sum, price) => sum + price, 0);
  customer.purchases_count = prices.length;
  customer.average_check = prices.length === 0 ? 0 : Math.round(customer.ltv / prices.length);
}
