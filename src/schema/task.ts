// Tasks: the type, its connection, the root list with amoCRM's filters, and the tasks of leads,
// contacts and companies (batched for every entity of a response).

import { listTasks, loadTasksOf } from '../loaders/tasks.js';
import type { TaskFilter } from '../rest/resources/tasks.js';
import type { EntityType, Task } from '../rest/types.js';
import { TaskTypeRef } from './account.js';
import { builder } from './builder.js';
import { amoIds, badInput, DateTimeRange, EntityTypeEnum, orderInput, timeRange, userId } from './common.js';
import { resolveWindowConnection } from './connection.js';
import { forEachEntityRef, loadEntity, TaskRef, UserRef } from './refs.js';

TaskRef.implement({
  description: 'A task (a call, a meeting, or an account-specific type), on a lead, contact or company, or on nothing.',
  fields: (t) => ({
    amoId: t.int({ resolve: (task) => task.id }),
    text: t.exposeString('text'),
    taskType: t.field({
      type: TaskTypeRef,
      nullable: true,
      description: "The task's type from the account's list (null if the type was removed).",
      resolve: async (task, _args, ctx) => (await ctx.account.account())._embedded?.task_types?.find((type) => type.id === task.task_type_id) ?? null,
    }),
    taskTypeId: t.exposeInt('task_type_id', { description: '1 is a call (follow-up), 2 a meeting; others are the account’s own.' }),
    entityType: t.field({ type: EntityTypeEnum, nullable: true, resolve: (task) => entityTypeOf(task) }),
    entityAmoId: t.int({ nullable: true, resolve: (task) => (entityTypeOf(task) ? task.entity_id : null) }),
    entity: t.field({
      type: builder.nodeInterfaceRef(),
      nullable: true,
      description: 'The lead, contact or company the task is on; null for a task on nothing (or on a customer).',
      resolve: (task, _args, ctx) => {
        const entity = entityTypeOf(task);
        return entity && task.entity_id ? loadEntity(ctx, entity, task.entity_id) : null;
      },
    }),
    responsibleUser: t.field({ type: UserRef, nullable: true, resolve: (task) => userId(task.responsible_user_id) }),
    createdBy: t.field({ type: UserRef, nullable: true, resolve: (task) => userId(task.created_by) }),
    completeTill: t.field({ type: 'DateTime', description: 'When it is due. amoCRM shows 23:59 as "all day".', resolve: (task) => task.complete_till }),
    duration: t.exposeInt('duration', { description: 'Seconds.' }),
    isCompleted: t.exposeBoolean('is_completed'),
    result: t.string({ nullable: true, description: 'What came of it, written when it was completed.', resolve: (task) => task.result?.text ?? null }),
    createdAt: t.field({ type: 'DateTime', resolve: (task) => task.created_at }),
    updatedAt: t.field({ type: 'DateTime', resolve: (task) => task.updated_at }),
  }),
});

function entityTypeOf(task: Task): EntityType | null {
  return task.entity_type === 'leads' || task.entity_type === 'contacts' || task.entity_type === 'companies' ? task.entity_type : null;
}

export const TaskConnection = builder.connectionObject({ type: TaskRef, name: 'TaskConnection' }, { name: 'TaskEdge' });

const TaskOrder = orderInput('Task', { CREATED_AT: { value: 'created_at' }, COMPLETE_TILL: { value: 'complete_till' }, ID: { value: 'id' } });

const TaskFilterInput = builder.inputType('TaskFilter', {
  description: 'Filters amoCRM applies to tasks. Every given condition must hold.',
  fields: (t) => ({
    amoIds: t.intList(),
    responsibleUserIds: t.intList(),
    isCompleted: t.boolean(),
    taskTypeIds: t.intList(),
    entityType: t.field({ type: EntityTypeEnum, description: 'Tasks on this entity type (with `entityAmoIds`: on these entities).' }),
    entityAmoIds: t.intList(),
    updatedAt: t.field({ type: DateTimeRange }),
  }),
});

interface TaskFilterArgs {
  amoIds?: readonly number[] | null;
  responsibleUserIds?: readonly number[] | null;
  isCompleted?: boolean | null;
  taskTypeIds?: readonly number[] | null;
  entityType?: EntityType | null;
  entityAmoIds?: readonly number[] | null;
  updatedAt?: { from?: Date | null; to?: Date | null } | null;
}

function taskFilter(filter: TaskFilterArgs | null | undefined): TaskFilter | undefined {
  if (!filter) return undefined;
  if (filter.entityAmoIds && !filter.entityType) throw badInput('filter.entityAmoIds needs filter.entityType');
  return {
    id: amoIds(filter.amoIds, 'filter.amoIds'),
    responsible_user_id: amoIds(filter.responsibleUserIds, 'filter.responsibleUserIds'),
    is_completed: filter.isCompleted == null ? undefined : filter.isCompleted ? 1 : 0,
    task_type: amoIds(filter.taskTypeIds, 'filter.taskTypeIds'),
    entity_type: filter.entityType ?? undefined,
    entity_id: amoIds(filter.entityAmoIds, 'filter.entityAmoIds'),
    updated_at: timeRange(filter.updatedAt, 'filter.updatedAt'),
  };
}

builder.queryFields((t) => ({
  task: t.field({
    type: TaskRef,
    nullable: true,
    description: 'A task by its amoCRM id; null if it does not exist.',
    args: { amoId: t.arg.int({ required: true }) },
    resolve: (_root, args) => (args.amoId > 0 ? args.amoId : null),
  }),
  tasks: t.connection(
    {
      type: TaskRef,
      nullable: true,
      description: 'Tasks, paged with cursors (at most 250 per page). Null, with an error, when amoCRM could not answer.',
      args: { filter: t.arg({ type: TaskFilterInput }), orderBy: t.arg({ type: TaskOrder }) },
      resolve: (_root, args, ctx) => {
        const filter = taskFilter(args.filter);
        return resolveWindowConnection(args, (window) => listTasks(ctx.upstream, { window, filter, order: args.orderBy ?? undefined }));
      },
    },
    TaskConnection,
  ),
}));

// Each entity's tasks: one batched read for every entity of the response (per 250), not one each.
forEachEntityRef((ref, entity) =>
  builder.objectField(ref, 'tasks', (t) =>
    t.loadableList({
      type: TaskRef,
      description: 'Every task on it, open and completed.',
      load: (ids: number[], ctx) => loadTasksOf(ctx.upstream, entity, ids),
      resolve: (row) => row.id,
    }),
  ),
);
