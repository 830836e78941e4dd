// Managing pipelines, their statuses and loss reasons. amoCRM lets only account administrators do
// it; it adds pipelines, statuses and loss reasons in batches but changes and deletes them one at
// a time, so those go one upstream call per item. Every write drops the cached metadata
// ('pipelines' or 'loss_reasons') and this request's loaders, so the next read is fresh.

import { batchWrite, type InputPath, type ItemError, type ItemOutcome, type Prepared } from '../loaders/batch-write.js';
import {
  PIPELINE_STATUS_COLORS,
  type PipelineStatusWrite,
  type PipelineWrite,
  type StatusWrite,
} from '../rest/resources/pipelines.js';
import type { LossReasonWrite } from '../rest/resources/loss-reasons.js';
import type { LossReason, Pipeline, Status } from '../rest/types.js';
import { builder } from './builder.js';
import type { GraphQLContext } from './context.js';
import { checkListSize, deleteEach, oneByOne } from './entity-writes.js';
import { LOST_STATUS_ID, WON_STATUS_ID } from './pipeline.js';
import { LossReasonRef, PipelineRef, StatusRef } from './refs.js';
import { inputError, withIndexes, writePayloadType, writeResultType, type WriteResultShape } from './write-results.js';

const MAX_PIPELINES = 50;
const MAX_STATUSES = 100;
const PALETTE = new Set<string>(PIPELINE_STATUS_COLORS);
const ADMIN = 'Admin only: amoCRM refuses anyone else (403, reported per item).';
const LIMITS = `An account has at most ${MAX_PIPELINES} pipelines, a pipeline at most ${MAX_STATUSES} statuses including incoming, won and lost.`;
const COLORS = `A color is one of amoCRM's stage palette: ${PIPELINE_STATUS_COLORS.join(', ')}.`;

// --- shared -------------------------------------------------------------------------------------

/** Forget cached pipelines (or loss reasons) across requests and in this one. */
function invalidate(ctx: GraphQLContext, what: 'pipelines' | 'loss_reasons'): void {
  ctx.account.metadata.invalidate(what);
  if (what === 'pipelines') {
    PipelineRef.getDataloader(ctx).clearAll();
    StatusRef.getDataloader(ctx).clearAll();
  } else {
    LossReasonRef.getDataloader(ctx).clearAll();
  }
}

async function afterWrite<T>(ctx: GraphQLContext, what: 'pipelines' | 'loss_reasons', work: Promise<T>): Promise<T> {
  try {
    return await work;
  } finally {
    invalidate(ctx, what);
  }
}

/** An input path from amoCRM's dotted one, by a map of top-level names. */
const pathsBy = (names: Record<string, string>) => (amoPath: string): InputPath => {
  const [head, ...rest] = amoPath.split('.');
  const name = names[head ?? ''];
  return name ? [name, ...rest] : [];
};

function checkName(name: string | null | undefined, errors: ItemError[], path: InputPath = ['name']): void {
  if (name != null && name.trim() === '') errors.push(inputError(path, 'name must not be empty'));
}

function checkSort(sort: number | null | undefined, errors: ItemError[], path: InputPath = ['sort']): void {
  if (sort != null && sort < 0) errors.push(inputError(path, 'sort must not be negative'));
}

function checkColor(color: string | null | undefined, errors: ItemError[], path: InputPath = ['color']): string | undefined {
  if (color == null) return undefined;
  const lower = color.toLowerCase();
  if (!PALETTE.has(lower)) errors.push(inputError(path, `color ${color} is not in amoCRM's stage palette`));
  return lower;
}

/**
 * Writes that amoCRM takes one per call (PATCH and DELETE by id): one upstream call per item, each
 * answered on its own. amoCRM names a bad single item by position, hence `by-position`.
 */
/** Refuses the repeats of a key within one call: the order of two changes to one thing is undefined. */
function firstOf<T>(inputs: readonly T[], keyOf: (input: T) => string, noun: string): (ItemError | null)[] {
  const seen = new Set<string>();
  return inputs.map((input) => {
    const key = keyOf(input);
    if (seen.has(key)) return inputError([], `${noun} ${key} is already changed by an earlier item of this call`);
    seen.add(key);
    return null;
  });
}

