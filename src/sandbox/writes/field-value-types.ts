// One field's written `values`, checked against its type and turned into exactly what GET renders
// (the seed's shapes, seed/values.ts): numeric as a string, monetary as a number, select-likes with
// value + enum_id + enum_code, multitext and smart_address parts with their code, dates as ints.
//
// Choices where amoCRM is not documented:
// * Single-value types keep the first item; amoCRM's SDK never sends more.
// * An empty string in a text-like field writes nothing (the field ends up unfilled).
// * date and birthday are stored to the second as given, not cut to midnight: which day an instant
//   falls on depends on the timezone the client meant, and keeping it makes a round trip exact.
//   (Seeded dates are already account-timezone midnights.)
// * multitext without enum_id/enum_code gets WORK (amoCRM picks a default type; WORK is the one
//   every phone and e-mail field has).

import type { CustomFieldEnum, CustomFieldValueItem } from '../../rest/types.js';
import type { CustomFieldRecord } from '../records.js';
import { isRecord, type Issues } from './issues.js';
import { typeName } from './scalars.js';

const TEXT_TYPES = new Set(['text', 'textarea', 'url', 'streetaddress', 'tracking_data', 'org_legal_name']);
const CHOICE_TYPES = new Set(['select', 'radiobutton', 'category']);
const DATE_TYPES = new Set(['date', 'date_time', 'birthday']);
const NUMBER_TYPES = new Set(['monetary', 'price']);
const SINGLE_TYPES = new Set([...TEXT_TYPES, ...CHOICE_TYPES, ...DATE_TYPES, ...NUMBER_TYPES, 'numeric', 'checkbox', 'payer', 'supplier']);

/** legal_entity's documented keys (§3.6); others are dropped. */
const LEGAL_ENTITY_KEYS = [
  'name',
  'entity_type',
  'vat_id',
  'tax_registration_reason_code',
  'address',
  'kpp',
  'external_uid',
  'bank_code',
  'unp',
  'bin',
  'egrpou',
  'real_address',
  'mfo',
  'bank_account_number',
  'oked',
  'director',
];

const NUMERIC_TEXT = /^-?\d+(\.\d+)?$/;

function numberOf(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && NUMERIC_TEXT.test(value.trim())) return Number(value.trim());
  return undefined;
}

/** Unix seconds from an int, a digit string, or an RFC 3339 / ISO 8601 string (what the SDK sends). */
export function secondsOf(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isSafeInteger(value) ? value : undefined;
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  if (/^-?\d+$/.test(text)) return Number(text);
  // Date.parse is lenient about free text ("March 5"); amoCRM wants a date first.
  if (!/^\d{4}-\d{2}-\d{2}/.test(text)) return undefined;
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? undefined : Math.floor(ms / 1000);
}

const sameText = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/** The enum an item names by `enum_id`, else by `enum_code`/`enum` (code or text), else by `value` (its text). */
function findEnum(field: CustomFieldRecord, item: Record<string, unknown>, issues: Issues, byValue: boolean): CustomFieldEnum | null | undefined {
  const enums = field.enums ?? [];
  if (item.enum_id !== undefined && item.enum_id !== null) {
    const found = typeof item.enum_id === 'number' ? enums.find((option) => option.id === item.enum_id) : undefined;
    if (typeof item.enum_id !== 'number') issues.add('InvalidType', 'enum_id', `enum_id must be an integer, got ${typeName(item.enum_id)}`);
    else if (!found) issues.add('NotSupportedChoice', 'enum_id', `field ${field.id} has no enum ${item.enum_id}`);
    return found;
  }
  const codeKey = item.enum_code !== undefined && item.enum_code !== null ? 'enum_code' : item.enum !== undefined && item.enum !== null ? 'enum' : null;
  if (codeKey) {
    const code = item[codeKey];
    if (typeof code !== 'string') {
      issues.add('InvalidType', codeKey, `${codeKey} must be a string, got ${typeName(code)}`);
      return undefined;
    }
    const found = enums.find((option) => (option.code && sameText(option.code, code)) || sameText(option.value, code));
    if (!found) issues.add('NotSupportedChoice', codeKey, `field ${field.id} has no enum with code ${code}`);
    return found;
  }
  if (!byValue) return null;
  if (item.value === undefined || item.value === null || item.value === '') {
    issues.add('NotBlank', 'value', `give enum_id or value for field ${field.id}`);
    return undefined;
  }
  if (typeof item.value !== 'string') {
    issues.add('InvalidType', 'value', `value must be the enum text (a string), got ${typeName(item.value)}`);
    return undefined;
  }
  const text = item.value;
  const found = enums.find((option) => option.value === text) ?? enums.find((option) => sameText(option.value, text));
  if (!found) issues.add('NotSupportedChoice', 'value', `field ${field.id} has no enum "${text}"`);
  return found;
}

