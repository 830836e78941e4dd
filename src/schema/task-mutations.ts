// createTasks and updateTasks (completing a task with its result is an update): lists of any
// length, 50 per upstream call, each item answered on its own.

import { batchWrite, type InputPath, type ItemError, type Prepared } from '../loaders/batch-write.js';
import type { CreatedRef, EntityType, TaskWrite, UpdatedRef, WithId } from '../rest/types.js';
import { builder, type SchemaTypes } from './builder.js';
import { EntityTypeEnum, toUnixSeconds } from './common.js';
import type { GraphQLContext } from './context.js';
import { checkUser } from './entity-inputs.js';
import { checkListSize, refuseRepeats } from './entity-writes.js';
import { forgetEntity, TaskRef } from './refs.js';
import { inputError, withIndexes, writePayloadType, writeResultType } from './write-results.js';

const taskFields = (t: PothosSchemaTypes.InputFieldBuilder<SchemaTypes, 'InputObject'>) => ({
  taskTypeId: t.int({ description: '1 call (the default), 2 meeting, or one of `account { taskTypes }`.' }),
  responsibleUserId: t.int({ description: "Default: the token's user." }),
  duration: t.int({ description: 'Seconds.' }),
});

const CreateTaskInput = builder.inputType('CreateTaskInput', {
  fields: (t) => ({
    text: t.string({ required: true }),
    completeTill: t.field({ type: 'DateTime', required: true, description: 'When it is due.' }),
    entityType: t.field({ type: EntityTypeEnum, description: 'With `entityAmoId`: what the task is on. Leave both out for a task on nothing.' }),
    entityAmoId: t.int(),
    ...taskFields(t),
  }),
});

const UpdateTaskInput = builder.inputType('UpdateTaskInput', {
  description: 'Only the fields given change. Complete a task with `isCompleted: true` and its `result`.',
  fields: (t) => ({
    amoId: t.int({ required: true }),
    text: t.string(),
    completeTill: t.field({ type: 'DateTime' }),
    isCompleted: t.boolean(),
    result: t.string({ description: 'What came of it; only together with `isCompleted: true`.' }),
    ...taskFields(t),
  }),
});

interface TaskInputValue {
  amoId?: number | null;
  text?: string | null;
  completeTill?: Date | null;
  entityType?: EntityType | null;
  entityAmoId?: number | null;
  taskTypeId?: number | null;
  responsibleUserId?: number | null;
  duration?: number | null;
  isCompleted?: boolean | null;
  result?: string | null;
}

const PATHS: Record<string, string> = {
  id: 'amoId',
  text: 'text',
  complete_till: 'completeTill',
  task_type_id: 'taskTypeId',
  entity_id: 'entityAmoId',
  entity_type: 'entityType',
  responsible_user_id: 'responsibleUserId',
  duration: 'duration',
  is_completed: 'isCompleted',
  result: 'result',
};

const taskInputPath = (amoPath: string): InputPath => {
  const name = PATHS[amoPath.split('.')[0] ?? ''];
  return name ? [name] : [];
};