// --- pipelines ----------------------------------------------------------------------------------

const NewPipelineStatusInput = builder.inputType('NewPipelineStatusInput', {
  description: 'A stage of a new pipeline (besides incoming, won and lost, which amoCRM adds).',
  fields: (t) => ({
    name: t.string({ required: true }),
    sort: t.int({ required: true, description: 'Position in the pipeline; incoming is 10, won 10000, lost 11000.' }),
    color: t.string({ description: `Default ${PIPELINE_STATUS_COLORS[0]}. ${COLORS}` }),
  }),
});

const CreatePipelineInput = builder.inputType('CreatePipelineInput', {
  fields: (t) => ({
    name: t.string({ required: true }),
    sort: t.int({ required: true }),
    isMain: t.boolean({ defaultValue: false, description: 'Make it the main pipeline (the old main one stops being main).' }),
    isUnsortedOn: t.boolean({ defaultValue: true, description: 'Give it the incoming (unsorted) stage.' }),
    statuses: t.field({ type: [NewPipelineStatusInput], required: true, description: 'At least one stage.' }),
    wonStatusName: t.string({ description: 'Renames the won stage (142) of this pipeline.' }),
    lostStatusName: t.string({ description: 'Renames the lost stage (143) of this pipeline.' }),
  }),
});

const UpdatePipelineInput = builder.inputType('UpdatePipelineInput', {
  description: 'Only the fields given change.',
  fields: (t) => ({
    amoId: t.int({ required: true }),
    name: t.string(),
    sort: t.int(),
    isMain: t.boolean({ description: 'true makes it the main pipeline; the main pipeline cannot be unmarked, only replaced.' }),
    isUnsortedOn: t.boolean(),
  }),
});

interface NewStatusValue {
  name: string;
  sort: number;
  color?: string | null;
}

interface CreatePipelineValue {
  name: string;
  sort: number;
  isMain?: boolean | null;
  isUnsortedOn?: boolean | null;
  statuses: readonly NewStatusValue[];
  wonStatusName?: string | null;
  lostStatusName?: string | null;
}

interface UpdatePipelineValue {
  amoId: number;
  name?: string | null;
  sort?: number | null;
  isMain?: boolean | null;
  isUnsortedOn?: boolean | null;
}

const PIPELINE_PATHS = { name: 'name', sort: 'sort', is_main: 'isMain', is_unsorted_on: 'isUnsortedOn', id: 'amoId' };

function pipelineInputPath(statusCount: number, renames: readonly string[]) {
  const top = pathsBy(PIPELINE_PATHS);
  return (amoPath: string): InputPath => {
    const match = /^_embedded\.statuses(?:\.(\d+)(?:\.(.*))?)?$/.exec(amoPath);
    if (!match) return top(amoPath);
    const index = match[1] === undefined ? undefined : Number(match[1]);
    if (index === undefined) return ['statuses'];
    // The renames of won and lost follow the input's stages in the body.
    if (index >= statusCount) return [renames[index - statusCount] ?? 'statuses'];
    return ['statuses', index, ...(match[2] ? [match[2]] : [])];
  };
}

function preparePipeline(input: CreatePipelineValue, mainTaken: { value: boolean }): Prepared<PipelineWrite> {
  const errors: ItemError[] = [];
  checkName(input.name, errors);
  checkSort(input.sort, errors);
  if (input.isMain) {
    if (mainTaken.value) errors.push(inputError(['isMain'], 'only one pipeline of a call can become the main one'));
    mainTaken.value = true;
  }
  if (input.statuses.length === 0) errors.push(inputError(['statuses'], 'a pipeline needs at least one stage'));
  if (input.statuses.length + 3 > MAX_STATUSES) errors.push(inputError(['statuses'], `a pipeline has at most ${MAX_STATUSES} statuses including incoming, won and lost`));
  const statuses: PipelineStatusWrite[] = input.statuses.map((status, index) => {
    checkName(status.name, errors, ['statuses', index, 'name']);
    checkSort(status.sort, errors, ['statuses', index, 'sort']);
    const color = checkColor(status.color, errors, ['statuses', index, 'color']);
    return { name: status.name, sort: status.sort, ...(color ? { color } : {}) };
  });
  const renames: PipelineStatusWrite[] = [];
  const renamed: string[] = [];
  for (const [field, id] of [['wonStatusName', WON_STATUS_ID], ['lostStatusName', LOST_STATUS_ID]] as const) {
    const name = input[field];
    if (name == null) continue;
    checkName(name, errors, [field]);
    renames.push({ id, name });
    renamed.push(field);
  }
  if (errors.length > 0) return { errors };
  return {
    body: {
      name: input.name,
      sort: input.sort,
      is_main: input.isMain ?? false,
      is_unsorted_on: input.isUnsortedOn ?? true,
      _embedded: { statuses: [...statuses, ...renames] },
    },
    inputPath: pipelineInputPath(statuses.length, renamed),
  };
}