const choice = (option: CustomFieldEnum): CustomFieldValueItem => ({ value: option.value, enum_id: option.id, enum_code: option.code ?? null });

/** The code a multitext or smart_address part renders: the enum's code, or its text (WORK, city…). */
const partCode = (option: CustomFieldEnum) => option.code ?? option.value;

function text(field: CustomFieldRecord, item: Record<string, unknown>, issues: Issues): CustomFieldValueItem | null | undefined {
  const value = item.value;
  if (value === undefined || value === null) {
    issues.add('NotBlank', 'value', `field ${field.id} needs a value`);
    return undefined;
  }
  if (typeof value === 'number' && Number.isFinite(value)) return { value: String(value) };
  if (typeof value !== 'string') {
    issues.add('InvalidType', 'value', `field ${field.id} (${field.type}) takes a string, got ${typeName(value)}`);
    return undefined;
  }
  return value === '' ? null : { value };
}

function one(field: CustomFieldRecord, item: Record<string, unknown>, issues: Issues): CustomFieldValueItem | null | undefined {
  const value = item.value;
  if (TEXT_TYPES.has(field.type)) return text(field, item, issues);
  if (CHOICE_TYPES.has(field.type)) {
    const option = findEnum(field, item, issues, true);
    return option ? choice(option) : undefined;
  }
  if (field.type === 'numeric' || NUMBER_TYPES.has(field.type)) {
    const number = numberOf(value);
    if (number === undefined) {
      issues.add(value === undefined || value === null ? 'NotBlank' : 'InvalidType', 'value', `field ${field.id} (${field.type}) takes a number or a numeric string, got ${typeName(value)}`);
      return undefined;
    }
    // As amoCRM reads them back: numeric as a string, money as a number.
    return { value: field.type === 'numeric' ? String(number) : number };
  }
  if (field.type === 'checkbox') {
    if (typeof value !== 'boolean') {
      issues.add('InvalidType', 'value', `field ${field.id} (checkbox) takes true or false, got ${typeName(value)}`);
      return undefined;
    }
    return { value };
  }
  if (DATE_TYPES.has(field.type)) {
    const seconds = secondsOf(value);
    if (seconds === undefined) {
      issues.add(value === undefined || value === null ? 'NotBlank' : 'InvalidType', 'value', `field ${field.id} (${field.type}) takes unix seconds or an RFC 3339 date, got ${JSON.stringify(value) ?? 'nothing'}`);
      return undefined;
    }
    return { value: seconds };
  }
  const shaped = OBJECT_TYPES[field.type];
  if (shaped) return shaped(field, item, issues);
  // Types the demo account does not define (linked_entity, chained_list…): kept as sent.
  return { ...item };
}

// --- the catalog-only object types (items, payer, supplier, file; reference §3.6) ----------------

