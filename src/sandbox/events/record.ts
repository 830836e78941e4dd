// What the sandbox writes into the audit log when data changes through its API, in amoCRM's
// shapes: `<entity>_added`, stage, name, sale, responsible, tag and custom-field changes, links,
// notes and task changes. Every value is an array of one-key objects, as amoCRM sends them.

import type { CompanyRecord, ContactRecord, EntityType, LeadRecord, StoredFieldValues, TaskRecord } from '../records.js';
import type { SandboxStore } from '../store.js';
import type { EventEntityType, NewEvent } from './log.js';

type EntityRow = LeadRecord | ContactRecord | CompanyRecord;

export const SINGULAR: Record<EntityType, EventEntityType> = { leads: 'lead', contacts: 'contact', companies: 'company' };

interface Who {
  by: number;
  at: number;
}

const leadStatus = (lead: Pick<LeadRecord, 'status_id' | 'pipeline_id'>) => [{ lead_status: { id: lead.status_id, pipeline_id: lead.pipeline_id } }];

function event(store: SandboxStore, who: Who, entityType: EventEntityType, entityId: number, type: string, before: NewEvent['value_before'], after: NewEvent['value_after']): void {
  store.events.record({ type, entity_id: entityId, entity_type: entityType, created_by: who.by, created_at: who.at, value_before: before, value_after: after });
}

export function recordAdded(store: SandboxStore, type: EntityType, row: EntityRow, who: Who): void {
  const singular = SINGULAR[type];
  event(store, who, singular, row.id, `${singular}_added`, [], type === 'leads' ? leadStatus(row as LeadRecord) : []);
}

function fieldValue(store: SandboxStore, type: EntityType, field: StoredFieldValues | undefined, fieldId: number) {
  const definition = store.customFields[type].get(fieldId);
  const values = field?.values ?? [];
  return values.map((value) => ({
    custom_field_value: {
      field_id: fieldId,
      field_type: definition?.type ?? 'text',
      ...(value.enum_id != null ? { enum_id: value.enum_id } : {}),
      text: value.value == null ? '' : String(value.value),
    },
  }));
}

/** Compares a row before and after an update and logs each change amoCRM logs. */
export function recordChanges(store: SandboxStore, type: EntityType, before: EntityRow, after: EntityRow, who: Who): void {
  const singular = SINGULAR[type];
  const log = (kind: string, from: NewEvent['value_before'], to: NewEvent['value_after']) => event(store, who, singular, after.id, kind, from, to);
  if (type === 'leads') {
    const [a, b] = [before as LeadRecord, after as LeadRecord];
    if (a.status_id !== b.status_id || a.pipeline_id !== b.pipeline_id) log('lead_status_changed', leadStatus(a), leadStatus(b));
    if (a.price !== b.price) log('sale_field_changed', [{ sale_field_value: { sale: a.price } }], [{ sale_field_value: { sale: b.price } }]);
  }
  if (before.name !== after.name) log('name_field_changed', [{ name_field_value: { name: before.name } }], [{ name_field_value: { name: after.name } }]);
  if (before.responsible_user_id !== after.responsible_user_id) {
    log('entity_responsible_changed', [{ responsible_user: { id: before.responsible_user_id } }], [{ responsible_user: { id: after.responsible_user_id } }]);
  }
  const tagName = (id: number) => ({ tag: { name: store.tags[type].get(id)?.name ?? String(id) } });
  const added = after.tag_ids.filter((id) => !before.tag_ids.includes(id));
  const removed = before.tag_ids.filter((id) => !after.tag_ids.includes(id));
  if (added.length > 0) log('entity_tag_added', [], added.map(tagName));
  if (removed.length > 0) log('entity_tag_deleted', removed.map(tagName), []);
  const fieldIds = new Set([...before.custom_fields_values, ...after.custom_fields_values].map((field) => field.field_id));
  for (const fieldId of fieldIds) {
    const a = before.custom_fields_values.find((field) => field.field_id === fieldId);
    const b = after.custom_fields_values.find((field) => field.field_id === fieldId);
    if (JSON.stringify(a?.values ?? []) === JSON.stringify(b?.values ?? [])) continue;
    log(`custom_field_${fieldId}_value_changed`, fieldValue(store, type, a, fieldId), fieldValue(store, type, b, fieldId));
  }
}

/** A link is logged on both ends: each says which entity it was linked to (or unlinked from). */
export function recordLink(store: SandboxStore, from: { type: EntityType; id: number }, to: { type: EntityType; id: number }, linked: boolean, who: Who): void {
  const kind = linked ? 'entity_linked' : 'entity_unlinked';
  const value = (other: { type: EntityType; id: number }) => [{ link: { entity: { type: SINGULAR[other.type], id: other.id } } }];
  event(store, who, SINGULAR[from.type], from.id, kind, linked ? [] : value(to), linked ? value(to) : []);
  event(store, who, SINGULAR[to.type], to.id, kind, linked ? [] : value(from), linked ? value(from) : []);
}

/**
 * A catalog element put on (or taken off) an entity: `entity_linked`/`entity_unlinked` on the
 * entity's side, naming the element as a `catalog_element` (the type string is unconfirmed; the
 * docs show only entity links). The element side is not logged: events about elements are
 * filtered as `catalog_{id}`, which this log does not model.
 */
export function recordCatalogLink(store: SandboxStore, from: { type: EntityType; id: number }, elementId: number, linked: boolean, who: Who): void {
  const value = [{ link: { entity: { type: 'catalog_element', id: elementId } } }];
  event(store, who, SINGULAR[from.type], from.id, linked ? 'entity_linked' : 'entity_unlinked', linked ? [] : value, linked ? value : []);
}

export function recordNoteAdded(store: SandboxStore, type: EntityType, note: { id: number; entity_id: number; note_type: string }, who: Who): void {
  const kind = note.note_type === 'attachment' ? 'attachment_note_added' : 'common_note_added';
  event(store, who, SINGULAR[type], note.entity_id, kind, [], [{ note: { id: note.id } }]);
}

export function recordTaskAdded(store: SandboxStore, task: TaskRecord, who: Who): void {
  event(store, who, 'task', task.id, 'task_added', [], []);
}

export function recordTaskChanges(store: SandboxStore, before: TaskRecord, after: TaskRecord, who: Who): void {
  const log = (kind: string, from: NewEvent['value_before'], to: NewEvent['value_after']) => event(store, who, 'task', after.id, kind, from, to);
  if (before.complete_till !== after.complete_till) {
    log('task_deadline_changed', [{ task_deadline: { timestamp: before.complete_till } }], [{ task_deadline: { timestamp: after.complete_till } }]);
  }
  if (before.task_type_id !== after.task_type_id) log('task_type_changed', [{ task_type: { id: before.task_type_id } }], [{ task_type: { id: after.task_type_id } }]);
  if (before.text !== after.text) log('task_text_changed', [{ text: { text: before.text } }], [{ text: { text: after.text } }]);
  if (!before.is_completed && after.is_completed) log('task_completed', [], []);
  if (after.result && JSON.stringify(after.result) !== JSON.stringify(before.result)) log('task_result_added', [], [{ task_result: { text: after.result.text } }]);
}
