// Customer writes: the mode switch (admins only), createCustomers/updateCustomers (50 per upstream
// call, each item answered on its own), purchases (one POST per customer, its items answered on
// their own), deleting purchases, and earning or redeeming bonus points.

import { GraphQLError } from 'graphql';
import { batchWrite, type InputPath, type ItemError, type ItemOutcome, type Prepared } from '../loaders/batch-write.js';
import { AmoError, AmoForbiddenError, AmoValidationError } from '../rest/errors.js';
import type { CustomerStatus, CustomerStatusWrite, CustomerWrite, TransactionWrite } from '../rest/resources/customers.js';
import type { CreatedRef, UpdatedRef, WithId } from '../rest/types.js';
import { builder, type SchemaTypes } from './builder.js';
import { toUnixSeconds } from './common.js';
import type { GraphQLContext } from './context.js';
import { CustomerRef } from './customer.js';
import { customersCall, CustomersModeEnum, CustomerStatusRef } from './customer-status.js';
import { CustomFieldInput, ownerCustomFields, type CustomFieldInputValue } from './custom-field-input.js';
import { checkUser, TagInput, tagsToAmo, type TagInputValue } from './entity-inputs.js';
import { checkListSize, deleteEach, refuseRepeats } from './entity-writes.js';
import { inputError, withIndexes, writePayloadType, writeResultType } from './write-results.js';

// --- mode ---------------------------------------------------------------------------------------

const CustomersModeSetting = builder.objectRef<{ mode: string; is_enabled: boolean }>('CustomersModeSetting').implement({
  fields: (t) => ({
    mode: t.field({ type: CustomersModeEnum, resolve: (setting) => setting.mode as 'segments' }),
    isEnabled: t.exposeBoolean('is_enabled'),
  }),
});

// --- customers ----------------------------------------------------------------------------------

const customerFields = (t: PothosSchemaTypes.InputFieldBuilder<SchemaTypes, 'InputObject'>) => ({
  nextPrice: t.int({ description: 'The expected amount of the next purchase.' }),
  nextDate: t.field({ type: 'DateTime', description: 'When the next purchase is expected.' }),
  periodicity: t.int({ description: 'Days between purchases.' }),
  statusAmoId: t.int({ description: 'A stage of `customerStatuses` (periodic mode).' }),
  responsibleUserId: t.int({ description: "Default: the token's user." }),
  contactAmoIds: t.intList({ description: 'Its contacts (replaces the list); the first is the main one.' }),
  companyAmoId: t.int(),
  customFields: t.field({ type: [CustomFieldInput], description: "Checked against the customers' field definitions." }),
});

const CreateCustomerInput = builder.inputType('CreateCustomerInput', {
  fields: (t) => ({ name: t.string({ required: true }), ...customerFields(t), tags: t.field({ type: [TagInput], description: 'By id or by name (a new name joins the customers\' tag dictionary).' }) }),
});

const UpdateCustomerInput = builder.inputType('UpdateCustomerInput', {
  description: 'Only the fields given change.',
  fields: (t) => ({
    amoId: t.int({ required: true }),
    name: t.string(),
    ...customerFields(t),
    tags: t.field({ type: [TagInput], description: 'Replaces every tag; an empty list removes them all.' }),
    addTags: t.field({ type: [TagInput] }),
    removeTags: t.field({ type: [TagInput] }),
  }),
});

interface CustomerInputValue {
  amoId?: number | null;
  name?: string | null;
  nextPrice?: number | null;
  nextDate?: Date | null;
  periodicity?: number | null;
  statusAmoId?: number | null;
  responsibleUserId?: number | null;
  contactAmoIds?: readonly number[] | null;
  companyAmoId?: number | null;
  customFields?: readonly CustomFieldInputValue[] | null;
  tags?: readonly TagInputValue[] | null;
  addTags?: readonly TagInputValue[] | null;
  removeTags?: readonly TagInputValue[] | null;
}

const PATHS: Record<string, string> = {
  id: 'amoId',
  name: 'name',
  next_price: 'nextPrice',
  next_date: 'nextDate',
  periodicity: 'periodicity',
  status_id: 'statusAmoId',
  responsible_user_id: 'responsibleUserId',
  tags_to_add: 'addTags',
  tags_to_delete: 'removeTags',
};

