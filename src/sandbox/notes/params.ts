// The note types a client may write and the `params` each carries (§3.10). Only the listed keys
// are stored, so a note reads back in amoCRM's shape whatever extra the client sent; the other
// types (mail, chats, site visits…) exist on amoCRM but only its own services create them.

import type { Issues } from '../writes/issues.js';
import { readFields, type FieldReader } from './fields.js';

type Kind = 'text' | 'int' | 'bool' | 'numeric' | 'scalar' | 'choice';

interface ParamRule {
  key: string;
  kind: Kind;
  required?: boolean;
  choices?: readonly string[];
}

const need = (key: string, kind: Kind = 'text'): ParamRule => ({ key, kind, required: true });
const may = (key: string, kind: Kind = 'text'): ParamRule => ({ key, kind });

const CALL: ParamRule[] = [
  need('uniq'),
  need('duration', 'int'),
  need('source'),
  may('link'),
  need('phone'),
  may('call_result'),
  may('call_status', 'int'),
  may('call_responsible', 'scalar'),
];
const SERVICE: ParamRule[] = [need('service'), need('text')];
const SMS: ParamRule[] = [need('text'), need('phone')];

export const NOTE_PARAMS: Readonly<Record<string, readonly ParamRule[]>> = {
  common: [need('text')],
  call_in: CALL,
  call_out: CALL,
  service_message: SERVICE,
  extended_service_message: SERVICE,
  message_cashier: [{ key: 'status', kind: 'choice', required: true, choices: ['created', 'shown', 'canceled'] }, need('text')],
  // A pin on the map needs its place; the caption is optional.
  geolocation: [may('text'), need('address'), need('longitude', 'numeric'), need('latitude', 'numeric')],
  sms_in: SMS,
  sms_out: SMS,
  attachment: [need('file_uuid'), need('version_uuid'), need('file_name'), may('original_name'), may('is_drive_attachment', 'bool')],
};

export const WRITABLE_NOTE_TYPES = Object.keys(NOTE_PARAMS);

/** An own key only: `'constructor' in NOTE_PARAMS` is true too. */
export const isWritableNoteType = (type: string): boolean => Object.hasOwn(NOTE_PARAMS, type);

function readParam(read: FieldReader, rule: ParamRule): unknown {
  const options = { required: rule.required };
  switch (rule.kind) {
    case 'text':
      return read.text(rule.key, options);
    case 'int':
      return read.int(rule.key, { ...options, min: 0 });
    case 'bool':
      return read.bool(rule.key, options);
    case 'numeric':
      return read.numeric(rule.key, options);
    case 'scalar':
      return read.scalar(rule.key, options);
    case 'choice': {
      const value = read.text(rule.key, options);
      if (value !== undefined && !rule.choices!.includes(value)) {
        read.fail('NotSupportedChoice', rule.key, `The value you selected is not a valid choice (${rule.choices!.join(', ')}).`);
      }
      return value;
    }
  }
}

/** The params of a writable note type as stored, with errors at `params.<key>`. */
export function checkNoteParams(noteType: string, params: Record<string, unknown>, issues: Issues): Record<string, unknown> {
  const read = readFields(params, issues.under('params'));
  const out: Record<string, unknown> = {};
  for (const rule of isWritableNoteType(noteType) ? NOTE_PARAMS[noteType]! : []) {
    const value = readParam(read, rule);
    if (value !== undefined) out[rule.key] = value;
  }
  return out;
}
