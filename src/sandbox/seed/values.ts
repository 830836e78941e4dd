// Builders for custom field values in exactly amoCRM's read shapes: dates as unix seconds at
// midnight in the account's timezone, multitext and smart_address with enum_id + enum_code, select
// with enum_id and a null enum_code, numeric as a string, legal_entity as one object.

import type { CustomFieldValueItem } from '../../rest/types.js';
import type { EntityType, StoredFieldValues } from '../records.js';
import type { SandboxStore } from '../store.js';
import { enumOf, SMART_ADDRESS_CODES } from './custom-fields.js';

/** Europe/Moscow has no DST: a fixed +03:00. */
const TZ_OFFSET = 3 * 3600;

/** The start of that day in the account's timezone, as amoCRM stores `date` and `birthday`. */
export function accountMidnight(unixSeconds: number): number {
  return Math.floor((unixSeconds + TZ_OFFSET) / 86_400) * 86_400 - TZ_OFFSET;
}

export type SmartAddress = Partial<Record<(typeof SMART_ADDRESS_CODES)[number], string>>;

export interface LegalEntity {
  name: string;
  entity_type: 1 | 2;
  vat_id: string | null;
  kpp: string | null;
  tax_registration_reason_code: string | null;
  address: string | null;
  real_address: string | null;
  bank_code: string | null;
  bank_account_number: string | null;
  director: string | null;
  external_uid: string | null;
}

export function createValueBuilder(store: SandboxStore, entity: EntityType) {
  const field = (id: number) => {
    const found = store.customFields[entity].get(id);
    if (!found) throw new RangeError(`no ${entity} custom field ${id}`);
    return found;
  };
  const one = (id: number, item: CustomFieldValueItem): StoredFieldValues => ({ field_id: id, values: [item] });
  const choice = (id: number, value: string): CustomFieldValueItem => {
    const option = enumOf(field(id), value);
    return { value: option.value, enum_id: option.id, enum_code: null };
  };

  return {
    /** text, textarea, url, streetaddress, tracking_data, org_legal_name. */
    text: (id: number, value: string) => one(id, { value }),
    numeric: (id: number, value: number) => one(id, { value: String(value) }),
    monetary: (id: number, value: number) => one(id, { value }),
    checkbox: (id: number, value: boolean) => one(id, { value }),
    /** select, radiobutton. */
    select: (id: number, value: string) => one(id, choice(id, value)),
    multiselect: (id: number, values: readonly string[]): StoredFieldValues => ({
      field_id: id,
      values: values.map((value) => choice(id, value)),
    }),
    multitext: (id: number, items: readonly (readonly [value: string, code: string])[]): StoredFieldValues => ({
      field_id: id,
      values: items.map(([value, code]) => ({ value, enum_id: enumOf(field(id), code).id, enum_code: code })),
    }),
    /** date, birthday: day precision. */
    date: (id: number, unixSeconds: number) => one(id, { value: accountMidnight(unixSeconds) }),
    dateTime: (id: number, unixSeconds: number) => one(id, { value: unixSeconds }),
    smartAddress: (id: number, parts: SmartAddress): StoredFieldValues => ({
      field_id: id,
      values: SMART_ADDRESS_CODES.filter((code) => parts[code]).map((code) => ({
        value: parts[code]!,
        enum_id: enumOf(field(id), code).id,
        enum_code: code,
      })),
    }),
    legalEntity: (id: number, value: LegalEntity) => one(id, { value: { ...value } }),
  };
}
