// amoCRM's duplicate control for /leads/complex: a new contact whose phone or e-mail equals a
// stored (not deleted) contact's is merged into that contact. Phones compare by digits (a leading
// Russian 8 counts as 7), e-mails case-insensitively. Only stored rows count, so two identical
// new contacts in one request are both created: callers look before writing anything.

import type { SandboxStore } from '../store.js';
import type { FieldChange } from './field-values.js';

const phoneKey = (value: string) => {
  const digits = value.replace(/\D/g, '');
  return digits.length === 11 && digits.startsWith('8') ? `7${digits.slice(1)}` : digits;
};
const emailKey = (value: string) => value.trim().toLowerCase();

function keysOf(store: SandboxStore, fieldId: number, values: readonly { value?: unknown }[]): string[] {
  const code = store.customFields.contacts.get(fieldId)?.code;
  if (code !== 'PHONE' && code !== 'EMAIL') return [];
  const key = code === 'PHONE' ? phoneKey : emailKey;
  return values.flatMap((item) => (typeof item.value === 'string' && key(item.value) !== '' ? [`${code}:${key(item.value)}`] : []));
}

/** The lowest-id live contact sharing a phone or e-mail with the new contact's fields. */
export function findDuplicateContact(store: SandboxStore, fields: readonly FieldChange[]): number | undefined {
  const wanted = new Set(fields.flatMap((change) => keysOf(store, change.field_id, change.values)));
  if (wanted.size === 0) return undefined;
  for (const contact of store.contacts.values()) {
    if (contact.is_deleted) continue;
    for (const stored of contact.custom_fields_values) {
      if (keysOf(store, stored.field_id, stored.values).some((key) => wanted.has(key))) return contact.id;
    }
  }
  return undefined;
}