function createPipelines(ctx: GraphQLContext, inputs: readonly CreatePipelineValue[]) {
  checkListSize(inputs);
  const mainTaken = { value: false };
  const items = inputs.map((input) => preparePipeline(input, mainTaken));
  const signal = ctx.upstream.scope?.signal;
  return afterWrite(
    ctx,
    'pipelines',
    batchWrite<PipelineWrite, Pipeline & { request_id?: string }>(items, {
      send: (bodies) => ctx.upstream.pipelines.create(bodies, { signal }),
      requestIdsOf: (result) => [String(result.request_id ?? '')],
    }).then(withIndexes),
  );
}

function updatePipelines(ctx: GraphQLContext, inputs: readonly UpdatePipelineValue[]) {
  checkListSize(inputs);
  const repeats = firstOf(inputs, (input) => String(input.amoId), 'pipeline');
  const items = inputs.map((input, index): Prepared<PipelineWrite & { id: number }> => {
    const errors: ItemError[] = [];
    if (input.amoId < 1) errors.push(inputError(['amoId'], 'amoId must be a positive id'));
    if (repeats[index]) errors.push(repeats[index]!);
    checkName(input.name, errors);
    checkSort(input.sort, errors);
    const body: PipelineWrite & { id: number } = { id: input.amoId };
    if (input.name != null) body.name = input.name;
    if (input.sort != null) body.sort = input.sort;
    if (input.isMain != null) body.is_main = input.isMain;
    if (input.isUnsortedOn != null) body.is_unsorted_on = input.isUnsortedOn;
    if (Object.keys(body).length === 1) errors.push(inputError([], 'nothing to change'));
    return errors.length > 0 ? { errors } : { body, inputPath: pathsBy(PIPELINE_PATHS) };
  });
  const signal = ctx.upstream.scope?.signal;
  return afterWrite(
    ctx,
    'pipelines',
    oneByOne(items, ({ id, ...body }) => ctx.upstream.pipelines.update(id, body, { signal })).then(withIndexes),
  );
}

function deletePipelines(ctx: GraphQLContext, amoIds: readonly number[]) {
  const signal = ctx.upstream.scope?.signal;
  return afterWrite(
    ctx,
    'pipelines',
    deleteEach(amoIds, 'pipeline', (id) => ctx.upstream.pipelines.delete(id, { signal })).then(withIndexes),
  );
}

// --- statuses -----------------------------------------------------------------------------------

const CreateStatusInput = builder.inputType('CreateStatusInput', {
  fields: (t) => ({
    pipelineAmoId: t.int({ required: true }),
    name: t.string({ required: true }),
    sort: t.int({ required: true, description: 'Position in the pipeline; incoming is 10, won 10000, lost 11000.' }),
    color: t.string({ description: `Default ${PIPELINE_STATUS_COLORS[0]}. ${COLORS}` }),
  }),
});

const UpdateStatusInput = builder.inputType('UpdateStatusInput', {
  description: 'Only the fields given change. Incoming, won (142) and lost (143) cannot be edited.',
  fields: (t) => ({
    pipelineAmoId: t.int({ required: true }),
    statusAmoId: t.int({ required: true }),
    name: t.string(),
    sort: t.int(),
    color: t.string({ description: COLORS }),
  }),
});

const StatusKeyInput = builder.inputType('StatusKeyInput', {
  description: 'A status by its pipeline (status ids 142 and 143 repeat in every pipeline).',
  fields: (t) => ({
    pipelineAmoId: t.int({ required: true }),
    statusAmoId: t.int({ required: true }),
  }),
});