const customerInputPath = (amoPath: string): InputPath => {
  const parts = amoPath.split('.');
  if (parts[0] === '_embedded' && parts[1] === 'tags') return ['tags', ...(parts[2] ? [Number(parts[2])] : [])];
  if (parts[0] === 'tags_to_add' || parts[0] === 'tags_to_delete') return [PATHS[parts[0]]!, ...(parts[1] ? [Number(parts[1])] : [])];
  if (parts[0] === '_embedded') return parts[1] === 'contacts' ? ['contactAmoIds', ...(parts[2] ? [Number(parts[2])] : [])] : ['companyAmoId'];
  const name = PATHS[parts[0] ?? ''];
  return name ? [name] : [];
};

async function writeCustomers(ctx: GraphQLContext, inputs: readonly CustomerInputValue[], mode: 'create' | 'update') {
  checkListSize(inputs);
  // Definitions only when a custom field is written: a write without one costs no extra call.
  const wantsFields = inputs.some((input) => input.customFields?.length);
  const [users, fields] = await Promise.all([ctx.account.users(), wantsFields ? ctx.account.customFields('customers') : []]);
  const prepare = (input: CustomerInputValue): Prepared<CustomerWrite> => {
    const errors: ItemError[] = [];
    const body: CustomerWrite & { id?: number } = {};
    if (mode === 'update') body.id = input.amoId!;
    if (input.name != null) {
      if (input.name.trim() === '') errors.push(inputError(['name'], 'name must not be empty'));
      body.name = input.name;
    }
    for (const [key, field] of [['nextPrice', 'next_price'], ['periodicity', 'periodicity']] as const) {
      const value = input[key];
      if (value == null) continue;
      if (value < 0) errors.push(inputError([key], `${key} must not be negative`));
      body[field] = value;
    }
    if (input.nextDate) body.next_date = toUnixSeconds(input.nextDate);
    if (input.statusAmoId != null) body.status_id = input.statusAmoId;
    checkUser(users, input.responsibleUserId, ['responsibleUserId'], errors);
    if (input.responsibleUserId != null) body.responsible_user_id = input.responsibleUserId;
    if (input.contactAmoIds || input.companyAmoId != null) {
      body._embedded = {};
      if (input.contactAmoIds) body._embedded.contacts = input.contactAmoIds.map((id) => ({ id }));
      if (input.companyAmoId != null) body._embedded.companies = [{ id: input.companyAmoId }];
    }
    if (input.tags != null) body._embedded = { ...body._embedded, tags: tagsToAmo(input.tags, ['tags'], errors) };
    if (input.addTags?.length) body.tags_to_add = tagsToAmo(input.addTags, ['addTags'], errors);
    if (input.removeTags?.length) body.tags_to_delete = tagsToAmo(input.removeTags, ['removeTags'], errors);
    const custom = ownerCustomFields(input.customFields, fields, body, errors);
    if (mode === 'update' && Object.keys(body).length === 1 && !input.customFields?.length) errors.push(inputError([], 'nothing to change'));
    return errors.length > 0 ? { errors } : { body, inputPath: (amoPath) => custom(amoPath) ?? customerInputPath(amoPath) };
  };
  const items = mode === 'update' ? (refuseRepeats(inputs, prepare) as Prepared<CustomerWrite>[]) : inputs.map(prepare);
  const signal = ctx.upstream.scope?.signal;
  const requestIdById = new Map<number, string>();
  const outcomes = await customersCall(() =>
    mode === 'create'
      ? batchWrite<CustomerWrite, CreatedRef | UpdatedRef>(items, {
          send: (bodies) => ctx.upstream.customers.create(bodies, { signal }),
          requestIdsOf: (result) => [String(result.request_id)],
        })
      : batchWrite<CustomerWrite, CreatedRef | UpdatedRef>(items, {
          send: (bodies) => {
            for (const body of bodies) requestIdById.set((body as unknown as WithId<CustomerWrite>).id, body.request_id);
            return ctx.upstream.customers.update(bodies as unknown as WithId<CustomerWrite>[], { signal });
          },
          requestIdsOf: (result) => [result.request_id ?? requestIdById.get(result.id) ?? ''],
        }),
  );
  rethrowDisabled(outcomes);
  forgetCustomers(ctx, outcomes.map((outcome) => (outcome.status === 'succeeded' ? outcome.value.id : 0)));
  return withIndexes(outcomes);
}

