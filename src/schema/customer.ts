// Customers (recurring buyers): the node, its connection, the root look-ups, its contacts and
// company (embedded ids, loaded through the contact and company loaders: two calls for any number
// of customers), its status (one statuses read per operation) and its transactions (one batched
// read per 250 customers).

import { listCustomers, listTransactions, loadCustomerIdsOf, loadCustomers, loadCustomerStatuses, loadTransactionsOf } from '../loaders/customers.js';
import { ID_BATCH_SIZE } from '../loaders/entities.js';
import type { Customer, Transaction } from '../rest/resources/customers.js';
import type { Contact } from '../rest/types.js';
import { builder } from './builder.js';
import { amoIds, searchText, userId } from './common.js';
import { resolveWindowConnection } from './connection.js';
import type { GraphQLContext } from './context.js';
import { customersCall, CustomerStatusRef, statusesById } from './customer-status.js';
import { CompanyRef, ContactRef, parseAmoId, UserRef } from './refs.js';

export const CustomerRef = builder.loadableNodeRef('Customer', {
  id: { resolve: (customer: Customer) => customer.id, parse: parseAmoId('Customer') },
  load: (ids: number[], ctx: GraphQLContext) => customersCall(() => loadCustomers(ctx.upstream, ids)),
  toKey: (customer) => customer.id,
  sort: true,
  cacheResolved: true,
  loaderOptions: { maxBatchSize: ID_BATCH_SIZE },
});

export const TransactionRef = builder.objectRef<Transaction>('Transaction').implement({
  description: "A customer's purchase. Adding one raises the customer's lifetime value and purchase count.",
  fields: (t) => ({
    amoId: t.int({ resolve: (row) => row.id }),
    price: t.exposeInt('price'),
    comment: t.string({ nullable: true, resolve: (row) => row.comment ?? null }),
    completedAt: t.field({ type: 'DateTime', resolve: (row) => row.completed_at }),
    createdAt: t.field({ type: 'DateTime', resolve: (row) => row.created_at }),
    createdBy: t.field({ type: UserRef, nullable: true, resolve: (row) => userId(row.created_by) }),
    customerAmoId: t.exposeInt('customer_id'),
    customer: t.field({ type: CustomerRef, nullable: true, resolve: (row) => row.customer_id }),
  }),
});

CustomerRef.implement({
  description: 'A customer: someone who buys again and again (the customers mode must be on).',
  fields: (t) => ({
    amoId: t.int({ resolve: (customer) => customer.id }),
    name: t.exposeString('name'),
    nextPrice: t.exposeInt('next_price', { description: 'The expected amount of the next purchase.' }),
    nextDate: t.field({ type: 'DateTime', description: 'When the next purchase is expected.', resolve: (customer) => customer.next_date }),
    periodicity: t.exposeInt('periodicity', { description: 'Days between purchases.' }),
    status: t.loadable({
      type: CustomerStatusRef,
      nullable: true,
      description: 'The stage in the periodic mode; null in the segments mode.',
      load: (ids: number[], ctx: GraphQLContext) => statusesById(ids, () => loadCustomerStatuses(ctx.upstream)),
      resolve: (customer) => (customer.status_id || null) as number,
    }),
    statusAmoId: t.int({ nullable: true, resolve: (customer) => customer.status_id || null }),
    segmentAmoIds: t.intList({ resolve: (customer) => (customer._embedded?.segments ?? []).map((segment) => segment.id) }),
    responsibleUser: t.field({ type: UserRef, nullable: true, resolve: (customer) => userId(customer.responsible_user_id) }),
    createdBy: t.field({ type: UserRef, nullable: true, resolve: (customer) => userId(customer.created_by) }),
    ltv: t.exposeInt('ltv', { description: 'Lifetime value: the sum of its purchases.' }),
    purchasesCount: t.exposeInt('purchases_count'),
    averageCheck: t.exposeInt('average_check'),
    contacts: t.field({
      type: [ContactRef],
      description: 'Its contacts, main contact first.',
      // A contact deleted since it was linked is left out rather than failing the list.
      resolve: async (customer, _args, ctx) => {
        const rows = await ContactRef.getDataloader(ctx).loadMany((customer._embedded?.contacts ?? []).map((ref) => ref.id));
        return rows.filter((row): row is Contact => row != null && !(row instanceof Error));
      },
    }),
    company: t.field({ type: CompanyRef, nullable: true, resolve: (customer) => customer._embedded?.companies?.[0]?.id ?? null }),
    transactions: t.loadableList({
      type: TransactionRef,
      description: 'Every purchase, oldest first.',
      load: (ids: number[], ctx: GraphQLContext) => customersCall(() => loadTransactionsOf(ctx.upstream, ids)),
      resolve: (customer) => customer.id,
    }),
    createdAt: t.field({ type: 'DateTime', resolve: (customer) => customer.created_at }),
    updatedAt: t.field({ type: 'DateTime', resolve: (customer) => customer.updated_at }),
  }),
});

