// Managing custom field definitions and groups end to end against the sandbox: definitions of every
// owner (customers, catalogs), groups, admin-only writes with per-item results, and a fresh read
// after every write, down to a lead's typed values seeing a field created a moment before.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CATALOG_FIELD_IDS } from '../../src/sandbox/catalogs/fields.js';
import { CATALOG_IDS } from '../../src/sandbox/catalogs/seed.js';
import { FIELD_IDS } from '../../src/sandbox/index.js';
import { DEFAULT_GROUP_ID, FIELD_GROUP_IDS } from '../../src/sandbox/seed/field-groups.js';
import { USER_IDS } from '../../src/sandbox/seed/ids.js';
import { dataOf, startStack, type Stack } from '../helpers/stack.js';

let stack: Stack;

beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack.close());

const store = () => stack.sandbox.store;
const calls = (method: string, fragment: string) => stack.upstreamCalls().filter((call) => call.method === method && call.path.includes(fragment));

describe('custom field definitions of every owner', () => {
  it('reads customers and catalog definitions with their owner, and keeps entity: working', async () => {
    const data = dataOf(
      await stack.gql(`{
        customers: customFieldDefinitions(owner: CUSTOMERS) { amoId owner entityType catalog { amoId } }
        catalog: customFieldDefinitions(owner: CATALOGS, catalogAmoId: ${CATALOG_IDS.products}, types: [PRICE]) { amoId owner catalog { amoId } }
        leads: customFieldDefinitions(entity: LEADS) { amoId owner entityType }
      }`),
    );
    expect(data.customers.map((f: any) => f.amoId).sort()).toEqual(Object.values(FIELD_IDS.customers).sort());
    expect(data.customers[0]).toMatchObject({ owner: 'CUSTOMERS', entityType: null, catalog: null });
    expect(data.catalog).toEqual([
      { amoId: CATALOG_FIELD_IDS.products.price, owner: 'CATALOGS', catalog: { amoId: CATALOG_IDS.products } },
      { amoId: CATALOG_FIELD_IDS.products.specialPrice, owner: 'CATALOGS', catalog: { amoId: CATALOG_IDS.products } },
    ]);
    expect(data.leads.every((f: any) => f.owner === 'LEADS' && f.entityType === 'LEADS')).toBe(true);
  });

  it('refuses an owner it cannot name', async () => {
    const response = await stack.gql(`{ a: customFieldDefinitions(owner: CATALOGS) { amoId } }`);
    expect(response.errors?.[0]?.message).toContain('catalogAmoId');
    const both = await stack.gql(`{ customFieldDefinitions(entity: LEADS, owner: CONTACTS) { amoId } }`);
    expect(both.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('field groups', () => {
  it('lists groups with their fields, and each definition its group, with one groups call', async () => {
    stack.resetLog();
    const data = dataOf(
      await stack.gql(`{
        customFieldGroups(owner: LEADS) { groupId name isPredefined owner fields { amoId } }
        customFieldDefinitions(entity: LEADS) { amoId group { groupId isPredefined } }
      }`),
    );
    expect(data.customFieldGroups.map((g: any) => [g.groupId, g.isPredefined, g.owner])).toEqual([
      [DEFAULT_GROUP_ID, true, 'LEADS'],
      [FIELD_GROUP_IDS.leads, false, 'LEADS'],
    ]);
    expect(data.customFieldGroups[1].fields.map((f: any) => f.amoId)).toEqual([FIELD_IDS.leads.contractNumber, FIELD_IDS.leads.contractDate, FIELD_IDS.leads.paymentType]);
    const byId = new Map(data.customFieldDefinitions.map((f: any) => [f.amoId, f.group]));
    expect(byId.get(FIELD_IDS.leads.contractNumber)).toEqual({ groupId: FIELD_GROUP_IDS.leads, isPredefined: false });
    expect(byId.get(FIELD_IDS.leads.comment)).toEqual({ groupId: DEFAULT_GROUP_ID, isPredefined: true });
    expect(calls('GET', '/custom_fields/groups')).toHaveLength(1);
    // Groups and definitions come from the account's metadata cache: at most one call each.
    expect(stack.upstreamCalls().length).toBeLessThanOrEqual(2);
    expect((await stack.gql(`{ customFieldGroups(owner: CATALOGS) { groupId } }`)).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('creates, edits and deletes a group; the next read is fresh', async () => {
    const created = dataOf(
      await stack.gql(`mutation { createCustomFieldGroups(owner: CONTACTS, input: [{ name: "Даты", fieldAmoIds: [${FIELD_IDS.contacts.birthday}] }]) { succeededCount results { group { groupId name fields { amoId } } } } }`),
    ).createCustomFieldGroups;
    expect(created.succeededCount).toBe(1);
    const groupId = created.results[0].group.groupId;
    expect(store().fieldGroups.contacts.get(groupId)?.name).toBe('Даты');
    expect(store().customFields.contacts.get(FIELD_IDS.contacts.birthday)?.group_id).toBe(groupId);
    const read = dataOf(await stack.gql(`{ customFieldDefinitions(entity: CONTACTS) { amoId group { groupId } } }`));
    expect(read.customFieldDefinitions.find((f: any) => f.amoId === FIELD_IDS.contacts.birthday).group.groupId).toBe(groupId);

    stack.resetLog();
    const updated = dataOf(
      await stack.gql(`mutation { updateCustomFieldGroups(owner: CONTACTS, input: [{ groupId: "${groupId}", name: "Даты и адрес", fieldAmoIds: [${FIELD_IDS.contacts.address}] }, { groupId: "nope", name: "x" }]) { results { status errors { code } group { name } } } }`),
    ).updateCustomFieldGroups;
    expect(updated.results.map((r: any) => r.status)).toEqual(['SUCCEEDED', 'FAILED']);
    expect(updated.results[0].group.name).toBe('Даты и адрес');
    expect(calls('PATCH', '/custom_fields/groups/')).toHaveLength(2);

    const deleted = dataOf(
      await stack.gql(`mutation { deleteCustomFieldGroups(owner: CONTACTS, groupIds: ["${groupId}", "${DEFAULT_GROUP_ID}"]) { results { status groupId errors { code } } } }`),
    ).deleteCustomFieldGroups;
    expect(deleted.results.map((r: any) => r.status)).toEqual(['SUCCEEDED', 'FAILED']);
    expect(store().fieldGroups.contacts.has(groupId)).toBe(false);
    expect(store().customFields.contacts.get(FIELD_IDS.contacts.address)?.group_id).toBeNull();
    const after = dataOf(await stack.gql(`{ customFieldGroups(owner: CONTACTS) { groupId } }`));
    expect(after.customFieldGroups.map((g: any) => g.groupId)).not.toContain(groupId);
  });
});

describe('field definition writes', () => {
  it("creates a field that the next read and a lead's typed values see at once", async () => {
    // Warm the cache: the write must drop it.
    dataOf(await stack.gql(`{ customFieldDefinitions(entity: LEADS) { amoId } }`));
    const created = dataOf(
      await stack.gql(
        `mutation ($input: [CreateCustomFieldInput!]!) { createCustomFields(owner: LEADS, input: $input) { succeededCount results { status errors { message } field { amoId owner type group { groupId } enums { amoId value } } } } }`,
        { input: [{ name: 'Тариф', type: 'SELECT', groupId: FIELD_GROUP_IDS.leads, enums: [{ value: 'Старт' }, { value: 'Про' }] }] },
      ),
    ).createCustomFields;
    expect(created.succeededCount).toBe(1);
    const field = created.results[0].field;
    expect(field).toMatchObject({ owner: 'LEADS', type: 'SELECT', group: { groupId: FIELD_GROUP_IDS.leads } });
    expect(store().customFields.leads.get(field.amoId)).toMatchObject({ name: 'Тариф', group_id: FIELD_GROUP_IDS.leads });

    stack.resetLog();
    const defs = dataOf(await stack.gql(`{ customFieldDefinitions(entity: LEADS) { amoId } }`));
    expect(defs.customFieldDefinitions.map((f: any) => f.amoId)).toContain(field.amoId);
    expect(calls('GET', '/leads/custom_fields')).toHaveLength(1);

    const leadId = store().leads.values()[0]!.id;
    const pro = field.enums[1];
    const written = dataOf(
      await stack.gql(`mutation { updateLeads(input: [{ amoId: ${leadId}, customFields: [{ fieldId: ${field.amoId}, option: { enumId: ${pro.amoId} } }] }]) { succeededCount results { errors { message } } } }`),
    ).updateLeads;
    expect(written.succeededCount).toBe(1);
    const lead = dataOf(
      await stack.gql(`{ lead(amoId: ${leadId}) { customFields(fieldIds: [${field.amoId}]) { fieldId fieldName field { amoId group { groupId } } ... on SelectCustomFieldValue { value { value enumId } } } } }`),
    ).lead;
    expect(lead.customFields).toEqual([{ fieldId: field.amoId, fieldName: 'Тариф', field: { amoId: field.amoId, group: { groupId: FIELD_GROUP_IDS.leads } }, value: { value: 'Про', enumId: pro.amoId } }]);
  });

  it('creates a field in a catalog and in customers', async () => {
    const data = dataOf(
      await stack.gql(`mutation {
        catalog: createCustomFields(owner: CATALOGS, catalogAmoId: ${CATALOG_IDS.regular}, input: [{ name: "Цена опта", type: PRICE }]) { results { status field { amoId owner catalog { amoId } } } }
        customers: createCustomFields(owner: CUSTOMERS, input: [{ name: "ИНН", type: TEXT, code: "inn" }]) { results { status field { amoId code } } }
      }`),
    );
    expect(data.catalog.results[0]).toMatchObject({ status: 'SUCCEEDED', field: { owner: 'CATALOGS', catalog: { amoId: CATALOG_IDS.regular } } });
    expect(store().catalogFields.get(CATALOG_IDS.regular)?.has(data.catalog.results[0].field.amoId)).toBe(true);
    expect(data.customers.results[0].field.code).toBe('INN');
    const read = dataOf(await stack.gql(`{ customFieldDefinitions(owner: CATALOGS, catalogAmoId: ${CATALOG_IDS.regular}) { amoId } }`));
    expect(read.customFieldDefinitions.map((f: any) => f.amoId)).toContain(data.catalog.results[0].field.amoId);
  });

  it('answers every item on its own: refused before sending, refused by amoCRM, written', async () => {
    const before = store().customFields.leads.size;
    stack.resetLog();
    const result = dataOf(
      await stack.gql(
        `mutation ($input: [CreateCustomFieldInput!]!) { createCustomFields(owner: LEADS, input: $input) { succeededCount failedCount results { status errors { code path } } } }`,
        { input: [{ name: 'Без вариантов', type: 'SELECT' }, { name: 'Чужая группа', type: 'TEXT', groupId: 'nope' }, { name: 'Телефон', type: 'MULTITEXT' }, { name: 'Заметка', type: 'TEXTAREA' }] },
      ),
    ).createCustomFields;
    expect(result.results.map((r: any) => [r.status, r.errors.map((e: any) => `${e.code}:${e.path.join('.')}`)])).toEqual([
      ['FAILED', ['BAD_USER_INPUT:enums']],
      ['FAILED', ['NotSupportedChoice:groupId']],
      ['FAILED', ['NotSupportedChoice:type']],
      ['SUCCEEDED', []],
    ]);
    expect(store().customFields.leads.size).toBe(before + 1);
    expect(calls('POST', '/leads/custom_fields')).toHaveLength(2);
  });

  it('updates fields by amoId (the input has no type to change) and deletes one with its values', async () => {
    const updated = dataOf(
      await stack.gql(`mutation { updateCustomFields(owner: LEADS, input: [{ amoId: ${FIELD_IDS.leads.comment}, name: "Заметка менеджера", sort: 5, isApiOnly: true }, { amoId: 42, name: "x" }]) { results { status field { name sort isApiOnly } errors { code path } } } }`),
    ).updateCustomFields;
    expect(updated.results[0]).toMatchObject({ status: 'SUCCEEDED', field: { name: 'Заметка менеджера', sort: 5, isApiOnly: true } });
    expect(updated.results[1]).toMatchObject({ status: 'FAILED', errors: [{ code: 'NotFound', path: ['amoId'] }] });
    expect(store().customFields.leads.get(FIELD_IDS.leads.comment)).toMatchObject({ name: 'Заметка менеджера', is_api_only: true });

    const id = FIELD_IDS.leads.licenses;
    expect(store().leads.values().some((lead) => lead.custom_fields_values.some((value) => value.field_id === id))).toBe(true);
    stack.resetLog();
    const deleted = dataOf(
      await stack.gql(`mutation { deleteCustomFields(owner: LEADS, amoIds: [${id}, ${FIELD_IDS.leads.utmSource}0]) { results { amoId status errors { code } } } }`),
    ).deleteCustomFields;
    expect(deleted.results.map((r: any) => r.status)).toEqual(['SUCCEEDED', 'FAILED']);
    expect(calls('DELETE', '/leads/custom_fields/')).toHaveLength(2);
    expect(store().customFields.leads.has(id)).toBe(false);
    expect(store().leads.values().some((lead) => lead.custom_fields_values.some((value) => value.field_id === id))).toBe(false);
    const defs = dataOf(await stack.gql(`{ customFieldDefinitions(entity: LEADS) { amoId } }`));
    expect(defs.customFieldDefinitions.map((f: any) => f.amoId)).not.toContain(id);
  });

  it('is for administrators only: a manager gets FAILED items and nothing changes', async () => {
    const before = JSON.stringify(store().customFields.leads.values());
    const admin = store().account.current_user_id;
    store().account.current_user_id = USER_IDS.manager1;
    try {
      const result = dataOf(
        await stack.gql(`mutation { createCustomFields(owner: LEADS, input: [{ name: "x", type: TEXT }]) { failedCount results { errors { code message } } } }`),
      ).createCustomFields;
      expect(result.failedCount).toBe(1);
      expect(result.results[0].errors[0].message).toContain('administrators');
      const deleted = dataOf(await stack.gql(`mutation { deleteCustomFields(owner: LEADS, amoIds: [${FIELD_IDS.leads.referrer}]) { failedCount } }`)).deleteCustomFields;
      expect(deleted.failedCount).toBe(1);
    } finally {
      store().account.current_user_id = admin;
    }
    expect(JSON.stringify(store().customFields.leads.values())).toBe(before);
  });
});
