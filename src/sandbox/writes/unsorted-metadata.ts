// The metadata of an incoming entry by category (§3.9): which keys forms and sip entries must
// carry and of what type. Only the documented keys are kept; amoCRM answers with its own set.

import { isRecord, type Issues } from './issues.js';
import { typeName } from './scalars.js';

type Kind = 'string' | 'int' | 'phone' | 'user' | 'boolean';

interface KeySpec {
  kind: Kind;
  required?: boolean;
}

/** Categories the API may create; mail and chats arrive from amoCRM's own channels. */
export const CREATABLE_CATEGORIES = ['forms', 'sip'] as const;
export type CreatableCategory = (typeof CREATABLE_CATEGORIES)[number];

const SPECS: Record<CreatableCategory, Record<string, KeySpec>> = {
  forms: {
    form_id: { kind: 'string', required: true },
    form_name: { kind: 'string', required: true },
    form_page: { kind: 'string', required: true },
    form_sent_at: { kind: 'int', required: true },
    ip: { kind: 'string' },
    referer: { kind: 'string' },
    form_type: { kind: 'string' },
    visitor_uid: { kind: 'string' },
  },
  sip: {
    from: { kind: 'phone', required: true },
    phone: { kind: 'phone', required: true },
    called_at: { kind: 'int', required: true },
    duration: { kind: 'int', required: true },
    service_code: { kind: 'string', required: true },
    uniq: { kind: 'string', required: true },
    link: { kind: 'string' },
    call_responsible: { kind: 'user' },
    is_call_event_needed: { kind: 'boolean' },
  },
};

function fits(kind: Kind, value: unknown): boolean {
  switch (kind) {
    case 'string':
      return typeof value === 'string';
    case 'int':
      return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
    case 'phone':
      return typeof value === 'string' || (typeof value === 'number' && Number.isSafeInteger(value));
    case 'user':
      // A user id, or a phone or name amoCRM matches to one.
      return typeof value === 'string' || (typeof value === 'number' && Number.isSafeInteger(value));
    case 'boolean':
      return typeof value === 'boolean';
  }
}

export const isCreatableCategory = (value: unknown): value is CreatableCategory => CREATABLE_CATEGORIES.includes(value as CreatableCategory);

/** The metadata to store (issues under `metadata`), or undefined when invalid. */
export function readUnsortedMetadata(category: CreatableCategory, raw: unknown, issues: Issues): Record<string, unknown> | undefined {
  if (raw === undefined || raw === null) {
    issues.add('NotBlank', '', `a ${category} entry needs metadata`);
    return undefined;
  }
  if (!isRecord(raw)) {
    issues.add('InvalidType', '', `metadata must be an object, got ${typeName(raw)}`);
    return undefined;
  }
  const before = issues.count;
  const out: Record<string, unknown> = {};
  for (const [key, spec] of Object.entries(SPECS[category])) {
    const value = raw[key];
    if (value === undefined || value === null || value === '') {
      if (spec.required) issues.add('NotBlank', key, `${key} is required for ${category} entries`);
      continue;
    }
    if (!fits(spec.kind, value)) {
      issues.add('InvalidType', key, `${key} must be ${spec.kind === 'int' ? 'an integer (unix seconds or seconds)' : `a ${spec.kind}`}, got ${typeName(value)}`);
      continue;
    }
    out[key] = value;
  }
  return issues.count > before ? undefined : out;
}
