// Writing custom fields: one input shape for every writable field type, checked against the
// account's (cached) field definitions before anything goes upstream, and turned into amoCRM's
// `custom_fields_values` once, here. Each value kind is named for what it holds, so the schema
// says which kind fits which field type.

import type { CustomFieldDefinition, CustomFieldValueItem, CustomFieldValuesWrite } from '../rest/types.js';
import type { InputPath, ItemError } from '../loaders/batch-write.js';
import { builder } from './builder.js';
import { toUnixSeconds } from './common.js';
import { LEGAL_ENTITY_KEYS, PAYER_KEYS, SMART_ADDRESS_PARTS } from './custom-field-value.js';
import { inputError } from './write-results.js';

const CustomFieldOptionInput = builder.inputType('CustomFieldOptionInput', {
  description: 'An option of a select-like field: by its enum id, or by its text.',
  fields: (t) => ({
    enumId: t.int(),
    value: t.string(),
  }),
});

const MultitextEntryInput = builder.inputType('MultitextEntryInput', {
  description: 'A phone, e-mail or messenger, with its kind (WORK, MOB, HOME, PRIV… ; WORK when omitted).',
  fields: (t) => ({
    value: t.string({ required: true }),
    enumCode: t.string(),
    enumId: t.int(),
  }),
});

const SmartAddressInput = builder.inputType('SmartAddressInput', {
  fields: (t) => ({
    addressLine1: t.string(),
    addressLine2: t.string(),
    city: t.string(),
    state: t.string(),
    zip: t.string(),
    country: t.string(),
  }),
});


const LegalEntityInput = builder.inputType('LegalEntityInput', {
  description: 'Company requisites; `entityType` 1 is a sole proprietor, 2 a legal person.',
  fields: (t) =>
    Object.fromEntries(
      Object.keys(LEGAL_ENTITY_KEYS).map((key) => [key, key === 'entityType' ? t.int() : t.string()]),
    ) as Record<keyof typeof LEGAL_ENTITY_KEYS, ReturnType<typeof t.string>>,
});

const CatalogItemDiscountInput = builder.inputType('CatalogItemDiscountInput', {
  fields: (t) => ({
    type: t.string({ required: true, description: '"amount" or "percentage".' }),
    value: t.float({ required: true }),
  }),
});

const CatalogItemInput = builder.inputType('CatalogItemInput', {
  description: 'A line of an invoice (items fields). amoCRM computes its total.',
  fields: (t) => ({
    sku: t.string(),
    description: t.string(),
    unitPrice: t.float({ required: true }),
    quantity: t.float({ required: true }),
    unitType: t.string(),
    discount: t.field({ type: CatalogItemDiscountInput }),
    vatRateId: t.int(),
    vatRateValue: t.float(),
    externalUid: t.string(),
    productId: t.int({ description: 'The products catalog element this line sells.' }),
    bonusPointsPerPurchase: t.float(),
  }),
});

/** items line keys: GraphQL field -> amoCRM key. */
const ITEM_KEYS = {
  sku: 'sku',
  description: 'description',
  unitPrice: 'unit_price',
  quantity: 'quantity',
  unitType: 'unit_type',
  vatRateId: 'vat_rate_id',
  vatRateValue: 'vat_rate_value',
  externalUid: 'external_uid',
  productId: 'product_id',
  bonusPointsPerPurchase: 'bonus_points_per_purchase',
} as const;


const PayerInput = builder.inputType('PayerInput', {
  description: 'The payer of an invoice: `type` is "legal" or "individual"; `entityType`/`entityId` may name a contact or company.',
  fields: (t) =>
    Object.fromEntries(Object.keys(PAYER_KEYS).map((key) => [key, key === 'entityId' ? t.int() : t.string()])) as Record<
      keyof typeof PAYER_KEYS,
      ReturnType<typeof t.string>
    >,
});

const SupplierInput = builder.inputType('SupplierInput', {
  description: 'The supplier of an invoice, by its amoCRM id (amoCRM fills in its requisites).',
  fields: (t) => ({ entityId: t.int({ required: true }) }),
});

