// Custom field values, typed per amoCRM field type: `CustomFieldValue` is the interface and
// `<Type>CustomFieldValue` the implementation for each type (the type's amoCRM name in
// PascalCase, split at underscores: `smart_address` -> `SmartAddressCustomFieldValue`). amoCRM
// sends loosely typed values (numbers as strings, dates as seconds or strings); they are
// normalised here, once. A type amoCRM adds later arrives as `UnknownCustomFieldValue`.

import type { FieldMap } from '@pothos/core';
import { customFieldKey } from '../loaders/metadata.js';
import { CUSTOM_FIELD_TYPES, type CustomFieldOwner, type CustomFieldType, type CustomFieldValueItem, type CustomFieldValues } from '../rest/types.js';
import { builder, type SchemaTypes } from './builder.js';
import { CustomFieldDefinitionRef } from './refs.js';

/** A field's values together with the owner (entity type, customers, a catalog) its field id belongs to. */
export interface CustomFieldValueShape {
  entity: CustomFieldOwner;
  raw: CustomFieldValues;
}

type Item = CustomFieldValueItem;
type Json = Record<string, unknown>;

const KNOWN_TYPES = new Set<string>(CUSTOM_FIELD_TYPES);

export function pascalType(type: string): string {
  return type
    .split('_')
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join('');
}

export function typeNameFor(type: string): string {
  return `${KNOWN_TYPES.has(type) ? pascalType(type) : 'Unknown'}CustomFieldValue`;
}

// --- normalising amoCRM's loose values -------------------------------------------------------

function asString(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return null;
}

function asNumber(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string' && value.trim() !== '') {
    const parsed = Number(value.replace(',', '.'));
    return Number.isFinite(parsed) ? parsed : null;
  }
  return null;
}

function asBoolean(value: unknown): boolean | null {
  if (typeof value === 'boolean') return value;
  if (value === 1 || value === '1' || value === 'true') return true;
  if (value === 0 || value === '0' || value === 'false' || value === '') return false;
  return null;
}

/** Unix seconds (number or digit string) or an ISO date string (early v4 docs show "2020-05-08"). */
function asDate(value: unknown): Date | null {
  if (typeof value === 'number' && Number.isFinite(value)) return new Date(value * 1000);
  if (typeof value === 'string') {
    if (/^-?\d+$/.test(value)) return new Date(Number(value) * 1000);
    const parsed = Date.parse(value);
    if (!Number.isNaN(parsed)) return new Date(parsed);
  }
  return null;
}

function asObject(value: unknown): Json | null {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : null;
}

function present<T>(values: (T | null)[]): T[] {
  return values.filter((value): value is T => value !== null);
}

function items(shape: CustomFieldValueShape): Item[] {
  return Array.isArray(shape.raw.values) ? shape.raw.values : [];
}

/** One value as text: the typed fields below carry the structure, this is for display only. */
function displayValue(type: string, item: Item): string | null {
  if (type === 'chained_list') return item.catalog_element_id != null ? String(item.catalog_element_id) : null;
  if (type === 'date' || type === 'date_time' || type === 'birthday') return asDate(item.value)?.toISOString() ?? null;
  const object = asObject(item.value);
  if (!object) return asString(item.value);
  const named = asString(object.name) ?? asString(object.file_name) ?? asString(object.description) ?? asString(object.sku);
  return named ?? (Object.values(object).map(asString).filter((part): part is string => !!part).join(', ') || null);
}

function displayValues(shape: CustomFieldValueShape): string[] {
  return present(items(shape).map((item) => displayValue(shape.raw.field_type, item)));
}

// --- the interface ---------------------------------------------------------------------------

export const CustomFieldTypeEnum = builder.enumType('CustomFieldType', {
  description: "amoCRM's custom field types. UNKNOWN stands for a type this gateway does not know yet.",
  values: Object.fromEntries(
    [...CUSTOM_FIELD_TYPES, 'unknown'].map((type) => [type.toUpperCase(), { value: type }]),
  ) as Record<string, { value: CustomFieldType | 'unknown' }>,
});