const PAYER_KEYS = ['name', 'type', 'vat_id', 'kpp', 'tax_registration_reason_code', 'address', 'entity_type', 'entity_id', 'bank_code', 'unp', 'bin', 'egrpou', 'real_address', 'mfo', 'bank_account_number', 'oked', 'phone', 'email', 'director'];
const SUPPLIER_KEYS = ['entity_id', 'name', 'vat_id', 'kpp', 'tax_registration_reason_code', 'bank_code', 'address', 'bank_account_number'];
const ITEM_TEXT_KEYS = ['sku', 'description', 'unit_type', 'external_uid'];
const ITEM_NUMBER_KEYS = ['unit_price', 'quantity', 'vat_rate_id', 'vat_rate_value', 'product_id', 'bonus_points_per_purchase'];

type Shaper = (field: CustomFieldRecord, item: Record<string, unknown>, issues: Issues) => CustomFieldValueItem | undefined;

function objectValue(field: CustomFieldRecord, item: Record<string, unknown>, issues: Issues): Record<string, unknown> | undefined {
  if (isRecord(item.value)) return item.value;
  issues.add(item.value === undefined || item.value === null ? 'NotBlank' : 'InvalidType', 'value', `field ${field.id} (${field.type}) takes an object value`);
  return undefined;
}

/** Keeps the documented keys that are strings or numbers; other keys are dropped, as for legal_entity. */
function pick(value: Record<string, unknown>, keys: readonly string[], issues: Issues): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of keys) {
    const part = value[key];
    if (part === undefined) continue;
    if (part !== null && typeof part !== 'string' && typeof part !== 'number') issues.add('InvalidType', `value.${key}`, `${key} must be a string or a number`);
    else out[key] = part;
  }
  return out;
}

const payer: Shaper = (field, item, issues) => {
  const value = objectValue(field, item, issues);
  if (!value) return undefined;
  const picked = pick(value, PAYER_KEYS, issues);
  if (picked.type !== undefined && picked.type !== 'legal' && picked.type !== 'individual') issues.add('NotSupportedChoice', 'value.type', 'type is legal or individual');
  if (picked.name === undefined && picked.entity_id === undefined) issues.add('NotBlank', 'value.name', `field ${field.id} (payer) needs a name or an entity_id`);
  return { value: picked };
};

const supplier: Shaper = (field, item, issues) => {
  const value = objectValue(field, item, issues);
  if (!value) return undefined;
  const picked = pick(value, SUPPLIER_KEYS, issues);
  if (typeof picked.entity_id !== 'number' || !Number.isSafeInteger(picked.entity_id)) issues.add('NotBlank', 'value.entity_id', `field ${field.id} (supplier) names its supplier by entity_id`);
  return { value: picked };
};

const file: Shaper = (field, item, issues) => {
  const value = objectValue(field, item, issues);
  if (!value) return undefined;
  const picked = pick(value, ['file_uuid', 'version_uuid', 'file_name', 'file_size'], issues);
  if (typeof picked.file_uuid !== 'string' || picked.file_uuid === '') issues.add('NotBlank', 'value.file_uuid', `field ${field.id} (file) needs the Drive file_uuid`);
  return { value: picked };
};

/** An invoice line; total_sum and the recalculation flags are amoCRM's to compute (read-only). */
const itemsLine: Shaper = (field, item, issues) => {
  const value = objectValue(field, item, issues);
  if (!value) return undefined;
  const line: Record<string, unknown> = pick(value, ITEM_TEXT_KEYS, issues);
  for (const key of ITEM_NUMBER_KEYS) {
    if (value[key] === undefined || value[key] === null) continue;
    const number = numberOf(value[key]);
    if (number === undefined) issues.add('InvalidType', `value.${key}`, `${key} must be a number`);
    else line[key] = number;
  }
  for (const key of ['unit_price', 'quantity']) if (value[key] === undefined || value[key] === null) issues.add('NotBlank', `value.${key}`, `an invoice line needs ${key}`);
  if (value.discount !== undefined && value.discount !== null) {
    const given = isRecord(value.discount) ? value.discount : undefined;
    const amount = numberOf(given?.value);
    if (!given || (given.type !== 'amount' && given.type !== 'percentage') || amount === undefined) {
      issues.add('InvalidType', 'value.discount', 'discount is { type: amount|percentage, value: number }');
    } else {
      line.discount = { type: given.type, value: amount };
    }
  }
  if (isRecord(value.metadata)) line.metadata = { ...value.metadata };
  const gross = Number(line.unit_price ?? 0) * Number(line.quantity ?? 0);
  const discount = line.discount as { type: string; value: number } | undefined;
  const off = !discount ? 0 : discount.type === 'percentage' ? (gross * discount.value) / 100 : discount.value;
  line.is_discount_recalculated = false;
  line.is_total_sum_recalculated = false;
  line.total_sum = Math.round((gross - off) * 100) / 100;
  return { value: line };
};

