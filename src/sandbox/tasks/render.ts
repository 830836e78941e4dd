// Stored tasks -> amoCRM's wire shape; a task on no entity has `entity_id` and `entity_type` null.

import type { Task } from '../../rest/types.js';
import type { TaskRecord } from '../records.js';
import type { SandboxStore } from '../store.js';

export const taskPath = (id: number) => `/api/v4/tasks/${id}`;

export function renderTask(options: { store: SandboxStore; origin: string }, task: TaskRecord): Task {
  return {
    id: task.id,
    created_by: task.created_by,
    updated_by: task.updated_by,
    created_at: task.created_at,
    updated_at: task.updated_at,
    responsible_user_id: task.responsible_user_id,
    group_id: task.group_id,
    entity_id: task.entity_id,
    entity_type: task.entity_type,
    is_completed: task.is_completed,
    task_type_id: task.task_type_id,
    text: task.text,
    duration: task.duration,
    complete_till: task.complete_till,
    result: task.result ? { ...task.result } : null,
    account_id: options.store.account.id,
    _links: { self: { href: `${options.origin}${taskPath(task.id)}` } },
  };
}