const FileInput = builder.inputType('FileInput', {
  description: 'A file already uploaded to amoCRM Drive.',
  fields: (t) => ({
    fileUuid: t.string({ required: true }),
    versionUuid: t.string(),
    fileName: t.string(),
    fileSize: t.int(),
  }),
});

export const CustomFieldInput = builder.inputType('CustomFieldInput', {
  description:
    'One custom field to write: name it by `fieldId` or `fieldCode`, then give exactly one value kind that fits its type, or `clear: true`. ' +
    'text: text, textarea, url, streetaddress, tracking_data, org_legal_name. number: numeric, monetary, price. flag: checkbox. ' +
    'date: date, date_time, birthday. option: select, radiobutton, category. options: multiselect (replaces the selection). ' +
    'entries: multitext (PHONE, EMAIL…; replaces them). address: smart_address. legalEntity: legal_entity. ' +
    'Catalog fields: items (invoice lines; replaces them), payer, supplier, file.',
  fields: (t) => ({
    fieldId: t.int(),
    fieldCode: t.string(),
    text: t.string(),
    number: t.float(),
    flag: t.boolean(),
    date: t.field({ type: 'DateTime' }),
    option: t.field({ type: CustomFieldOptionInput }),
    options: t.field({ type: [CustomFieldOptionInput] }),
    entries: t.field({ type: [MultitextEntryInput] }),
    address: t.field({ type: SmartAddressInput }),
    legalEntity: t.field({ type: LegalEntityInput }),
    items: t.field({ type: [CatalogItemInput] }),
    payer: t.field({ type: PayerInput }),
    supplier: t.field({ type: SupplierInput }),
    file: t.field({ type: FileInput }),
    clear: t.boolean({ description: 'Empties the field.' }),
  }),
});

export interface CustomFieldInputValue {
  fieldId?: number | null;
  fieldCode?: string | null;
  text?: string | null;
  number?: number | null;
  flag?: boolean | null;
  date?: Date | null;
  option?: { enumId?: number | null; value?: string | null } | null;
  options?: readonly { enumId?: number | null; value?: string | null }[] | null;
  entries?: readonly { value: string; enumCode?: string | null; enumId?: number | null }[] | null;
  address?: Record<string, string | null | undefined> | null;
  legalEntity?: Record<string, string | number | null | undefined> | null;
  items?: readonly (Record<string, unknown> & { discount?: { type: string; value: number } | null })[] | null;
  payer?: Record<string, string | number | null | undefined> | null;
  supplier?: { entityId: number } | null;
  file?: { fileUuid: string; versionUuid?: string | null; fileName?: string | null; fileSize?: number | null } | null;
  clear?: boolean | null;
}

const KINDS = ['text', 'number', 'flag', 'date', 'option', 'options', 'entries', 'address', 'legalEntity', 'items', 'payer', 'supplier', 'file'] as const;
type Kind = (typeof KINDS)[number];

const KIND_OF_TYPE: Record<string, Kind> = {
  text: 'text',
  textarea: 'text',
  url: 'text',
  streetaddress: 'text',
  tracking_data: 'text',
  org_legal_name: 'text',
  numeric: 'number',
  monetary: 'number',
  price: 'number',
  checkbox: 'flag',
  date: 'date',
  date_time: 'date',
  birthday: 'date',
  select: 'option',
  radiobutton: 'option',
  category: 'option',
  multiselect: 'options',
  multitext: 'entries',
  smart_address: 'address',
  legal_entity: 'legalEntity',
  items: 'items',
  payer: 'payer',
  supplier: 'supplier',
  file: 'file',
};

/** Defined keys of `input` renamed by `keys` (GraphQL -> amoCRM). */
function renamed(input: Record<string, unknown>, keys: Record<string, string>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(keys).filter(([key]) => input[key] != null).map(([key, amo]) => [amo, input[key]]));
}

const ADDRESS_CODES = SMART_ADDRESS_PARTS;

export interface ConvertedCustomFields {
  values: CustomFieldValuesWrite[];
  errors: ItemError[];
  /** For each written field, the index of the input it came from. */
  sources: number[];
}