const OBJECT_TYPES: Record<string, Shaper> = { payer, supplier, file, items: itemsLine };

function legalEntity(field: CustomFieldRecord, item: Record<string, unknown>, issues: Issues): CustomFieldValueItem | undefined {
  if (!isRecord(item.value)) {
    issues.add(item.value === undefined ? 'NotBlank' : 'InvalidType', 'value', `field ${field.id} (legal_entity) takes an object of requisites`);
    return undefined;
  }
  const value: Record<string, unknown> = {};
  for (const key of LEGAL_ENTITY_KEYS) {
    const part = item.value[key];
    if (part === undefined) continue;
    if (part !== null && typeof part !== 'string' && typeof part !== 'number') {
      issues.add('InvalidType', `value.${key}`, `${key} must be a string or a number`);
      continue;
    }
    value[key] = part;
  }
  return { value };
}

function part(field: CustomFieldRecord, item: Record<string, unknown>, issues: Issues): CustomFieldValueItem | null | undefined {
  const value = item.value;
  if (typeof value !== 'string' || value.trim() === '') {
    issues.add(typeof value === 'string' || value === undefined || value === null ? 'NotBlank' : 'InvalidType', 'value', `field ${field.id} (${field.type}) needs a non-empty string value`);
    return undefined;
  }
  let option = findEnum(field, item, issues, false);
  if (option === null) {
    if (field.type === 'smart_address') {
      issues.add('NotBlank', 'enum_code', `say which address part this is: enum_code or enum_id`);
      return undefined;
    }
    option = field.enums?.find((candidate) => partCode(candidate) === 'WORK') ?? field.enums?.[0];
  }
  if (!option) return undefined;
  return { value, enum_id: option.id, enum_code: partCode(option) };
}

/** The stored items for one field, or undefined when an issue was recorded (under `values`). */
export function normaliseValues(field: CustomFieldRecord, values: readonly unknown[], issues: Issues): CustomFieldValueItem[] | undefined {
  const before = issues.count;
  const out: CustomFieldValueItem[] = [];
  const items = SINGLE_TYPES.has(field.type) ? values.slice(0, 1) : values;
  items.forEach((raw, index) => {
    const at = issues.under(index);
    if (!isRecord(raw)) {
      at.add('InvalidType', '', `each value must be an object, got ${typeName(raw)}`);
      return;
    }
    let item: CustomFieldValueItem | null | undefined;
    if (field.type === 'multiselect') {
      const option = findEnum(field, raw, at, true);
      item = option ? choice(option) : undefined;
    } else if (field.type === 'multitext' || field.type === 'smart_address') {
      item = part(field, raw, at);
    } else if (field.type === 'legal_entity') {
      item = legalEntity(field, raw, at);
    } else {
      item = one(field, raw, at);
    }
    if (item) out.push(item);
  });
  if (issues.count > before) return undefined;
  if (field.type === 'multiselect') {
    const seen = new Set<number>();
    return out.filter((item) => !seen.has(item.enum_id!) && seen.add(item.enum_id!));
  }
  if (field.type === 'smart_address') {
    // One value per part, in the field's part order, as amoCRM shows an address.
    const byEnum = new Map(out.map((item) => [item.enum_id!, item]));
    return (field.enums ?? []).flatMap((option) => byEnum.get(option.id) ?? []);
  }
  return out;
}
