// The body amoCRM posts to a webhook (§5): x-www-form-urlencoded, PHP-style nested keys
// (`leads[status][0][id]`), legacy v2 field names, `account[subdomain]` and `account[id]`.
// Companies travel as `contacts[...]` with `[type]=company`, as amoCRM's v2 webhooks do.

import type { EntityType, NoteRecord, StoredFieldValues, TaskRecord } from '../records.js';
import type { SandboxStore } from '../store.js';

/** A form value: nested objects and arrays become bracketed keys, everything else a string. */
export type FormValue = string | number | boolean | null | undefined | FormValue[] | { [key: string]: FormValue };

export type WebhookAction = 'add' | 'update' | 'delete' | 'restore' | 'status' | 'responsible' | 'note';

export type HookEntity = EntityType | 'tasks';

/** One change as it goes into a body: `{key}[{action}][i]` holds `fields`. */
export interface WebhookEvent {
  /** The settings name a subscription needs to receive it (`status_lead`). */
  setting: string;
  key: 'leads' | 'contacts' | 'task';
  action: WebhookAction;
  fields: Record<string, FormValue>;
}

/** v2 element type codes (1 contact, 2 lead, 3 company), used by notes and tasks. */
export const ELEMENT_TYPES: Record<EntityType, number> = { contacts: 1, leads: 2, companies: 3 };

const SINGULAR: Record<HookEntity, string> = { leads: 'lead', contacts: 'contact', companies: 'company', tasks: 'task' };

export const settingFor = (action: WebhookAction, entity: HookEntity): string => `${action}_${SINGULAR[entity]}`;

export const keyFor = (entity: HookEntity): WebhookEvent['key'] => (entity === 'leads' ? 'leads' : entity === 'tasks' ? 'task' : 'contacts');

/** Date fields arrive as a bare timestamp per value (`values[0]=1542067200`), others as value/enum pairs. */
const BARE_VALUE_TYPES = new Set(['date', 'date_time', 'birthday']);

function customFields(store: SandboxStore, type: EntityType, stored: readonly StoredFieldValues[]): FormValue[] {
  return stored.map((field) => {
    const definition = store.customFields[type].get(field.field_id);
    const bare = definition && BARE_VALUE_TYPES.has(definition.type);
    return {
      id: field.field_id,
      name: definition?.name,
      code: definition?.code ?? undefined,
      values: field.values.map((item) =>
        bare ? String(item.value) : { value: item.value as FormValue, enum: item.enum_id ?? undefined },
      ),
    };
  });
}

function tags(store: SandboxStore, type: EntityType, ids: readonly number[]): FormValue[] {
  return ids.map((id) => ({ id, name: store.tags[type].get(id)?.name }));
}

interface EntityRow {
  id: number;
  name: string;
  responsible_user_id: number;
  created_by: number;
  updated_by: number;
  created_at: number;
  updated_at: number;
  custom_fields_values: StoredFieldValues[];
  tag_ids: number[];
  price?: number;
  status_id?: number;
  pipeline_id?: number;
}

/** A lead, contact or company in v2 names. */
export function entityFields(store: SandboxStore, type: EntityType, row: EntityRow): Record<string, FormValue> {
  return {
    id: row.id,
    name: row.name,
    ...(type === 'leads' ? { status_id: row.status_id, pipeline_id: row.pipeline_id, price: row.price } : { type: SINGULAR[type] }),
    responsible_user_id: row.responsible_user_id,
    date_create: row.created_at,
    last_modified: row.updated_at,
    created_user_id: row.created_by,
    modified_user_id: row.updated_by,
    created_at: row.created_at,
    updated_at: row.updated_at,
    account_id: store.account.id,
    tags: row.tag_ids.length > 0 ? tags(store, type, row.tag_ids) : undefined,
    custom_fields: row.custom_fields_values.length > 0 ? customFields(store, type, row.custom_fields_values) : undefined,
  };
}

/** A deletion carries only what identifies the entity. */
export function deletedFields(type: EntityType, row: EntityRow): Record<string, FormValue> {
  if (type === 'leads') return { id: row.id, status_id: row.status_id, pipeline_id: row.pipeline_id };
  return { id: row.id, type: SINGULAR[type] };
}

export function taskFields(store: SandboxStore, task: TaskRecord): Record<string, FormValue> {
  return {
    id: task.id,
    element_id: task.entity_id ?? undefined,
    element_type: task.entity_type ? ELEMENT_TYPES[task.entity_type] : undefined,
    task_type: task.task_type_id,
    text: task.text,
    status: task.is_completed ? 1 : 0,
    complete_till: task.complete_till,
    responsible_user_id: task.responsible_user_id,
    date_create: task.created_at,
    last_modified: task.updated_at,
    created_user_id: task.created_by,
    modified_user_id: task.updated_by,
    account_id: store.account.id,
  };
}

export function noteFields(store: SandboxStore, type: EntityType, note: NoteRecord): Record<string, FormValue> {
  const text = note.params.text;
  return {
    note: {
      id: note.id,
      element_id: note.entity_id,
      element_type: ELEMENT_TYPES[type],
      note_type: note.note_type,
      text: typeof text === 'string' ? text : undefined,
      responsible_user_id: note.responsible_user_id,
      created_user_id: note.created_by,
      date_create: note.created_at,
      last_modified: note.updated_at,
      account_id: store.account.id,
    },
  };
}

function flatten(prefix: string, value: FormValue, out: [string, string][]): void {
  if (value === undefined || value === null) return;
  if (Array.isArray(value)) {
    value.forEach((item, index) => flatten(`${prefix}[${index}]`, item, out));
  } else if (typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) flatten(`${prefix}[${key}]`, item, out);
  } else {
    out.push([prefix, typeof value === 'boolean' ? (value ? '1' : '0') : String(value)]);
  }
}

/** The form pairs of one POST: every event under `{key}[{action}][i]`, grouped, then the account. */
export function formPairs(store: SandboxStore, events: readonly WebhookEvent[]): [string, string][] {
  const groups = new Map<string, WebhookEvent[]>();
  for (const event of events) {
    const group = `${event.key}[${event.action}]`;
    groups.set(group, [...(groups.get(group) ?? []), event]);
  }
  const out: [string, string][] = [];
  for (const [group, members] of groups) {
    members.forEach((event, index) => {
      for (const [field, value] of Object.entries(event.fields)) flatten(`${group}[${index}][${field}]`, value, out);
    });
  }
  out.push(['account[subdomain]', store.account.subdomain], ['account[id]', String(store.account.id)]);
  return out;
}

export const encodeForm = (pairs: readonly [string, string][]): string => new URLSearchParams(pairs as [string, string][]).toString();
