// The one new entity a complex lead or an unsorted entry embeds under `_embedded.<type>`: a full
// object checked like a plain POST of that type, at most one of each, at most 40 custom field
// values (amoCRM's limit for complex leads, applied to unsorted entries too).

import type { EntityType, PipelineRecord } from '../records.js';
import { readEntityDraft, type EntityDraft } from './entity-draft.js';
import type { WriteEnv } from './env.js';
import { isRecord, type Issues } from './issues.js';
import { has, typeName } from './scalars.js';

const MAX_FIELDS = 40;

export function checkFieldCount(item: unknown, issues: Issues): void {
  if (isRecord(item) && Array.isArray(item.custom_fields_values) && item.custom_fields_values.length > MAX_FIELDS) {
    issues.add('TooMany', 'custom_fields_values', `at most ${MAX_FIELDS} custom field values per entity, got ${item.custom_fields_values.length}`);
  }
}

/** The one new contact or company under `_embedded.<type>` (issues under `_embedded`): null when none. */
export function readOneNew(
  env: WriteEnv,
  type: EntityType,
  embedded: Record<string, unknown>,
  issues: Issues,
  what: string,
  options: { incomingIn?: PipelineRecord } = {},
): EntityDraft | null | undefined {
  if (!has(embedded, type) || embedded[type] === null) return null;
  const list = embedded[type];
  if (!Array.isArray(list)) {
    issues.add('InvalidType', type, `${type} must be an array, got ${typeName(list)}`);
    return undefined;
  }
  if (list.length === 0) return null;
  if (list.length > 1) {
    issues.add('TooMany', type, `${what} takes one new ${type === 'contacts' ? 'contact' : type === 'leads' ? 'lead' : 'company'}, got ${list.length}`);
    return undefined;
  }
  const at = issues.under(`${type}.0`);
  checkFieldCount(list[0], at);
  return readEntityDraft(env, type, list[0], at, { mode: 'create', incomingIn: options.incomingIn });
}