/** A switched-off mode refuses every item alike: one clear error beats N copies. */
export function rethrowDisabled(outcomes: ItemOutcome<unknown>[]): void {
  const refused = outcomes.find((outcome) => outcome.status === 'failed' && outcome.errors.some((error) => error.code === 'AMOCRM_PAYMENT_REQUIRED'));
  if (refused && refused.status === 'failed') {
    throw new GraphQLError(`Customers are not available in this account: ${refused.errors[0]!.message}. An account admin turns them on with setCustomersMode.`, {
      extensions: { code: 'CUSTOMERS_DISABLED' },
    });
  }
}

function forgetCustomers(ctx: GraphQLContext, ids: readonly number[]): void {
  const loader = CustomerRef.getDataloader(ctx);
  for (const id of ids) if (id > 0) loader.clear(id);
}

const CustomerWriteResult = writeResultType<{ id: number }>('CustomerWriteResult', 'The outcome of one customer of a createCustomers or updateCustomers call.', (t) => ({
  amoId: t.int({ nullable: true, resolve: (r) => (r.outcome.status === 'succeeded' ? r.outcome.value.id : null) }),
  customer: t.field({
    type: CustomerRef,
    nullable: true,
    description: 'The customer as amoCRM has it now (read after the write).',
    resolve: (r) => (r.outcome.status === 'succeeded' ? r.outcome.value.id : null),
  }),
}));

// --- one call per item: purchases, deletions, bonus points --------------------------------------

/** The outcome of a write that is one upstream call: refused (4xx) is failed, no answer is unknown. */
export async function single<T>(call: () => Promise<T>): Promise<ItemOutcome<T>> {
  try {
    return { status: 'succeeded', value: await call() };
  } catch (error) {
    if (!(error instanceof AmoError)) throw error;
    // amoCRM's own field errors keep their code and field, as in batch writes.
    if (error instanceof AmoValidationError) {
      const errors = error.validationErrors.flatMap((group) =>
        group.errors.map((problem) => ({ message: problem.detail || problem.code, code: problem.code, path: problem.path ? problem.path.split('.') : [] })),
      );
      if (errors.length > 0) return { status: 'failed', errors };
    }
    const status = error.status ?? 0;
    const refused = status >= 400 && status < 500 && status !== 408;
    const detail = { message: error.message, code: error.code, path: [] };
    if (refused || !error.reachedUpstream) return { status: 'failed', errors: [detail] };
    return { status: 'unknown', errors: [{ ...detail, message: `${detail.message}; it may or may not have been written, and was not sent again` }] };
  }
}

const AddTransactionInput = builder.inputType('AddTransactionInput', {
  fields: (t) => ({
    customerAmoId: t.int({ required: true }),
    price: t.int({ required: true }),
    comment: t.string(),
    completedAt: t.field({ type: 'DateTime', description: 'Default: now.' }),
    nextPrice: t.int({ description: "Sets the customer's next expected purchase amount too." }),
    nextDate: t.field({ type: 'DateTime', description: "Sets the customer's next expected purchase date too." }),
  }),
});

interface AddTransactionValue {
  customerAmoId: number;
  price: number;
  comment?: string | null;
  completedAt?: Date | null;
  nextPrice?: number | null;
  nextDate?: Date | null;
}

const TRANSACTION_PATHS: Record<string, string> = { price: 'price', comment: 'comment', completed_at: 'completedAt', next_price: 'nextPrice', next_date: 'nextDate' };

