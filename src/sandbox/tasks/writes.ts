// POST and PATCH of tasks. Every item is checked before any is written (see ../writes/issues.ts).
// A new task needs `text` and `complete_till`; the type defaults to 1 (call), the responsible user
// and the creator to the token's user. A PATCH changes only what it names; completing is
// `is_completed: true` with `result: { text }`.

import type { RequestContext } from '../http/context.js';
import { selfHref } from '../http/hal.js';
import { hal, type Reply } from '../http/reply.js';
import { checkUser, NOT_A_CHOICE, readFields, type FieldReader } from '../notes/fields.js';
import type { EntityType, TaskRecord } from '../records.js';
import { groupOf } from '../seed/metadata.js';
import type { SandboxStore } from '../store.js';
import { readBatch, readObjectBody } from '../writes/body.js';
import { isLive, unixNow } from '../writes/env.js';
import { requestIdOf, validateAll, type Issues } from '../writes/issues.js';
import { has, readItem } from '../writes/scalars.js';
import { recordTaskAdded, recordTaskChanges } from '../events/record.js';
import { taskPath } from './render.js';

const ENTITY_TYPES: readonly string[] = ['leads', 'contacts', 'companies'];

type Target = Pick<TaskRecord, 'entity_type' | 'entity_id'>;

function checkTaskType(read: FieldReader, store: SandboxStore): number | undefined {
  const id = read.int('task_type_id');
  if (id === undefined) return undefined;
  // 1 (call) and 2 (meeting) are amoCRM's own; the rest are the account's.
  if (id === 1 || id === 2 || store.taskTypes.has(id)) return id;
  read.fail('NotSupportedChoice', 'task_type_id', NOT_A_CHOICE);
  return undefined;
}

/** The entity a task is on: both keys, or (on update) the id within the stored type. */
function checkTarget(read: FieldReader, store: SandboxStore, current: Target | null): Target | undefined {
  const givenType = read.text('entity_type');
  const givenId = read.int('entity_id');
  if (givenType === undefined && givenId === undefined) return undefined;
  if (givenType !== undefined && !ENTITY_TYPES.includes(givenType)) {
    read.fail('NotSupportedChoice', 'entity_type', `${NOT_A_CHOICE} Use leads, contacts or companies.`);
    return undefined;
  }
  const type = (givenType ?? current?.entity_type ?? undefined) as EntityType | undefined;
  if (type === undefined) {
    read.fail('NotBlank', 'entity_type', 'entity_type goes with entity_id.');
    return undefined;
  }
  if (givenId === undefined) {
    read.fail('NotBlank', 'entity_id', 'entity_id goes with entity_type.');
    return undefined;
  }
  if (!isLive(store, type, givenId)) {
    read.fail('NotSupportedChoice', 'entity_id', `No ${type} entity with this id.`);
    return undefined;
  }
  return { entity_type: type, entity_id: givenId };
}

function checkResult(read: FieldReader, issues: Issues): { text: string } | undefined {
  const result = read.object('result');
  if (!result) return undefined;
  const text = readFields(result, issues.under('result')).text('text', { required: true });
  return text === undefined ? undefined : { text };
}

function checkNewTask(store: SandboxStore, raw: unknown, issues: Issues): Omit<TaskRecord, 'id' | 'created_at' | 'updated_at'> | undefined {
  const item = readItem(raw, issues);
  if (!item) return undefined;
  const read = readFields(item, issues);
  const current = store.account.current_user_id;
  const text = read.text('text', { required: true }) ?? '';
  const completeTill = read.int('complete_till', { required: true, min: 0 }) ?? 0;
  const target = checkTarget(read, store, null);
  const responsible = checkUser(read, 'responsible_user_id', store.users) ?? current;
  const createdBy = checkUser(read, 'created_by', store.users, { allowRobot: true }) ?? current;
  return {
    text,
    task_type_id: checkTaskType(read, store) ?? 1,
    entity_id: target?.entity_id ?? null,
    entity_type: target?.entity_type ?? null,
    responsible_user_id: responsible,
    group_id: groupOf(store, responsible),
    created_by: createdBy,
    updated_by: createdBy,
    complete_till: completeTill,
    duration: read.int('duration', { min: 0 }) ?? 0,
    is_completed: read.bool('is_completed') ?? false,
    result: checkResult(read, issues) ?? null,
  };
}

/** `POST /api/v4/tasks`. */
export function createTasks(ctx: RequestContext): Reply {
  const { store } = ctx;
  const items = readBatch(ctx.body);
  const drafts = validateAll(items, (item, _index, issues) => checkNewTask(store, item, issues));
  const now = unixNow(ctx);
  const tasks = drafts.map((draft, index) => {
    const row = store.tasks.put({ id: store.tasks.nextId(), ...draft!, created_at: now, updated_at: now });
    recordTaskAdded(store, row, { by: row.created_by, at: now });
    return { id: row.id, request_id: requestIdOf(items[index], index), _links: { self: { href: `${ctx.origin}${taskPath(row.id)}` } } };
  });
  return hal({ _links: { self: { href: selfHref(ctx) } }, _embedded: { tasks } });
}

function checkTaskUpdate(store: SandboxStore, pathId: number | null, raw: unknown, issues: Issues): TaskRecord | undefined {
  const item = readItem(raw, issues);
  if (!item) return undefined;
  const read = readFields(item, issues);
  const id = pathId ?? read.int('id', { required: true });
  if (id === undefined) return undefined;
  const task = store.tasks.get(id);
  if (!task) {
    read.fail('NotFound', 'id', 'No task with this id.');
    return undefined;
  }
  // Present but null or blank is refused: a task always has a text.
  const text = has(item, 'text') ? read.text('text', { required: true }) : undefined;
  const target = checkTarget(read, store, task);
  const responsible = checkUser(read, 'responsible_user_id', store.users) ?? task.responsible_user_id;
  return {
    ...task,
    text: text ?? task.text,
    complete_till: read.int('complete_till', { min: 0 }) ?? task.complete_till,
    task_type_id: checkTaskType(read, store) ?? task.task_type_id,
    ...(target ?? {}),
    responsible_user_id: responsible,
    group_id: groupOf(store, responsible),
    duration: read.int('duration', { min: 0 }) ?? task.duration,
    is_completed: read.bool('is_completed') ?? task.is_completed,
    result: checkResult(read, issues) ?? task.result,
    updated_by: checkUser(read, 'updated_by', store.users, { allowRobot: true }) ?? store.account.current_user_id,
  };
}

/** `PATCH /api/v4/tasks` (an array with ids) or `PATCH /api/v4/tasks/{id}` (one object). */
export function updateTasks(ctx: RequestContext, pathId: number | null): Reply {
  const { store } = ctx;
  const items = pathId === null ? readBatch(ctx.body) : [readObjectBody(ctx.body)];
  const drafts = validateAll(items, (item, _index, issues) => checkTaskUpdate(store, pathId, item, issues));
  const now = unixNow(ctx);
  const tasks = drafts.map((draft, index) => {
    const before = store.tasks.get(draft!.id)!;
    const row = store.tasks.put({ ...draft!, updated_at: now });
    recordTaskChanges(store, before, row, { by: row.updated_by, at: now });
    return { id: row.id, updated_at: row.updated_at, request_id: requestIdOf(items[index], index), _links: { self: { href: `${ctx.origin}${taskPath(row.id)}` } } };
  });
  if (pathId !== null) return hal(tasks[0]);
  return hal({ _links: { self: { href: selfHref(ctx) } }, _embedded: { tasks } });
}