/** Turns the client's custom fields into amoCRM's, checking each against its definition. */
export function convertCustomFields(
  inputs: readonly CustomFieldInputValue[],
  definitions: readonly CustomFieldDefinition[],
  at: InputPath,
): ConvertedCustomFields {
  const byId = new Map(definitions.map((field) => [field.id, field]));
  const byCode = new Map(definitions.filter((field) => field.code).map((field) => [field.code!.toUpperCase(), field]));
  const out: ConvertedCustomFields = { values: [], errors: [], sources: [] };
  const seen = new Set<number>();

  inputs.forEach((input, index) => {
    const path = [...at, index];
    const fail = (message: string, where: InputPath = []) => out.errors.push(inputError([...path, ...where], message));
    if ((input.fieldId == null) === (input.fieldCode == null)) return fail('give exactly one of fieldId or fieldCode');
    const field = input.fieldId != null ? byId.get(input.fieldId) : byCode.get(input.fieldCode!.toUpperCase());
    if (!field) {
      return fail(
        input.fieldId != null ? `no custom field ${input.fieldId} on this entity type` : `no custom field with code ${input.fieldCode} on this entity type`,
        [input.fieldId != null ? 'fieldId' : 'fieldCode'],
      );
    }
    if (seen.has(field.id)) return fail(`field ${field.id} is given twice`);
    seen.add(field.id);
    const given = KINDS.filter((kind) => input[kind] != null);
    if (input.clear) {
      if (given.length > 0) return fail('give a value or clear: true, not both');
      out.values.push({ field_id: field.id, values: null });
      out.sources.push(index);
      return;
    }
    const kind = KIND_OF_TYPE[field.type];
    if (!kind) return fail(`fields of type ${field.type} are not writable through this gateway yet`);
    if (given.length !== 1) return fail(`give exactly one value for this ${field.type} field: ${kind}, or clear: true`);
    if (given[0] !== kind) return fail(`field ${field.id} is a ${field.type} field: give ${kind}, not ${given[0]}`, [given[0]!]);
    const values = valuesFor(field, kind, input, (message, where) => fail(message, [kind, ...where]));
    if (values) {
      out.values.push({ field_id: field.id, values });
      out.sources.push(index);
    }
  });
  return out;
}

function enumFor(field: CustomFieldDefinition, option: { enumId?: number | null; value?: string | null }): number | string {
  if ((option.enumId == null) === (option.value == null)) return 'give exactly one of enumId or value';
  const match =
    option.enumId != null
      ? field.enums?.find((item) => item.id === option.enumId)
      : field.enums?.find((item) => item.value.trim().toLowerCase() === option.value!.trim().toLowerCase());
  return match ? match.id : option.enumId != null ? `no option ${option.enumId} in field ${field.id}` : `no option "${option.value}" in field ${field.id}`;
}