async function prepareTasks(ctx: GraphQLContext, inputs: readonly TaskInputValue[], mode: 'create' | 'update') {
  const [account, users] = await Promise.all([ctx.account.account(), ctx.account.users()]);
  const types = new Set([1, 2, ...(account._embedded?.task_types ?? []).map((type) => type.id)]);
  const prepare = (input: TaskInputValue): Prepared<TaskWrite> => {
    const errors: ItemError[] = [];
    const body: TaskWrite & { id?: number } = {};
    if (mode === 'update') body.id = input.amoId!;
    if (input.text != null) {
      if (input.text.trim() === '') errors.push(inputError(['text'], 'text must not be empty'));
      body.text = input.text;
    }
    if (input.completeTill) body.complete_till = toUnixSeconds(input.completeTill);
    if (input.taskTypeId != null) {
      if (!types.has(input.taskTypeId)) errors.push(inputError(['taskTypeId'], `no task type ${input.taskTypeId} in this account`));
      body.task_type_id = input.taskTypeId;
    }
    checkUser(users, input.responsibleUserId, ['responsibleUserId'], errors);
    if (input.responsibleUserId != null) body.responsible_user_id = input.responsibleUserId;
    if (input.duration != null) {
      if (input.duration < 0) errors.push(inputError(['duration'], 'duration is a number of seconds, not negative'));
      body.duration = input.duration;
    }
    if ((input.entityType == null) !== (input.entityAmoId == null)) {
      errors.push(inputError([input.entityType == null ? 'entityType' : 'entityAmoId'], 'entityType and entityAmoId go together'));
    } else if (input.entityType != null && input.entityAmoId != null) {
      if (input.entityAmoId < 1) errors.push(inputError(['entityAmoId'], 'entityAmoId must be positive'));
      body.entity_type = input.entityType;
      body.entity_id = input.entityAmoId;
    }
    if (input.isCompleted != null) body.is_completed = input.isCompleted;
    if (input.result != null) {
      if (input.isCompleted !== true) errors.push(inputError(['result'], 'a result is written when completing: give isCompleted: true with it'));
      if (input.result.trim() === '') errors.push(inputError(['result'], 'result must not be empty'));
      body.result = { text: input.result };
    }
    if (mode === 'update' && Object.keys(body).length === 1) errors.push(inputError([], 'nothing to change'));
    return errors.length > 0 ? { errors } : { body, inputPath: taskInputPath };
  };
  return mode === 'update' ? (refuseRepeats(inputs, prepare) as Prepared<TaskWrite>[]) : inputs.map(prepare);
}

async function writeTasks(ctx: GraphQLContext, inputs: readonly TaskInputValue[], mode: 'create' | 'update') {
  checkListSize(inputs);
  const items = await prepareTasks(ctx, inputs, mode);
  const signal = ctx.upstream.scope?.signal;
  const requestIdById = new Map<number, string>();
  const outcomes =
    mode === 'create'
      ? await batchWrite<TaskWrite, CreatedRef | UpdatedRef>(items, {
          send: (bodies) => ctx.upstream.tasks.create(bodies, { signal }),
          requestIdsOf: (result) => [String(result.request_id)],
        })
      : await batchWrite<TaskWrite, CreatedRef | UpdatedRef>(items, {
          send: (bodies) => {
            for (const body of bodies) requestIdById.set((body as WithId<TaskWrite>).id, body.request_id);
            return ctx.upstream.tasks.update(bodies as WithId<TaskWrite>[], { signal });
          },
          // amoCRM may leave request_id out of update answers: the id answers for its item.
          requestIdsOf: (result) => [result.request_id ?? requestIdById.get(result.id) ?? ''],
        });
  const loader = TaskRef.getDataloader(ctx);
  outcomes.forEach((outcome, index) => {
    if (outcome.status !== 'succeeded') return;
    loader.clear(outcome.value.id);
    // A new or moved deadline changes the entity's closest task.
    const input = inputs[index]!;
    if (input.entityType && input.entityAmoId) forgetEntity(ctx, input.entityType, input.entityAmoId);
  });
  return withIndexes(outcomes);
}

const TaskWriteResult = writeResultType<{ id: number }>('TaskWriteResult', 'The outcome of one task of a createTasks or updateTasks call.', (t) => ({
  amoId: t.int({ nullable: true, resolve: (r) => (r.outcome.status === 'succeeded' ? r.outcome.value.id : null) }),
  task: t.field({
    type: TaskRef,
    nullable: true,
    description: 'The task as amoCRM has it now (read after the write).',
    resolve: (r) => (r.outcome.status === 'succeeded' ? r.outcome.value.id : null),
  }),
}));

builder.mutationFields((t) => ({
  createTasks: t.field({
    type: writePayloadType('CreateTasksPayload', TaskWriteResult),
    description: 'Creates tasks, 50 per upstream call, each answered on its own.',
    args: { input: t.arg({ type: [CreateTaskInput], required: true }) },
    resolve: (_root, args, ctx) => writeTasks(ctx, args.input, 'create'),
  }),
  updateTasks: t.field({
    type: writePayloadType('UpdateTasksPayload', TaskWriteResult),
    description: 'Updates tasks by amoId, and completes them with a result; 50 per upstream call, each answered on its own.',
    args: { input: t.arg({ type: [UpdateTaskInput], required: true }) },
    resolve: (_root, args, ctx) => writeTasks(ctx, args.input, 'update'),
  }),
}));