async function addTransactions(ctx: GraphQLContext, inputs: readonly AddTransactionValue[]) {
  checkListSize(inputs);
  const signal = ctx.upstream.scope?.signal;
  const outcomes: ItemOutcome<CreatedRef>[] = new Array(inputs.length);
  const byCustomer = new Map<number, number[]>();
  inputs.forEach((input, index) => {
    const errors: ItemError[] = [];
    if (input.customerAmoId < 1) errors.push(inputError(['customerAmoId'], 'customerAmoId must be a positive id'));
    if (input.price < 0) errors.push(inputError(['price'], 'price must not be negative'));
    if (input.nextPrice != null && input.nextPrice < 0) errors.push(inputError(['nextPrice'], 'nextPrice must not be negative'));
    if (errors.length > 0) outcomes[index] = { status: 'failed', errors };
    else byCustomer.set(input.customerAmoId, [...(byCustomer.get(input.customerAmoId) ?? []), index]);
  });
  // amoCRM takes purchases per customer (the id is in the path): one batch write per customer.
  await Promise.all(
    [...byCustomer].map(async ([customerId, indexes]) => {
      const items: Prepared<TransactionWrite>[] = indexes.map((index) => {
        const input = inputs[index]!;
        const body: TransactionWrite = { price: input.price };
        if (input.comment != null) body.comment = input.comment;
        if (input.completedAt) body.completed_at = toUnixSeconds(input.completedAt);
        if (input.nextPrice != null) body.next_price = input.nextPrice;
        if (input.nextDate) body.next_date = toUnixSeconds(input.nextDate);
        return { body, inputPath: (path) => (TRANSACTION_PATHS[path.split('.')[0] ?? ''] ? [TRANSACTION_PATHS[path.split('.')[0]!]!] : []) };
      });
      const written = await batchWrite<TransactionWrite, CreatedRef>(items, {
        send: (bodies) => ctx.upstream.customers.transactions.add(customerId, bodies, { signal }),
        requestIdsOf: (result) => [String(result.request_id)],
      });
      written.forEach((outcome, position) => (outcomes[indexes[position]!] = outcome));
    }),
  );
  rethrowDisabled(outcomes);
  forgetCustomers(ctx, [...byCustomer.keys()]);
  return withIndexes(outcomes);
}

const TransactionRefInput = builder.inputType('TransactionRefInput', {
  fields: (t) => ({ customerAmoId: t.int({ required: true }), transactionAmoId: t.int({ required: true }) }),
});

async function deleteTransactions(ctx: GraphQLContext, inputs: readonly { customerAmoId: number; transactionAmoId: number }[]) {
  checkListSize(inputs);
  const signal = ctx.upstream.scope?.signal;
  const outcomes = await Promise.all(
    inputs.map((input): Promise<ItemOutcome<{ id: number }>> => {
      if (input.customerAmoId < 1 || input.transactionAmoId < 1) {
        return Promise.resolve({ status: 'failed', errors: [inputError([], 'customerAmoId and transactionAmoId must be positive ids')] });
      }
      return single(async () => {
        await ctx.upstream.customers.transactions.delete(input.customerAmoId, input.transactionAmoId, { signal });
        return { id: input.transactionAmoId };
      });
    }),
  );
  rethrowDisabled(outcomes);
  forgetCustomers(ctx, inputs.map((input) => input.customerAmoId));
  return withIndexes(outcomes);
}

const BonusPointsInput = builder.inputType('BonusPointsInput', {
  description: 'Exactly one of `earn` and `redeem`.',
  fields: (t) => ({ customerAmoId: t.int({ required: true }), earn: t.int(), redeem: t.int() }),
});

async function changeBonusPoints(ctx: GraphQLContext, inputs: readonly { customerAmoId: number; earn?: number | null; redeem?: number | null }[]) {
  checkListSize(inputs);
  const signal = ctx.upstream.scope?.signal;
  const outcomes: ItemOutcome<{ id: number; bonusPoints: number }>[] = [];
  // One after another: two changes of the same customer must not race on its balance.
  for (const input of inputs) {
    const errors: ItemError[] = [];
    if (input.customerAmoId < 1) errors.push(inputError(['customerAmoId'], 'customerAmoId must be a positive id'));
    if ((input.earn == null) === (input.redeem == null)) errors.push(inputError([], 'give exactly one of earn and redeem'));
    for (const key of ['earn', 'redeem'] as const) if (input[key] != null && input[key]! < 1) errors.push(inputError([key], `${key} must be a positive number of points`));
    if (errors.length > 0) {
      outcomes.push({ status: 'failed', errors });
      continue;
    }
    const change = input.earn ?? -input.redeem!;
    outcomes.push(
      await single(async () => ({ id: input.customerAmoId, bonusPoints: await ctx.upstream.customers.changeBonusPoints(input.customerAmoId, change, { signal }) })),
    );
  }
  rethrowDisabled(outcomes);
  return withIndexes(outcomes);
}

const TransactionWriteResult = writeResultType<{ id: number }>('TransactionWriteResult', 'The outcome of one purchase of addTransactions or deleteTransactions.', (t) => ({
  amoId: t.int({ nullable: true, resolve: (r) => (r.outcome.status === 'succeeded' ? r.outcome.value.id : null) }),
}));