export const CustomerConnection = builder.connectionObject({ type: CustomerRef, name: 'CustomerConnection' }, { name: 'CustomerEdge' });
export const TransactionConnection = builder.connectionObject({ type: TransactionRef, name: 'TransactionConnection' }, { name: 'TransactionEdge' });

const CustomerFilterInput = builder.inputType('CustomerFilter', {
  description: 'Filters amoCRM applies to customers.',
  fields: (t) => ({ amoIds: t.intList() }),
});

const TransactionFilterInput = builder.inputType('TransactionFilter', {
  fields: (t) => ({ customerAmoIds: t.intList({ description: 'Purchases of these customers.' }) }),
});

builder.queryFields((t) => ({
  customer: t.field({
    type: CustomerRef,
    nullable: true,
    description: 'A customer by its amoCRM id; null if it does not exist.',
    args: { amoId: t.arg.int({ required: true }) },
    resolve: (_root, args) => (args.amoId > 0 ? args.amoId : null),
  }),
  customers: t.connection(
    {
      type: CustomerRef,
      nullable: true,
      description: 'Customers, paged with cursors (at most 250 per page). An error while the customers mode is off.',
      args: { filter: t.arg({ type: CustomerFilterInput }), query: t.arg.string({ description: 'Search by name.' }) },
      resolve: (_root, args, ctx) => {
        const ids = amoIds(args.filter?.amoIds, 'filter.amoIds');
        const query = searchText(args.query);
        return customersCall(() => resolveWindowConnection(args, (window) => listCustomers(ctx.upstream, { window, ids, query })));
      },
    },
    CustomerConnection,
  ),
  transactions: t.connection(
    {
      type: TransactionRef,
      nullable: true,
      description: 'Purchases of every customer, paged with cursors.',
      args: { filter: t.arg({ type: TransactionFilterInput }) },
      resolve: (_root, args, ctx) => {
        const customerIds = amoIds(args.filter?.customerAmoIds, 'filter.customerAmoIds');
        return customersCall(() => resolveWindowConnection(args, (window) => listTransactions(ctx.upstream, { window, customerIds })));
      },
    },
    TransactionConnection,
  ),
}));

// A contact's or company's customers: one `with=customers` read per 250 of them, then one
// customer read per 250 customers, however many contacts the response holds.
for (const [ref, entity] of [
  [ContactRef, 'contacts'],
  [CompanyRef, 'companies'],
] as const) {
  builder.objectField(ref as typeof ContactRef, 'customers', (t) =>
    t.loadableList({
      type: CustomerRef,
      description: 'The customers it is linked to (the customers mode must be on).',
      load: async (ids: number[], ctx: GraphQLContext) => {
        const perEntity = await customersCall(() => loadCustomerIdsOf(ctx.upstream, entity, ids));
        const loader = CustomerRef.getDataloader(ctx);
        return Promise.all(
          perEntity.map(async (customerIds) => (await loader.loadMany(customerIds)).filter((row): row is Customer => row != null && !(row instanceof Error))),
        );
      },
      resolve: (row) => row.id,
    }),
  );
}