interface CreateStatusValue {
  pipelineAmoId: number;
  name: string;
  sort: number;
  color?: string | null;
}

interface UpdateStatusValue {
  pipelineAmoId: number;
  statusAmoId: number;
  name?: string | null;
  sort?: number | null;
  color?: string | null;
}

const STATUS_PATHS = { name: 'name', sort: 'sort', color: 'color', id: 'statusAmoId' };

async function createStatuses(ctx: GraphQLContext, inputs: readonly CreateStatusValue[]) {
  checkListSize(inputs);
  const signal = ctx.upstream.scope?.signal;
  const outcomes: ItemOutcome<Status>[] = new Array(inputs.length);
  // One batch endpoint per pipeline: group the items by theirs, keep the input order in the answer.
  const groups = new Map<number, number[]>();
  inputs.forEach((input, index) => groups.set(input.pipelineAmoId, [...(groups.get(input.pipelineAmoId) ?? []), index]));
  const work = [...groups].map(async ([pipelineId, indexes]) => {
    const items = indexes.map((index): Prepared<StatusWrite> => {
      const input = inputs[index]!;
      const errors: ItemError[] = [];
      if (pipelineId < 1) errors.push(inputError(['pipelineAmoId'], 'pipelineAmoId must be a positive id'));
      checkName(input.name, errors);
      checkSort(input.sort, errors);
      const color = checkColor(input.color, errors);
      if (errors.length > 0) return { errors };
      return { body: { name: input.name, sort: input.sort, ...(color ? { color } : {}) }, inputPath: pathsBy(STATUS_PATHS) };
    });
    const results = await batchWrite<StatusWrite, Status & { request_id?: string }>(items, {
      send: (bodies) => ctx.upstream.pipelines.createStatuses(pipelineId, bodies, { signal }),
      requestIdsOf: (result) => [String(result.request_id ?? '')],
    });
    results.forEach((outcome, position) => {
      outcomes[indexes[position]!] = outcome;
    });
  });
  return afterWrite(ctx, 'pipelines', Promise.all(work).then(() => withIndexes(outcomes)));
}

function updateStatuses(ctx: GraphQLContext, inputs: readonly UpdateStatusValue[]) {
  checkListSize(inputs);
  const repeats = firstOf(inputs, (input) => `${input.pipelineAmoId}:${input.statusAmoId}`, 'status');
  const items = inputs.map((input, index): Prepared<StatusWrite & { pipelineId: number; id: number }> => {
    const errors: ItemError[] = [];
    if (input.pipelineAmoId < 1) errors.push(inputError(['pipelineAmoId'], 'pipelineAmoId must be a positive id'));
    if (input.statusAmoId < 1) errors.push(inputError(['statusAmoId'], 'statusAmoId must be a positive id'));
    else if (input.statusAmoId === WON_STATUS_ID || input.statusAmoId === LOST_STATUS_ID) errors.push(inputError(['statusAmoId'], 'won (142) and lost (143) cannot be edited'));
    if (repeats[index]) errors.push(repeats[index]!);
    checkName(input.name, errors);
    checkSort(input.sort, errors);
    const color = checkColor(input.color, errors);
    const body: StatusWrite = {};
    if (input.name != null) body.name = input.name;
    if (input.sort != null) body.sort = input.sort;
    if (color) body.color = color;
    if (Object.keys(body).length === 0) errors.push(inputError([], 'nothing to change'));
    return errors.length > 0 ? { errors } : { body: { ...body, pipelineId: input.pipelineAmoId, id: input.statusAmoId }, inputPath: pathsBy(STATUS_PATHS) };
  });
  const signal = ctx.upstream.scope?.signal;
  return afterWrite(
    ctx,
    'pipelines',
    oneByOne(items, ({ pipelineId, id, ...body }) => ctx.upstream.pipelines.updateStatus(pipelineId, id, body, { signal })).then(withIndexes),
  );
}