export const CustomFieldValueRef = builder.interfaceRef<CustomFieldValueShape>('CustomFieldValue').implement({
  description: 'The values of one custom field on one entity. Each field type has its own implementation with typed `values`.',
  resolveType: (shape) => typeNameFor(shape.raw.field_type),
  fields: (t) => ({
    fieldId: t.int({ description: 'The field definition id (per entity type, customers, or catalog).', resolve: (shape) => shape.raw.field_id }),
    fieldCode: t.string({
      nullable: true,
      description: 'The field code for predefined fields, e.g. PHONE or EMAIL.',
      resolve: (shape) => shape.raw.field_code ?? null,
    }),
    fieldName: t.string({ resolve: (shape) => shape.raw.field_name ?? '' }),
    fieldType: t.field({
      type: CustomFieldTypeEnum,
      resolve: (shape) => (KNOWN_TYPES.has(shape.raw.field_type) ? shape.raw.field_type : 'unknown'),
    }),
    displayValues: t.stringList({
      description:
        'Every value as display text, whatever the field type: numbers and dates as their JSON forms, options by their text, addresses and requisites by their parts. For generic UIs that do not want one fragment per type.',
      resolve: displayValues,
    }),
    field: t.field({
      type: CustomFieldDefinitionRef,
      nullable: true,
      description: 'The field definition (cached per account; null if the field was deleted).',
      resolve: (shape) => customFieldKey(shape.entity, shape.raw.field_id),
    }),
  }),
});

function valueType(
  name: string,
  description: string,
  fields: (t: PothosSchemaTypes.ObjectFieldBuilder<SchemaTypes, CustomFieldValueShape>) => FieldMap,
) {
  const ref = builder.objectRef<CustomFieldValueShape>(name);
  builder.objectType(ref, { description, interfaces: [CustomFieldValueRef], fields });
  return ref;
}

// --- shared value objects --------------------------------------------------------------------

export const CustomFieldEnumValueRef = builder.objectRef<Item>('CustomFieldEnumValue').implement({
  description: 'A value chosen from (or typed against) a list: select options, phone and e-mail kinds, address parts.',
  fields: (t) => ({
    value: t.string({ resolve: (item) => asString(item.value) ?? '' }),
    enumId: t.int({ nullable: true, resolve: (item) => item.enum_id ?? null }),
    enumCode: t.string({
      nullable: true,
      description: 'WORK, MOB… for phones and e-mails; address_line_1, city… for smart addresses.',
      resolve: (item) => item.enum_code ?? null,
    }),
  }),
});

/** An object whose fields are all optional strings in amoCRM's snake_case. */
function recordType(name: string, description: string, keys: Record<string, string>) {
  return builder.objectRef<Json>(name).implement({
    description,
    fields: (t) =>
      Object.fromEntries(
        Object.entries(keys).map(([field, key]) => [field, t.string({ nullable: true, resolve: (value) => asString(value[key]) })]),
      ),
  });
}

/** legal_entity value keys: GraphQL field -> amoCRM key. Writes use the same map. */
export const LEGAL_ENTITY_KEYS = {
  name: 'name',
  entityType: 'entity_type',
  vatId: 'vat_id',
  taxRegistrationReasonCode: 'tax_registration_reason_code',
  address: 'address',
  kpp: 'kpp',
  externalUid: 'external_uid',
  bankCode: 'bank_code',
  unp: 'unp',
  bin: 'bin',
  egrpou: 'egrpou',
  realAddress: 'real_address',
  mfo: 'mfo',
  bankAccountNumber: 'bank_account_number',
  oked: 'oked',
  director: 'director',
} as const;

const LegalEntityValueRef = recordType('LegalEntityValue', 'Company requisites (legal_entity fields).', LEGAL_ENTITY_KEYS);