const BonusPointsResult = writeResultType<{ id: number; bonusPoints: number }>('BonusPointsResult', 'The outcome of one bonus point change.', (t) => ({
  bonusPoints: t.int({ nullable: true, description: "The customer's balance after the change.", resolve: (r) => (r.outcome.status === 'succeeded' ? r.outcome.value.bonusPoints : null) }),
  customer: t.field({ type: CustomerRef, nullable: true, resolve: (r) => (r.outcome.status === 'succeeded' ? r.outcome.value.id : null) }),
}));

builder.mutationFields((t) => ({
  setCustomersMode: t.field({
    type: CustomersModeSetting,
    description: 'Turns customers on (in the periodicity or segments mode) or off. Only an account admin may do this.',
    args: { mode: t.arg({ type: CustomersModeEnum, required: true }), isEnabled: t.arg.boolean({ required: true }) },
    resolve: async (_root, args, ctx) => {
      if (args.mode !== 'segments' && args.mode !== 'periodicity') throw new GraphQLError('mode must be PERIODICITY or SEGMENTS', { extensions: { code: 'BAD_USER_INPUT' } });
      try {
        const answer = await ctx.upstream.customers.setMode({ mode: args.mode, is_enabled: args.isEnabled }, { signal: ctx.upstream.scope?.signal });
        return answer ?? { mode: args.mode, is_enabled: args.isEnabled };
      } catch (error) {
        if (error instanceof AmoForbiddenError) throw new GraphQLError(`Only an account admin may change the customers mode (amoCRM answered 403: ${error.message})`, { extensions: { code: 'FORBIDDEN' } });
        throw error;
      } finally {
        // The mode lives on the cached account: read it again next time.
        ctx.account.metadata.invalidate('account');
      }
    },
  }),
  createCustomers: t.field({
    type: writePayloadType('CreateCustomersPayload', CustomerWriteResult),
    description: 'Creates customers, 50 per upstream call, each answered on its own. The customers mode must be on.',
    args: { input: t.arg({ type: [CreateCustomerInput], required: true }) },
    resolve: (_root, args, ctx) => writeCustomers(ctx, args.input, 'create'),
  }),
  updateCustomers: t.field({
    type: writePayloadType('UpdateCustomersPayload', CustomerWriteResult),
    description: 'Updates customers by amoId, 50 per upstream call, each answered on its own.',
    args: { input: t.arg({ type: [UpdateCustomerInput], required: true }) },
    resolve: (_root, args, ctx) => writeCustomers(ctx, args.input, 'update'),
  }),
  addTransactions: t.field({
    type: writePayloadType('AddTransactionsPayload', TransactionWriteResult),
    description: "Records purchases (one upstream call per customer); each raises the customer's lifetime value.",
    args: { input: t.arg({ type: [AddTransactionInput], required: true }) },
    resolve: (_root, args, ctx) => addTransactions(ctx, args.input),
  }),
  deleteTransactions: t.field({
    type: writePayloadType('DeleteTransactionsPayload', TransactionWriteResult),
    description: 'Deletes purchases, one upstream call each.',
    args: { input: t.arg({ type: [TransactionRefInput], required: true }) },
    resolve: (_root, args, ctx) => deleteTransactions(ctx, args.input),
  }),
  changeBonusPoints: t.field({
    type: writePayloadType('ChangeBonusPointsPayload', BonusPointsResult),
    description: 'Earns or redeems bonus points, one upstream call each, in input order.',
    args: { input: t.arg({ type: [BonusPointsInput], required: true }) },
    resolve: (_root, args, ctx) => changeBonusPoints(ctx, args.input),
  }),
}));


// --- periodic-mode statuses ---------------------------------------------------------------------

const CreateCustomerStatusInput = builder.inputType('CreateCustomerStatusInput', {
  fields: (t) => ({ name: t.string({ required: true }), sort: t.int(), color: t.string({ description: 'Hex, e.g. "#fffd7f".' }) }),
});

const UpdateCustomerStatusInput = builder.inputType('UpdateCustomerStatusInput', {
  description: 'Only the fields given change. System stages cannot be changed.',
  fields: (t) => ({ amoId: t.int({ required: true }), name: t.string(), sort: t.int(), color: t.string() }),
});

interface StatusInputValue {
  amoId?: number | null;
  name?: string | null;
  sort?: number | null;
  color?: string | null;
}