function deleteStatuses(ctx: GraphQLContext, inputs: readonly { pipelineAmoId: number; statusAmoId: number }[]) {
  checkListSize(inputs);
  const repeats = firstOf(inputs, (input) => `${input.pipelineAmoId}:${input.statusAmoId}`, 'status');
  const items = inputs.map((input, index): Prepared<{ pipelineId: number; id: number }> => {
    const errors: ItemError[] = [];
    if (input.pipelineAmoId < 1) errors.push(inputError(['pipelineAmoId'], 'pipelineAmoId must be a positive id'));
    if (input.statusAmoId < 1) errors.push(inputError(['statusAmoId'], 'statusAmoId must be a positive id'));
    else if (input.statusAmoId === WON_STATUS_ID || input.statusAmoId === LOST_STATUS_ID) errors.push(inputError(['statusAmoId'], 'won (142) and lost (143) cannot be deleted'));
    if (repeats[index]) errors.push(repeats[index]!);
    return errors.length > 0 ? { errors } : { body: { pipelineId: input.pipelineAmoId, id: input.statusAmoId }, inputPath: () => [] };
  });
  const signal = ctx.upstream.scope?.signal;
  return afterWrite(
    ctx,
    'pipelines',
    oneByOne(items, async ({ pipelineId, id }) => {
      await ctx.upstream.pipelines.deleteStatus(pipelineId, id, { signal });
      return { pipelineId, id };
    }).then(withIndexes),
  );
}

// --- loss reasons -------------------------------------------------------------------------------

const CreateLossReasonInput = builder.inputType('CreateLossReasonInput', {
  fields: (t) => ({
    name: t.string({ required: true }),
    sort: t.int({ description: 'Default: after the last reason.' }),
  }),
});

function createLossReasons(ctx: GraphQLContext, inputs: readonly { name: string; sort?: number | null }[]) {
  checkListSize(inputs);
  const items = inputs.map((input): Prepared<LossReasonWrite> => {
    const errors: ItemError[] = [];
    checkName(input.name, errors);
    checkSort(input.sort, errors);
    if (errors.length > 0) return { errors };
    return { body: { name: input.name, ...(input.sort != null ? { sort: input.sort } : {}) }, inputPath: pathsBy({ name: 'name', sort: 'sort' }) };
  });
  const signal = ctx.upstream.scope?.signal;
  return afterWrite(
    ctx,
    'loss_reasons',
    batchWrite<LossReasonWrite, LossReason & { request_id?: string }>(items, {
      send: (bodies) => ctx.upstream.lossReasons.create(bodies, { signal }),
      requestIdsOf: (result) => [String(result.request_id ?? '')],
    }).then(withIndexes),
  );
}

function deleteLossReasons(ctx: GraphQLContext, amoIds: readonly number[]) {
  const signal = ctx.upstream.scope?.signal;
  return afterWrite(
    ctx,
    'loss_reasons',
    deleteEach(amoIds, 'loss reason', (id) => ctx.upstream.lossReasons.delete(id, { signal })).then(withIndexes),
  );
}

// --- types and fields ---------------------------------------------------------------------------

const valueOf = <V>(r: WriteResultShape<V>): V | null => (r.outcome.status === 'succeeded' ? r.outcome.value : null);

const PipelineWriteResult = writeResultType<Pipeline>('PipelineWriteResult', 'The outcome of one pipeline of a createPipelines or updatePipelines call.', (t) => ({
  pipeline: t.field({ type: PipelineRef, nullable: true, description: 'The pipeline as amoCRM answered the write.', resolve: valueOf }),
}));

const StatusWriteResult = writeResultType<Status>('StatusWriteResult', 'The outcome of one status of a createStatuses or updateStatuses call.', (t) => ({
  // `status` is the write's own outcome (WriteStatus), hence the longer name.
  leadStatus: t.field({ type: StatusRef, nullable: true, description: 'The pipeline status (stage) as amoCRM answered the write.', resolve: valueOf }),
}));

const LossReasonWriteResult = writeResultType<LossReason>('LossReasonWriteResult', 'The outcome of one loss reason of a createLossReasons call.', (t) => ({
  lossReason: t.field({ type: LossReasonRef, nullable: true, resolve: valueOf }),
}));

const DeleteByIdResult = (name: string, what: string) =>
  writeResultType<{ id: number }>(name, `The outcome of one id of a ${what} call.`, (t) => ({
    amoId: t.int({ nullable: true, resolve: (r) => valueOf(r)?.id ?? null }),
  }));

