// The customers mode and what belongs to it: periodic-mode statuses (stages) and segments. Both
// lists are short, so one upstream read per operation serves every customer of the response.

import { GraphQLError } from 'graphql';
import { loadCustomerSegments, loadCustomerStatuses } from '../loaders/customers.js';
import { AmoPaymentRequiredError } from '../rest/errors.js';
import type { CustomerSegment, CustomerStatus } from '../rest/resources/customers.js';
import { builder } from './builder.js';

export const CustomersModeEnum = builder.enumType('CustomersMode', {
  description: "The account's customers (recurring purchases) feature.",
  values: {
    DISABLED: { value: 'disabled', description: 'Turned off: every customer read and write is refused.' },
    PERIODICITY: { value: 'periodicity', description: 'Customers move through statuses by how often they buy.' },
    SEGMENTS: { value: 'segments', description: 'Customers are grouped into segments.' },
    DYNAMIC: { value: 'dynamic', description: 'An older segments mode amoCRM still reports for some accounts.' },
    UNAVAILABLE: { value: 'unavailable', description: "The account's plan has no customers." },
  } as const,
});

/**
 * amoCRM answers customer endpoints with 402 while the mode is off; the gateway says so plainly.
 * Anything else passes through unchanged.
 */
export async function customersCall<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof AmoPaymentRequiredError) {
      throw new GraphQLError(
        `Customers are not available in this account (amoCRM answered 402: ${error.message}). An account admin turns them on with setCustomersMode.`,
        { extensions: { code: 'CUSTOMERS_DISABLED' } },
      );
    }
    throw error;
  }
}

export const CustomerStatusRef = builder.objectRef<CustomerStatus>('CustomerStatus').implement({
  description: 'A stage of the periodic customers mode. The first and the closing system stages cannot be edited.',
  fields: (t) => ({
    amoId: t.int({ resolve: (status) => status.id }),
    name: t.exposeString('name'),
    sort: t.exposeInt('sort'),
    color: t.exposeString('color'),
    isEditable: t.exposeBoolean('is_editable'),
    type: t.exposeInt('type', { description: "amoCRM's stage kind: 0 an ordinary stage, other values amoCRM's own system stages." }),
  }),
});

export const CustomerSegmentRef = builder.objectRef<CustomerSegment>('CustomerSegment').implement({
  description: 'A group of customers in the segments mode.',
  fields: (t) => ({
    amoId: t.int({ resolve: (segment) => segment.id }),
    name: t.exposeString('name'),
    color: t.exposeString('color'),
    customersCount: t.exposeInt('customers_count'),
    createdAt: t.field({ type: 'DateTime', resolve: (segment) => segment.created_at }),
    updatedAt: t.field({ type: 'DateTime', resolve: (segment) => segment.updated_at }),
  }),
});

/** The statuses by id for one operation: one upstream read however many customers ask. */
export async function statusesById(ids: readonly number[], load: () => Promise<CustomerStatus[]>): Promise<(CustomerStatus | null)[]> {
  const statuses = await customersCall(load);
  return ids.map((id) => statuses.find((status) => status.id === id) ?? null);
}

builder.queryFields((t) => ({
  customersMode: t.field({
    type: CustomersModeEnum,
    description: "The account's customers mode (from the account; amoCRM has no separate read for it).",
    resolve: async (_root, _args, ctx) => (await ctx.account.account()).customers_mode,
  }),
  customerStatuses: t.field({
    type: [CustomerStatusRef],
    description: 'The stages of the periodic customers mode, in display order. An error in any other mode.',
    resolve: (_root, _args, ctx) => customersCall(() => loadCustomerStatuses(ctx.upstream)),
  }),
  customerSegments: t.field({
    type: [CustomerSegmentRef],
    description: 'The customer segments of the segments mode. An error in any other mode.',
    resolve: (_root, _args, ctx) => customersCall(() => loadCustomerSegments(ctx.upstream)),
  }),
}));