/** payer value keys, read and written: GraphQL field -> amoCRM key. */
export const PAYER_KEYS = {
  name: 'name',
  type: 'type',
  vatId: 'vat_id',
  kpp: 'kpp',
  taxRegistrationReasonCode: 'tax_registration_reason_code',
  address: 'address',
  entityType: 'entity_type',
  entityId: 'entity_id',
  bankCode: 'bank_code',
  unp: 'unp',
  bin: 'bin',
  egrpou: 'egrpou',
  realAddress: 'real_address',
  mfo: 'mfo',
  bankAccountNumber: 'bank_account_number',
  oked: 'oked',
  phone: 'phone',
  email: 'email',
  director: 'director',
} as const;

const PayerValueRef = recordType('PayerValue', 'The payer of an invoice (payer fields).', PAYER_KEYS);

const SupplierValueRef = recordType('SupplierValue', 'The supplier of an invoice (supplier fields).', {
  entityId: 'entity_id',
  name: 'name',
  vatId: 'vat_id',
  kpp: 'kpp',
  taxRegistrationReasonCode: 'tax_registration_reason_code',
  bankCode: 'bank_code',
  address: 'address',
  bankAccountNumber: 'bank_account_number',
});

const LinkedEntityValueRef = builder.objectRef<Json>('LinkedEntityValue').implement({
  description: 'A link to another entity or catalog element (linked_entity fields).',
  fields: (t) => ({
    name: t.string({ nullable: true, resolve: (v) => asString(v.name) }),
    entityId: t.int({ nullable: true, resolve: (v) => asNumber(v.entity_id) }),
    entityType: t.string({ nullable: true, resolve: (v) => asString(v.entity_type) }),
    catalogId: t.int({ nullable: true, resolve: (v) => asNumber(v.catalog_id) }),
  }),
});

const ChainedListValueRef = builder.objectRef<Item>('ChainedListValue').implement({
  description: 'A catalog element picked in a chained list.',
  fields: (t) => ({
    catalogId: t.int({ nullable: true, resolve: (item) => asNumber(item.catalog_id) }),
    catalogElementId: t.int({ nullable: true, resolve: (item) => asNumber(item.catalog_element_id) }),
  }),
});

const FileValueRef = builder.objectRef<Json>('FileValue').implement({
  description: 'A file stored in amoCRM Drive.',
  fields: (t) => ({
    fileUuid: t.string({ nullable: true, resolve: (v) => asString(v.file_uuid) }),
    versionUuid: t.string({ nullable: true, resolve: (v) => asString(v.version_uuid) }),
    fileName: t.string({ nullable: true, resolve: (v) => asString(v.file_name) }),
    fileSize: t.float({ nullable: true, resolve: (v) => asNumber(v.file_size) }),
  }),
});

const CatalogItemDiscountRef = builder.objectRef<Json>('CatalogItemDiscount').implement({
  fields: (t) => ({
    type: t.string({ nullable: true, description: '"amount" or "percentage".', resolve: (v) => asString(v.type) }),
    value: t.float({ nullable: true, resolve: (v) => asNumber(v.value) }),
  }),
});

const CatalogItemValueRef = builder.objectRef<Json>('CatalogItemValue').implement({
  description: 'A line of an invoice (items fields).',
  fields: (t) => ({
    sku: t.string({ nullable: true, resolve: (v) => asString(v.sku) }),
    description: t.string({ nullable: true, resolve: (v) => asString(v.description) }),
    unitPrice: t.float({ nullable: true, resolve: (v) => asNumber(v.unit_price) }),
    quantity: t.float({ nullable: true, resolve: (v) => asNumber(v.quantity) }),
    unitType: t.string({ nullable: true, resolve: (v) => asString(v.unit_type) }),
    discount: t.field({ type: CatalogItemDiscountRef, nullable: true, resolve: (v) => asObject(v.discount) }),
    vatRateId: t.int({ nullable: true, resolve: (v) => asNumber(v.vat_rate_id) }),
    vatRateValue: t.float({ nullable: true, resolve: (v) => asNumber(v.vat_rate_value) }),
    externalUid: t.string({ nullable: true, resolve: (v) => asString(v.external_uid) }),
    productId: t.int({ nullable: true, resolve: (v) => asNumber(v.product_id) }),
    bonusPointsPerPurchase: t.float({ nullable: true, resolve: (v) => asNumber(v.bonus_points_per_purchase) }),
    totalSum: t.float({ nullable: true, resolve: (v) => asNumber(v.total_sum) }),
  }),
});