const StatusDeleteResult = writeResultType<{ pipelineId: number; id: number }>('StatusDeleteResult', 'The outcome of one status of a deleteStatuses call.', (t) => ({
  pipelineAmoId: t.int({ nullable: true, resolve: (r) => valueOf(r)?.pipelineId ?? null }),
  statusAmoId: t.int({ nullable: true, resolve: (r) => valueOf(r)?.id ?? null }),
}));

builder.mutationFields((t) => ({
  createPipelines: t.field({
    type: writePayloadType('CreatePipelinesPayload', PipelineWriteResult),
    description: `Adds lead pipelines with their stages; amoCRM adds incoming (when isUnsortedOn), won and lost. Each item is answered on its own. ${LIMITS} ${ADMIN}`,
    args: { input: t.arg({ type: [CreatePipelineInput], required: true }) },
    resolve: (_root, args, ctx) => createPipelines(ctx, args.input),
  }),
  updatePipelines: t.field({
    type: writePayloadType('UpdatePipelinesPayload', PipelineWriteResult),
    description: `Renames, reorders, makes main or turns the incoming stage on or off, one upstream call per pipeline (amoCRM has no batch update). ${ADMIN}`,
    args: { input: t.arg({ type: [UpdatePipelineInput], required: true }) },
    resolve: (_root, args, ctx) => updatePipelines(ctx, args.input),
  }),
  deletePipelines: t.field({
    type: writePayloadType('DeletePipelinesPayload', DeleteByIdResult('PipelineDeleteResult', 'deletePipelines')),
    description: `Deletes pipelines by amoId, one upstream call each. amoCRM refuses a pipeline that still has leads and the account's last one (and the main one). ${ADMIN}`,
    args: { amoIds: t.arg.intList({ required: true }) },
    resolve: (_root, args, ctx) => deletePipelines(ctx, args.amoIds),
  }),
  createStatuses: t.field({
    type: writePayloadType('CreateStatusesPayload', StatusWriteResult),
    description: `Adds stages to pipelines, one upstream call per pipeline (50 items each). ${LIMITS} ${COLORS} ${ADMIN}`,
    args: { input: t.arg({ type: [CreateStatusInput], required: true }) },
    resolve: (_root, args, ctx) => createStatuses(ctx, args.input),
  }),
  updateStatuses: t.field({
    type: writePayloadType('UpdateStatusesPayload', StatusWriteResult),
    description: `Renames, reorders or recolors stages, one upstream call each. Incoming, won and lost cannot be edited. ${COLORS} ${ADMIN}`,
    args: { input: t.arg({ type: [UpdateStatusInput], required: true }) },
    resolve: (_root, args, ctx) => updateStatuses(ctx, args.input),
  }),
  deleteStatuses: t.field({
    type: writePayloadType('DeleteStatusesPayload', StatusDeleteResult),
    description: `Deletes stages, one upstream call each; amoCRM moves their leads to the first stage of the pipeline. Incoming, won, lost and a pipeline's last stage cannot be deleted. ${ADMIN}`,
    args: { input: t.arg({ type: [StatusKeyInput], required: true }) },
    resolve: (_root, args, ctx) => deleteStatuses(ctx, args.input),
  }),
  createLossReasons: t.field({
    type: writePayloadType('CreateLossReasonsPayload', LossReasonWriteResult),
    description: `Adds loss reasons, 50 per upstream call, each answered on its own. ${ADMIN}`,
    args: { input: t.arg({ type: [CreateLossReasonInput], required: true }) },
    resolve: (_root, args, ctx) => createLossReasons(ctx, args.input),
  }),
  deleteLossReasons: t.field({
    type: writePayloadType('DeleteLossReasonsPayload', DeleteByIdResult('LossReasonDeleteResult', 'deleteLossReasons')),
    description: `Deletes loss reasons by amoId, one upstream call each; leads lost for one keep no reason. ${ADMIN}`,
    args: { amoIds: t.arg.intList({ required: true }) },
    resolve: (_root, args, ctx) => deleteLossReasons(ctx, args.amoIds),
  }),
}));
