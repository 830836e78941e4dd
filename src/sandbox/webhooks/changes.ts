// What changed in the store between two moments, as webhook events: a snapshot before a write,
// a diff after it. Diffing keeps the write paths untouched: every route, present or future, that
// changes leads, contacts, companies, tasks or notes is covered by one hook in the handler.

import type { EntityType, LeadRecord } from '../records.js';
import type { SandboxStore } from '../store.js';
import {
  deletedFields,
  entityFields,
  keyFor,
  noteFields,
  settingFor,
  taskFields,
  type WebhookAction,
  type WebhookEvent,
} from './form.js';

const ENTITY_TYPES: readonly EntityType[] = ['leads', 'contacts', 'companies'];

interface RowState {
  json: string;
  deleted: boolean;
  responsible: number;
  status?: number;
  pipeline?: number;
}

export interface Snapshot {
  entities: Record<EntityType, Map<number, RowState>>;
  tasks: Map<number, RowState>;
  notes: Record<EntityType, Set<number>>;
}

function state(row: { responsible_user_id: number; is_deleted?: boolean } & Partial<Pick<LeadRecord, 'status_id' | 'pipeline_id'>>): RowState {
  // Rows are sometimes changed in place, so the snapshot keeps a serialised copy.
  return { json: JSON.stringify(row), deleted: row.is_deleted ?? false, responsible: row.responsible_user_id, status: row.status_id, pipeline: row.pipeline_id };
}

export function takeSnapshot(store: SandboxStore): Snapshot {
  const entities = {} as Snapshot['entities'];
  const notes = {} as Snapshot['notes'];
  for (const type of ENTITY_TYPES) {
    entities[type] = new Map(store.entities(type).values().map((row) => [row.id, state(row)]));
    notes[type] = new Set(store.notes[type].values().map((note) => note.id));
  }
  return { entities, tasks: new Map(store.tasks.values().map((task) => [task.id, state(task)])), notes };
}

/** The events between `before` and the store now, entity types in a fixed order, ids ascending. */
export function diffSnapshot(store: SandboxStore, before: Snapshot): WebhookEvent[] {
  const events: WebhookEvent[] = [];
  const push = (entity: EntityType | 'tasks', action: WebhookAction, fields: WebhookEvent['fields']) =>
    events.push({ setting: settingFor(action, entity), key: keyFor(entity), action, fields });

  for (const type of ENTITY_TYPES) {
    const was = before.entities[type];
    const table = store.entities(type);
    for (const row of table.values()) {
      const old = was.get(row.id);
      const now = state(row);
      if (!old) {
        if (!now.deleted) push(type, 'add', entityFields(store, type, row));
        continue;
      }
      if (old.json === now.json) continue;
      if (old.deleted && now.deleted) continue;
      if (!old.deleted && now.deleted) {
        push(type, 'delete', deletedFields(type, row));
        continue;
      }
      const fields = entityFields(store, type, row);
      if (old.deleted) {
        push(type, 'restore', fields);
        continue;
      }
      push(type, 'update', fields);
      if (type === 'leads' && (old.status !== now.status || old.pipeline !== now.pipeline)) {
        push(type, 'status', { ...fields, old_status_id: old.status, old_pipeline_id: old.pipeline });
      }
      if (old.responsible !== now.responsible) push(type, 'responsible', { ...fields, old_responsible_user_id: old.responsible });
    }
    // Rows removed from the table outright (tests may do that) were deleted too.
    for (const [id, old] of was) if (!old.deleted && !table.has(id)) push(type, 'delete', type === 'leads' ? { id } : { id, type: type === 'contacts' ? 'contact' : 'company' });
  }

  for (const task of store.tasks.values()) {
    const old = before.tasks.get(task.id);
    const now = state(task);
    if (!old) push('tasks', 'add', taskFields(store, task));
    else if (old.json !== now.json) {
      push('tasks', 'update', taskFields(store, task));
      if (old.responsible !== now.responsible) push('tasks', 'responsible', { ...taskFields(store, task), old_responsible_user_id: old.responsible });
    }
  }
  for (const id of before.tasks.keys()) if (!store.tasks.has(id)) push('tasks', 'delete', { id });

  for (const type of ENTITY_TYPES) {
    for (const note of store.notes[type].values()) {
      if (!before.notes[type].has(note.id)) push(type, 'note', noteFields(store, type, note));
    }
  }
  return events;
}
