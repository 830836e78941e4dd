// Field groups (the tabs of an entity card): every owner has its predefined main tab, and the demo
// account one tab of its own per owner holding a few seeded fields, so `group_id` is not always null.

import type { FieldGroupRecord, GroupOwner } from '../records.js';
import type { SandboxStore } from '../store.js';
import { FIELD_IDS } from './custom-fields.js';

/** The predefined group's id; a field with `group_id: null` is shown there. */
export const DEFAULT_GROUP_ID = 'default';

export const FIELD_GROUP_IDS = {
  leads: 'leads_1700000001',
  contacts: 'contacts_1700000002',
  companies: 'companies_1700000003',
  customers: 'customers_1700000004',
} as const satisfies Record<GroupOwner, string>;

const CUSTOM: Record<GroupOwner, { name: string; fields: number[] }> = {
  leads: { name: 'Договор', fields: [FIELD_IDS.leads.contractNumber, FIELD_IDS.leads.contractDate, FIELD_IDS.leads.paymentType] },
  contacts: { name: 'Профиль', fields: [FIELD_IDS.contacts.profileUrl] },
  companies: { name: 'Сегментация', fields: [FIELD_IDS.companies.employees, FIELD_IDS.companies.segment] },
  customers: { name: 'Лояльность', fields: [FIELD_IDS.customers.loyaltyLevel] },
};

export function seedFieldGroups(store: SandboxStore): void {
  for (const owner of ['leads', 'contacts', 'companies', 'customers'] as const) {
    const groups = store.fieldGroups[owner];
    const main: FieldGroupRecord = { id: DEFAULT_GROUP_ID, name: 'Основное', sort: 0, is_predefined: true, type: 'custom_field_group' };
    const own: FieldGroupRecord = { id: FIELD_GROUP_IDS[owner], name: CUSTOM[owner].name, sort: 1, is_predefined: false, type: 'custom_field_group' };
    groups.set(main.id, main);
    groups.set(own.id, own);
    for (const fieldId of CUSTOM[owner].fields) {
      const field = store.customFields[owner].get(fieldId);
      if (field) store.customFields[owner].put({ ...field, group_id: own.id });
    }
  }
}
