// `custom_fields_values` in a write: fields named by `field_id` or `field_code`, each one's
// `values` replacing that field's set, `values: null` (or []) clearing it; fields not listed stay.

import type { CustomFieldValueItem } from '../../rest/types.js';
import { fieldTable } from '../field-owners.js';
import type { CustomFieldRecord, FieldOwner, StoredFieldValues } from '../records.js';
import type { SandboxStore } from '../store.js';
import { normaliseValues } from './field-value-types.js';
import { isRecord, type Issues } from './issues.js';
import { typeName } from './scalars.js';

export interface FieldChange {
  field_id: number;
  /** Empty: the field is cleared. */
  values: CustomFieldValueItem[];
}

function findField(store: SandboxStore, entity: FieldOwner, entry: Record<string, unknown>, issues: Issues): CustomFieldRecord | undefined {
  const fields = fieldTable(store, entity);
  if (!fields) {
    issues.add('NotSupportedChoice', 'field_id', `${entity} has no custom fields`);
    return undefined;
  }
  if (entry.field_id !== undefined && entry.field_id !== null) {
    if (typeof entry.field_id !== 'number' || !Number.isSafeInteger(entry.field_id)) {
      issues.add('InvalidType', 'field_id', `field_id must be an integer, got ${typeName(entry.field_id)}`);
      return undefined;
    }
    const field = fields.get(entry.field_id);
    if (!field) issues.add('NotSupportedChoice', 'field_id', `${entity} have no custom field ${entry.field_id}`);
    return field;
  }
  if (entry.field_code !== undefined && entry.field_code !== null) {
    if (typeof entry.field_code !== 'string') {
      issues.add('InvalidType', 'field_code', `field_code must be a string, got ${typeName(entry.field_code)}`);
      return undefined;
    }
    const code = entry.field_code.trim().toUpperCase();
    const field = fields.values().find((candidate) => candidate.code !== null && candidate.code.toUpperCase() === code);
    if (!field) issues.add('NotSupportedChoice', 'field_code', `${entity} have no custom field with code ${entry.field_code}`);
    return field;
  }
  issues.add('NotBlank', 'field_id', 'name the field by field_id or field_code');
  return undefined;
}

/** The changes in a `custom_fields_values` list (issues under it), or undefined when absent/invalid. */
export function readFieldChanges(store: SandboxStore, entity: FieldOwner, raw: unknown, issues: Issues): FieldChange[] | undefined {
  // `custom_fields_values: null` on the entity changes nothing (the SDK's empty collection).
  if (raw === undefined || raw === null) return undefined;
  if (!Array.isArray(raw)) {
    issues.add('InvalidType', '', `custom_fields_values must be an array, got ${typeName(raw)}`);
    return undefined;
  }
  const before = issues.count;
  const changes: FieldChange[] = [];
  raw.forEach((entry, index) => {
    const at = issues.under(index);
    if (!isRecord(entry)) {
      at.add('InvalidType', '', `each custom field must be an object, got ${typeName(entry)}`);
      return;
    }
    const field = findField(store, entity, entry, at);
    if (!field) return;
    if (entry.values === null || entry.values === undefined) {
      if (entry.values === undefined) at.add('NotBlank', 'values', 'give values, or values: null to clear the field');
      else changes.push({ field_id: field.id, values: [] });
      return;
    }
    if (!Array.isArray(entry.values)) {
      at.add('InvalidType', 'values', `values must be an array or null, got ${typeName(entry.values)}`);
      return;
    }
    const values = normaliseValues(field, entry.values, at.under('values'));
    if (values) changes.push({ field_id: field.id, values });
  });
  return issues.count > before ? undefined : changes;
}

/** The stored set after the changes: listed fields replaced or dropped, ordered by field id as seeded. */
export function mergeFieldValues(stored: readonly StoredFieldValues[], changes: readonly FieldChange[]): StoredFieldValues[] {
  const byField = new Map(stored.map((item) => [item.field_id, item]));
  for (const change of changes) {
    if (change.values.length === 0) byField.delete(change.field_id);
    else byField.set(change.field_id, { field_id: change.field_id, values: change.values.map((item) => ({ ...item })) });
  }
  return [...byField.values()].sort((a, b) => a.field_id - b.field_id);
}