/** smart_address parts: GraphQL field -> amoCRM enum code. Writes use the same map. */
export const SMART_ADDRESS_PARTS = {
  addressLine1: 'address_line_1',
  addressLine2: 'address_line_2',
  city: 'city',
  state: 'state',
  zip: 'zip',
  country: 'country',
} as const;

const SmartAddressRef = builder.objectRef<Item[]>('SmartAddress').implement({
  description: 'A smart address assembled from its parts.',
  fields: (t) =>
    Object.fromEntries(
      Object.entries(SMART_ADDRESS_PARTS).map(([field, code]) => [
        field,
        t.string({ nullable: true, resolve: (parts: Item[]) => asString(parts.find((p) => p.enum_code === code)?.value) }),
      ]),
    ),
});

// --- one implementation per field type -------------------------------------------------------

const stringTypes = ['text', 'textarea', 'url', 'streetaddress', 'tracking_data', 'org_legal_name'] as const;
for (const type of stringTypes) {
  valueType(typeNameFor(type), `Values of a ${type} field.`, (t) => ({
    values: t.stringList({ resolve: (shape) => present(items(shape).map((item) => asString(item.value))) }),
    value: t.string({ nullable: true, description: 'The first value.', resolve: (shape) => asString(items(shape)[0]?.value) }),
  }));
}

const numberTypes = ['numeric', 'price', 'monetary'] as const;
for (const type of numberTypes) {
  valueType(typeNameFor(type), `Values of a ${type} field (amoCRM may send them as strings; these are numbers).`, (t) => ({
    values: t.floatList({ resolve: (shape) => present(items(shape).map((item) => asNumber(item.value))) }),
    value: t.float({ nullable: true, description: 'The first value.', resolve: (shape) => asNumber(items(shape)[0]?.value) }),
  }));
}

valueType(typeNameFor('checkbox'), 'Values of a checkbox field.', (t) => ({
  values: t.booleanList({ resolve: (shape) => present(items(shape).map((item) => asBoolean(item.value))) }),
  value: t.boolean({ nullable: true, resolve: (shape) => asBoolean(items(shape)[0]?.value) }),
}));

const dateTypes = ['date', 'date_time', 'birthday'] as const;
for (const type of dateTypes) {
  const precision =
    type === 'date_time' ? '' : " Day precision: amoCRM stores midnight in the account's timezone, so read the date in that timezone (`account { timezone }`), not in UTC.";
  valueType(typeNameFor(type), `Values of a ${type} field.${precision}`, (t) => ({
    values: t.field({ type: ['DateTime'], resolve: (shape) => present(items(shape).map((item) => asDate(item.value))) }),
    value: t.field({ type: 'DateTime', nullable: true, resolve: (shape) => asDate(items(shape)[0]?.value) }),
  }));
}

const singleEnumTypes = ['select', 'radiobutton', 'category'] as const;
for (const type of singleEnumTypes) {
  valueType(typeNameFor(type), `The option chosen in a ${type} field.`, (t) => ({
    values: t.field({ type: [CustomFieldEnumValueRef], resolve: (shape) => items(shape) }),
    value: t.field({ type: CustomFieldEnumValueRef, nullable: true, resolve: (shape) => items(shape)[0] ?? null }),
  }));
}