async function writeStatuses(ctx: GraphQLContext, inputs: readonly StatusInputValue[], mode: 'create' | 'update') {
  checkListSize(inputs);
  const prepare = (input: StatusInputValue): Prepared<CustomerStatusWrite> => {
    const errors: ItemError[] = [];
    const body: CustomerStatusWrite & { id?: number } = {};
    if (mode === 'update') body.id = input.amoId!;
    if (input.name != null) {
      if (input.name.trim() === '') errors.push(inputError(['name'], 'name must not be empty'));
      body.name = input.name;
    }
    if (input.sort != null) {
      if (input.sort < 0) errors.push(inputError(['sort'], 'sort must not be negative'));
      body.sort = input.sort;
    }
    if (input.color != null) {
      if (!/^#?[0-9a-fA-F]{6}$/.test(input.color)) errors.push(inputError(['color'], 'color is a hex colour like #fffd7f'));
      body.color = input.color;
    }
    if (mode === 'update' && Object.keys(body).length === 1) errors.push(inputError([], 'nothing to change'));
    return errors.length > 0 ? { errors } : { body, inputPath: (path) => (['name', 'sort', 'color'].includes(path.split('.')[0]!) ? [path.split('.')[0]!] : path.startsWith('id') ? ['amoId'] : []) };
  };
  const items = mode === 'update' ? (refuseRepeats(inputs, prepare) as Prepared<CustomerStatusWrite>[]) : inputs.map(prepare);
  const signal = ctx.upstream.scope?.signal;
  const outcomes = await batchWrite<CustomerStatusWrite, CustomerStatus & { request_id?: string }>(items, {
    send: (bodies) =>
      mode === 'create'
        ? ctx.upstream.customers.statuses.create(bodies, { signal })
        : ctx.upstream.customers.statuses.update(bodies as unknown as WithId<CustomerStatusWrite>[], { signal }),
    requestIdsOf: (result) => [String(result.request_id)],
  });
  rethrowDisabled(outcomes);
  return withIndexes(outcomes);
}

async function deleteStatuses(ctx: GraphQLContext, amoIds: readonly number[]) {
  const signal = ctx.upstream.scope?.signal;
  const outcomes = await deleteEach(amoIds, 'customer status', (id) => ctx.upstream.customers.statuses.delete(id, { signal }));
  rethrowDisabled(outcomes);
  return withIndexes(outcomes);
}

const CustomerStatusWriteResult = writeResultType<CustomerStatus | { id: number }>(
  'CustomerStatusWriteResult',
  'The outcome of one customer status of a create, update or delete call.',
  (t) => ({
    amoId: t.int({ nullable: true, resolve: (r) => (r.outcome.status === 'succeeded' ? r.outcome.value.id : null) }),
    customerStatus: t.field({
      type: CustomerStatusRef,
      nullable: true,
      description: 'The status as amoCRM answered it (null after a delete).',
      resolve: (r) => (r.outcome.status === 'succeeded' && 'name' in r.outcome.value ? r.outcome.value : null),
    }),
  }),
);

builder.mutationFields((t) => ({
  createCustomerStatuses: t.field({
    type: writePayloadType('CreateCustomerStatusesPayload', CustomerStatusWriteResult),
    description: 'Adds stages to the periodic customers mode, each answered on its own.',
    args: { input: t.arg({ type: [CreateCustomerStatusInput], required: true }) },
    resolve: (_root, args, ctx) => writeStatuses(ctx, args.input, 'create'),
  }),
  updateCustomerStatuses: t.field({
    type: writePayloadType('UpdateCustomerStatusesPayload', CustomerStatusWriteResult),
    description: 'Renames, reorders or recolours stages of the periodic customers mode.',
    args: { input: t.arg({ type: [UpdateCustomerStatusInput], required: true }) },
    resolve: (_root, args, ctx) => writeStatuses(ctx, args.input, 'update'),
  }),
  deleteCustomerStatuses: t.field({
    type: writePayloadType('DeleteCustomerStatusesPayload', CustomerStatusWriteResult),
    description: 'Deletes stages (not system ones, nor stages that still hold customers), one upstream call each.',
    args: { amoIds: t.arg.intList({ required: true }) },
    resolve: (_root, args, ctx) => deleteStatuses(ctx, args.amoIds),
  }),
}));
