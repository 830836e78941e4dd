// `query=`: amoCRM's full-text search over an entity's filled fields. Case-insensitive substring
// over the name and every custom field value; phone numbers match on digits only, so
// `query=9161234567` finds "+7 (916) 123-45-67". A purely numeric query also matches the id.

import type { CustomFieldValueItem } from '../../rest/types.js';
import type { EntityType, StoredFieldValues } from '../records.js';
import type { SandboxStore } from '../store.js';

export interface SearchTarget {
  id: number;
  name: string;
  custom_fields_values: readonly StoredFieldValues[];
}

const digitsOf = (text: string) => text.replace(/\D/g, '');

function texts(item: CustomFieldValueItem): string[] {
  const value = item.value;
  if (value === null || value === undefined) return [];
  if (typeof value === 'object') return Object.values(value as Record<string, unknown>).filter((part) => part !== null).map(String);
  return [String(value)];
}

export function createMatcher(store: SandboxStore, entity: EntityType, rawQuery: string) {
  const needle = rawQuery.trim().toLowerCase();
  const needleDigits = digitsOf(needle);
  // Russians dial +7 as 8: "89161234567" should find "+7 916 123-45-67".
  const altDigits = /^8\d{10}$/.test(needleDigits) ? `7${needleDigits.slice(1)}` : needleDigits;
  // Only a phone-like query (mostly digits) is compared digit by digit.
  const phoneLike = needleDigits.length >= 4 && needleDigits.length >= needle.replace(/\s/g, '').length - 4;
  const isPhoneField = (fieldId: number) => store.customFields[entity].get(fieldId)?.code === 'PHONE';

  return (target: SearchTarget): boolean => {
    if (needle === '') return true;
    if (/^\d+$/.test(needle) && String(target.id) === needle) return true;
    if (target.name.toLowerCase().includes(needle)) return true;
    for (const field of target.custom_fields_values) {
      const phone = isPhoneField(field.field_id);
      for (const item of field.values) {
        for (const text of texts(item)) {
          if (text.toLowerCase().includes(needle)) return true;
          if (phone && phoneLike) {
            const found = digitsOf(text);
            if (found.includes(needleDigits) || found.includes(altDigits)) return true;
          }
        }
      }
    }
    return false;
  };
}