valueType(typeNameFor('multiselect'), 'The options chosen in a multiselect field.', (t) => ({
  values: t.field({ type: [CustomFieldEnumValueRef], resolve: (shape) => items(shape) }),
}));

valueType(typeNameFor('multitext'), 'Phones, e-mails or messengers, each with its kind in `enumCode` (WORK, MOB, PRIV…).', (t) => ({
  values: t.field({ type: [CustomFieldEnumValueRef], resolve: (shape) => items(shape) }),
}));

valueType(typeNameFor('smart_address'), 'An address, one value per part (`enumCode` names the part).', (t) => ({
  values: t.field({ type: [CustomFieldEnumValueRef], resolve: (shape) => items(shape) }),
  address: t.field({ type: SmartAddressRef, resolve: (shape) => items(shape) }),
}));

function objectValues(shape: CustomFieldValueShape): Json[] {
  return present(items(shape).map((item) => asObject(item.value)));
}

const objectTypes = [
  ['legal_entity', LegalEntityValueRef, 'Company requisites.'],
  ['payer', PayerValueRef, 'Invoice payers.'],
  ['supplier', SupplierValueRef, 'Invoice suppliers.'],
  ['items', CatalogItemValueRef, 'Invoice lines.'],
  ['linked_entity', LinkedEntityValueRef, 'Links to other entities or catalog elements.'],
  ['file', FileValueRef, 'Files in amoCRM Drive.'],
] as const;
for (const [type, ref, description] of objectTypes) {
  valueType(typeNameFor(type), description, (t) => ({
    values: t.field({ type: [ref], resolve: objectValues }),
  }));
}

valueType(typeNameFor('chained_list'), 'Catalog elements picked in a chained list.', (t) => ({
  values: t.field({ type: [ChainedListValueRef], resolve: (shape) => items(shape) }),
}));

valueType('UnknownCustomFieldValue', 'Values of a field type this gateway does not know yet, as amoCRM sent them.', (t) => ({
  rawFieldType: t.string({ resolve: (shape) => String(shape.raw.field_type) }),
  values: t.field({ type: ['JSON'], resolve: (shape) => items(shape) }),
}));

// --- resolving an entity's custom fields -----------------------------------------------------

export const customFieldsArgs = {
  fieldIds: 'Only these field ids.',
  fieldCodes: 'Only fields with these codes (PHONE, EMAIL…).',
} as const;

export function selectCustomFields(
  entity: CustomFieldOwner,
  values: CustomFieldValues[] | null | undefined,
  filter: { fieldIds?: readonly number[] | null; fieldCodes?: readonly string[] | null },
): CustomFieldValueShape[] {
  const ids = filter.fieldIds ? new Set(filter.fieldIds) : null;
  const codes = filter.fieldCodes ? new Set(filter.fieldCodes.map((code) => code.toUpperCase())) : null;
  return (values ?? [])
    .filter((raw) => (!ids || ids.has(raw.field_id)) && (!codes || (raw.field_code !== null && codes.has(raw.field_code.toUpperCase()))))
    .map((raw) => ({ entity, raw }));
}

/** The `customFields` field of any type whose rows carry values, with its owner per row. */
export function customFieldsField<T extends { custom_fields_values?: CustomFieldValues[] | null }>(
  t: PothosSchemaTypes.ObjectFieldBuilder<SchemaTypes, T>,
  ownerOf: (row: T) => CustomFieldOwner,
): FieldMap {
  return {
    customFields: t.field({
      type: [CustomFieldValueRef],
      description: 'Filled custom fields only; an unfilled field is absent.',
      args: {
        fieldIds: t.arg.intList({ description: customFieldsArgs.fieldIds }),
        fieldCodes: t.arg.stringList({ description: customFieldsArgs.fieldCodes }),
      },
      resolve: (row, args) => selectCustomFields(ownerOf(row), row.custom_fields_values, args),
    }),
  };
}