function valuesFor(
  field: CustomFieldDefinition,
  kind: Kind,
  input: CustomFieldInputValue,
  fail: (message: string, where: InputPath) => void,
): CustomFieldValueItem[] | null {
  switch (kind) {
    case 'text':
      return [{ value: input.text! }];
    case 'number':
      if (!Number.isFinite(input.number!)) return fail('not a finite number', []), null;
      return [{ value: input.number! }];
    case 'flag':
      return [{ value: input.flag! }];
    case 'date':
      return [{ value: toUnixSeconds(input.date!) }];
    case 'option': {
      const id = enumFor(field, input.option!);
      return typeof id === 'number' ? [{ enum_id: id }] : (fail(id, []), null);
    }
    case 'options': {
      const ids: CustomFieldValueItem[] = [];
      let ok = true;
      input.options!.forEach((option, index) => {
        const id = enumFor(field, option);
        if (typeof id === 'number') ids.push({ enum_id: id });
        else {
          ok = false;
          fail(id, [index]);
        }
      });
      return ok ? ids : null;
    }
    case 'entries': {
      const items: CustomFieldValueItem[] = [];
      let ok = true;
      input.entries!.forEach((entry, index) => {
        if (entry.value.trim() === '') {
          ok = false;
          return fail('an empty value', [index, 'value']);
        }
        if (entry.enumId != null) {
          if (!field.enums?.some((item) => item.id === entry.enumId)) {
            ok = false;
            return fail(`no kind ${entry.enumId} in field ${field.id}`, [index, 'enumId']);
          }
          items.push({ value: entry.value, enum_id: entry.enumId });
          return;
        }
        const code = (entry.enumCode ?? 'WORK').toUpperCase();
        if (field.enums?.length && !field.enums.some((item) => (item.value ?? '').toUpperCase() === code || (item.code ?? '').toUpperCase() === code)) {
          ok = false;
          return fail(`no kind ${code} in field ${field.id}`, [index, 'enumCode']);
        }
        items.push({ value: entry.value, enum_code: code });
      });
      return ok ? items : null;
    }
    case 'address': {
      const parts = Object.entries(ADDRESS_CODES)
        .filter(([key]) => input.address![key] != null && input.address![key] !== '')
        .map(([key, code]) => ({ value: input.address![key]!, enum_code: code }));
      return parts.length > 0 ? parts : (fail('give at least one part of the address', []), null);
    }
    case 'legalEntity': {
      const value = Object.fromEntries(
        Object.entries(LEGAL_ENTITY_KEYS)
          .filter(([key]) => input.legalEntity![key] != null)
          .map(([key, amo]) => [amo, input.legalEntity![key]]),
      );
      return Object.keys(value).length > 0 ? [{ value }] : (fail('give at least one requisite', []), null);
    }
    case 'items': {
      let ok = true;
      const lines = input.items!.map((line, index) => {
        for (const key of ['unitPrice', 'quantity'] as const) {
          if (!Number.isFinite(line[key] as number) || (line[key] as number) < 0) {
            ok = false;
            fail(`${key} must be a finite number, not negative`, [index, key]);
          }
        }
        const value = renamed(line, ITEM_KEYS);
        if (line.discount) {
          if (line.discount.type !== 'amount' && line.discount.type !== 'percentage') {
            ok = false;
            fail('discount type is amount or percentage', [index, 'discount', 'type']);
          }
          value.discount = { type: line.discount.type, value: line.discount.value };
        }
        return { value };
      });
      return ok ? lines : null;
    }
    case 'payer': {
      const value = renamed(input.payer!, PAYER_KEYS);
      if (value.type != null && value.type !== 'legal' && value.type !== 'individual') return fail('type is legal or individual', ['type']), null;
      return value.name != null || value.entity_id != null ? [{ value }] : (fail('give a name or an entityId', []), null);
    }
    case 'supplier':
      return [{ value: { entity_id: input.supplier!.entityId } }];
    case 'file':
      return [{ value: renamed(input.file!, { fileUuid: 'file_uuid', versionUuid: 'version_uuid', fileName: 'file_name', fileSize: 'file_size' }) }];
  }
}

/** amoCRM's path `custom_fields_values.<j>...` in terms of the input, given which input each j came from. */
export function customFieldPath(sources: readonly number[], inputs: readonly CustomFieldInputValue[], at: InputPath, rest: string[]): InputPath {
  const [j, , k] = rest;
  const index = sources[Number(j)];
  if (index === undefined) return [...at];
  const kind = KINDS.find((name) => inputs[index]?.[name] != null);
  const listed = kind === 'options' || kind === 'entries' || kind === 'items';
  return [...at, index, ...(kind ? [kind] : []), ...(listed && k !== undefined ? [Number(k)] : [])];
}

/**
 * The custom fields of a customer or catalog element write: converted into `body`, errors added,
 * and a map from amoCRM's `custom_fields_values…` paths back to the input (undefined elsewhere).
 */
export function ownerCustomFields(
  inputs: readonly CustomFieldInputValue[] | null | undefined,
  definitions: readonly CustomFieldDefinition[],
  body: { custom_fields_values?: CustomFieldValuesWrite[] },
  errors: ItemError[],
): (amoPath: string) => InputPath | undefined {
  if (!inputs) return () => undefined;
  const converted = convertCustomFields(inputs, definitions, ['customFields']);
  errors.push(...converted.errors);
  if (converted.values.length > 0) body.custom_fields_values = converted.values;
  return (amoPath) => {
    const [head, ...rest] = amoPath.split('.').filter(Boolean);
    return head === 'custom_fields_values' ? customFieldPath(converted.sources, inputs, ['customFields'], rest) : undefined;
  };
}
