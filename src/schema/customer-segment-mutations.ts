// Segment writes of the segments mode: createCustomerSegments (one upstream call per 50, each
// answered on its own), updateCustomerSegments and deleteCustomerSegments (one call each: amoCRM
// names the segment in the path). Only name and colour are writable: amoCRM's API cannot set a
// segment's entry conditions. Segments are read once per operation, so nothing cached goes stale.

import { batchWrite, type ItemError, type ItemOutcome, type Prepared } from '../loaders/batch-write.js';
import type { CustomerSegment, CustomerSegmentWrite } from '../rest/resources/customers.js';
import { builder } from './builder.js';
import type { GraphQLContext } from './context.js';
import { rethrowDisabled, single } from './customer-mutations.js';
import { customersCall, CustomerSegmentRef } from './customer-status.js';
import { checkListSize, deleteEach } from './entity-writes.js';
import { inputError, withIndexes, writePayloadType, writeResultType } from './write-results.js';

const COLOR = /^#?[0-9a-fA-F]{6}$/;

const CreateCustomerSegmentInput = builder.inputType('CreateCustomerSegmentInput', {
  fields: (t) => ({ name: t.string({ required: true }), color: t.string({ description: 'Hex, e.g. "ffce5a" ("#" optional).' }) }),
});

const UpdateCustomerSegmentInput = builder.inputType('UpdateCustomerSegmentInput', {
  description: 'Only the fields given change.',
  fields: (t) => ({ amoId: t.int({ required: true }), name: t.string(), color: t.string() }),
});

interface SegmentInputValue {
  amoId?: number | null;
  name?: string | null;
  color?: string | null;
}

/** The upstream body of one input, or its errors. */
function segmentBody(input: SegmentInputValue, mode: 'create' | 'update'): { body: CustomerSegmentWrite } | { errors: ItemError[] } {
  const errors: ItemError[] = [];
  const body: CustomerSegmentWrite = {};
  if (mode === 'update' && !(input.amoId! > 0)) errors.push(inputError(['amoId'], 'amoId must be a positive id'));
  if (input.name != null) {
    if (input.name.trim() === '') errors.push(inputError(['name'], 'name must not be empty'));
    body.name = input.name.trim();
  }
  if (input.color != null) {
    if (!COLOR.test(input.color)) errors.push(inputError(['color'], 'color is a hex colour like ffce5a'));
    body.color = input.color.replace(/^#/, '').toLowerCase();
  }
  if (mode === 'update' && body.name === undefined && body.color === undefined) errors.push(inputError([], 'nothing to change'));
  return errors.length > 0 ? { errors } : { body };
}

const inputPath = (amoPath: string) => {
  const head = amoPath.split('.')[0] ?? '';
  return head === 'name' || head === 'color' ? [head] : [];
};

async function createSegments(ctx: GraphQLContext, inputs: readonly SegmentInputValue[]) {
  checkListSize(inputs);
  const items = inputs.map((input): Prepared<CustomerSegmentWrite> => {
    const prepared = segmentBody(input, 'create');
    return 'errors' in prepared ? prepared : { body: prepared.body, inputPath };
  });
  const signal = ctx.upstream.scope?.signal;
  const outcomes = await customersCall(() =>
    batchWrite<CustomerSegmentWrite, CustomerSegment & { request_id?: string }>(items, {
      send: (bodies) => ctx.upstream.customers.segments.create(bodies, { signal }),
      requestIdsOf: (result) => [String(result.request_id)],
    }),
  );
  rethrowDisabled(outcomes);
  return withIndexes(outcomes);
}

async function updateSegments(ctx: GraphQLContext, inputs: readonly SegmentInputValue[]) {
  checkListSize(inputs);
  const signal = ctx.upstream.scope?.signal;
  const seen = new Set<number>();
  const outcomes: ItemOutcome<CustomerSegment | { id: number }>[] = [];
  // One after another: amoCRM takes one segment per call, and the writes stay in input order.
  for (const input of inputs) {
    const prepared = segmentBody(input, 'update');
    if ('errors' in prepared) {
      outcomes.push({ status: 'failed', errors: prepared.errors });
      continue;
    }
    if (seen.has(input.amoId!)) {
      outcomes.push({ status: 'failed', errors: [inputError(['amoId'], 'this segment is already changed by an earlier item')] });
      continue;
    }
    seen.add(input.amoId!);
    outcomes.push(await single(async () => (await ctx.upstream.customers.segments.update(input.amoId!, prepared.body, { signal })) ?? { id: input.amoId! }));
  }
  rethrowDisabled(outcomes);
  return withIndexes(outcomes);
}

async function deleteSegments(ctx: GraphQLContext, amoIds: readonly number[]) {
  const signal = ctx.upstream.scope?.signal;
  const outcomes = await deleteEach(amoIds, 'segment', (id) => ctx.upstream.customers.segments.delete(id, { signal }));
  rethrowDisabled(outcomes);
  return withIndexes(outcomes);
}

const CustomerSegmentWriteResult = writeResultType<CustomerSegment | { id: number }>(
  'CustomerSegmentWriteResult',
  'The outcome of one segment of a create, update or delete call.',
  (t) => ({
    amoId: t.int({ nullable: true, resolve: (r) => (r.outcome.status === 'succeeded' ? r.outcome.value.id : null) }),
    customerSegment: t.field({
      type: CustomerSegmentRef,
      nullable: true,
      description: 'The segment as amoCRM answered it (null after a delete).',
      resolve: (r) => (r.outcome.status === 'succeeded' && 'name' in r.outcome.value ? r.outcome.value : null),
    }),
  }),
);

builder.mutationFields((t) => ({
  createCustomerSegments: t.field({
    type: writePayloadType('CreateCustomerSegmentsPayload', CustomerSegmentWriteResult),
    description: 'Adds segments (segments mode only; at most 100 per account), 50 per upstream call, each answered on its own.',
    args: { input: t.arg({ type: [CreateCustomerSegmentInput], required: true }) },
    resolve: (_root, args, ctx) => createSegments(ctx, args.input),
  }),
  updateCustomerSegments: t.field({
    type: writePayloadType('UpdateCustomerSegmentsPayload', CustomerSegmentWriteResult),
    description: 'Renames or recolours segments, one upstream call each. Entry conditions are not writable through the API.',
    args: { input: t.arg({ type: [UpdateCustomerSegmentInput], required: true }) },
    resolve: (_root, args, ctx) => updateSegments(ctx, args.input),
  }),
  deleteCustomerSegments: t.field({
    type: writePayloadType('DeleteCustomerSegmentsPayload', CustomerSegmentWriteResult),
    description: 'Deletes segments, one upstream call each; their customers leave them.',
    args: { amoIds: t.arg.intList({ required: true }) },
    resolve: (_root, args, ctx) => deleteSegments(ctx, args.amoIds),
  }),
}));
