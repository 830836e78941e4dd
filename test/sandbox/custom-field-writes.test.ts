// Writing field definitions and field groups: admin only, batch validation per item with nothing
// written on a refusal, account-wide ids, no type changes, deletes that take values with them.

import { describe, expect, it } from 'vitest';
import { CATALOG_FIELD_IDS } from '../../src/sandbox/catalogs/fields.js';
import { CATALOG_IDS } from '../../src/sandbox/catalogs/seed.js';
import { FIELD_IDS } from '../../src/sandbox/index.js';
import { DEFAULT_GROUP_ID, FIELD_GROUP_IDS } from '../../src/sandbox/seed/field-groups.js';
import { PIPELINE_IDS } from '../../src/sandbox/seed/ids.js';
import { allFields } from '../../src/sandbox/field-owners.js';
import { useFreshSandbox } from './helpers.js';
import { asManager as actAsManager } from '../helpers/sandbox-state.js';

const running = useFreshSandbox();

const store = () => running().sandbox.store;
const snapshot = () => JSON.stringify([allFields(store()), [...store().fieldGroups.leads.values()]]);
const send = (method: string, path: string, body?: unknown) => running().api(path, { method, body });
const salesStatus = () => store().pipelines.get(PIPELINE_IDS.sales)!.statuses[1]!;

const asManager = <T>(work: () => Promise<T>) => actAsManager(store(), work);

describe('POST /api/v4/{owner}/custom_fields', () => {
  it('adds fields with enums, group, required statuses and request_id, ids unique across the account', async () => {
    const status = salesStatus();
    const response = await send('POST', '/api/v4/leads/custom_fields', [
      { name: 'Тариф', type: 'select', sort: 600, request_id: 'a', enums: [{ value: 'Старт', sort: 1 }, { value: 'Про', sort: 2 }], group_id: FIELD_GROUP_IDS.leads },
      { name: 'Сумма', type: 'monetary', currency: 'USD', is_api_only: true, required_statuses: [{ pipeline_id: PIPELINE_IDS.sales, status_id: status.id }], code: 'deal_sum' },
    ]);
    expect(response.status).toBe(200);
    const [tariff, sum] = response.body._embedded.custom_fields;
    expect(tariff).toMatchObject({ name: 'Тариф', type: 'select', entity_type: 'leads', request_id: 'a', group_id: FIELD_GROUP_IDS.leads, enums: [{ value: 'Старт' }, { value: 'Про' }] });
    expect(sum).toMatchObject({ type: 'monetary', currency: 'USD', is_api_only: true, code: 'DEAL_SUM', request_id: '1', required_statuses: [{ pipeline_id: PIPELINE_IDS.sales, status_id: status.id }] });
    const everyId = allFields(store()).map(({ field }) => field.id);
    expect(new Set(everyId).size).toBe(everyId.length);
    const enumIds = allFields(store()).flatMap(({ field }) => (field.enums ?? []).map((item) => item.id));
    expect(new Set(enumIds).size).toBe(enumIds.length);
    expect(store().customFields.leads.get(tariff.id)).toMatchObject({ sort: 600, group_id: FIELD_GROUP_IDS.leads });
    expect((await running().api(`/api/v4/leads/custom_fields/${sum.id}`)).body.currency).toBe('USD');
  });

  it('adds a field to a catalog and to customers', async () => {
    const catalog = await send('POST', `/api/v4/catalogs/${CATALOG_IDS.regular}/custom_fields`, [{ name: 'Цена опта', type: 'price' }]);
    expect(catalog.body._embedded.custom_fields[0]).toMatchObject({ entity_type: 'catalogs', catalog_id: CATALOG_IDS.regular, type: 'price' });
    const customers = await send('POST', '/api/v4/customers/custom_fields', [{ name: 'ИНН', type: 'text' }]);
    expect(store().customFields.customers.get(customers.body._embedded.custom_fields[0].id)?.name).toBe('ИНН');
    expect((await send('POST', '/api/v4/catalogs/999999/custom_fields', [{ name: 'x', type: 'text' }])).status).toBe(404);
    const wrong = await send('POST', `/api/v4/catalogs/${CATALOG_IDS.regular}/custom_fields`, [{ name: 'ДР', type: 'birthday' }, { name: 'Файл', type: 'file' }]);
    expect(wrong.body['validation-errors'].map((item: any) => [item.request_id, item.errors[0].path])).toEqual([['0', 'type']]);
    const chained = await send('POST', '/api/v4/contacts/custom_fields', [{ name: 'Каталог', type: 'chained_list' }]);
    expect(chained.status).toBe(400);
  });

  it('refuses a batch with bad items, naming each by request_id, and writes nothing', async () => {
    const before = snapshot();
    const response = await send('POST', '/api/v4/leads/custom_fields', [
      { name: 'ok', type: 'text' },
      { name: 'no enums', type: 'select', request_id: 'x' },
      { name: '', type: 'text' },
      { name: 'bad type', type: 'nope' },
      { name: 'phone', type: 'multitext' },
      { name: 'price', type: 'price' },
      { name: 'status', type: 'text', required_statuses: [{ pipeline_id: PIPELINE_IDS.sales, status_id: 1 }] },
      { name: 'group', type: 'text', group_id: 'nope' },
      { name: 'code', type: 'text', code: 'UTM_SOURCE' },
      { name: 'remind', type: 'text', remind: 'day' },
    ]);
    expect(response.status).toBe(400);
    const errors = response.body['validation-errors'];
    expect(errors.map((item: any) => [item.request_id, item.errors[0].path])).toEqual([
      ['x', 'enums'],
      ['2', 'name'],
      ['3', 'type'],
      ['4', 'type'],
      ['5', 'type'],
      ['6', 'required_statuses.0.status_id'],
      ['7', 'group_id'],
      ['8', 'code'],
      ['9', 'remind'],
    ]);
    expect(snapshot()).toBe(before);
  });

  it('is for administrators only, and caps a batch', async () => {
    const before = snapshot();
    const denied = await asManager(() => send('POST', '/api/v4/leads/custom_fields', [{ name: 'x', type: 'text' }]));
    expect(denied.status).toBe(403);
    const many = Array.from({ length: 251 }, (_, i) => ({ name: `f${i}`, type: 'text' }));
    expect((await send('POST', '/api/v4/leads/custom_fields', many)).status).toBe(400);
    expect(snapshot()).toBe(before);
  });
});

describe('PATCH /api/v4/{owner}/custom_fields', () => {
  it('renames, resorts and regroups, keeps enum ids it is given, and refuses a type change', async () => {
    const id = FIELD_IDS.leads.paymentType;
    const old = store().customFields.leads.get(id)!;
    const one = await send('PATCH', `/api/v4/leads/custom_fields/${id}`, { name: 'Оплата', sort: 10, group_id: null, enums: [{ id: old.enums![0]!.id, value: 'Нал', sort: 1 }, { value: 'Крипта', sort: 2 }] });
    expect(one.status).toBe(200);
    const now = store().customFields.leads.get(id)!;
    expect(now).toMatchObject({ name: 'Оплата', sort: 10, group_id: null, type: old.type });
    expect(now.enums!.map((item) => item.value)).toEqual(['Нал', 'Крипта']);
    expect(now.enums![0]!.id).toBe(old.enums![0]!.id);
    expect(now.enums![1]!.id).toBeGreaterThan(Math.max(...old.enums!.map((item) => item.id)));

    const before = snapshot();
    const batch = await send('PATCH', '/api/v4/leads/custom_fields', [
      { id: FIELD_IDS.leads.comment, name: 'Заметка' },
      { id: FIELD_IDS.leads.licenses, type: 'text' },
      { id: 42, name: 'x' },
    ]);
    expect(batch.status).toBe(400);
    expect(batch.body['validation-errors'].map((item: any) => [item.request_id, item.errors[0].code, item.errors[0].path])).toEqual([
      ['1', 'NotSupportedChoice', 'type'],
      ['2', 'NotFound', 'id'],
    ]);
    expect(snapshot()).toBe(before);
    const ok = await send('PATCH', '/api/v4/leads/custom_fields', [{ id: FIELD_IDS.leads.comment, name: 'Заметка', request_id: 'r' }]);
    expect(ok.body._embedded.custom_fields[0]).toMatchObject({ name: 'Заметка', request_id: 'r' });
  });
});

describe('DELETE /api/v4/{owner}/custom_fields/{id}', () => {
  it("deletes a field and drops its values from the owner's entities", async () => {
    const id = FIELD_IDS.leads.contractNumber;
    const holders = () => store().leads.values().filter((lead) => lead.custom_fields_values.some((value) => value.field_id === id));
    expect(holders().length).toBeGreaterThan(0);
    const response = await send('DELETE', `/api/v4/leads/custom_fields/${id}`);
    expect(response.status).toBe(204);
    expect(store().customFields.leads.has(id)).toBe(false);
    expect(holders()).toHaveLength(0);
    expect((await running().api(`/api/v4/leads/custom_fields/${id}`)).status).toBe(204);
  });

  it("drops a deleted field's values from customers and from its catalog's elements only", async () => {
    const loyalty = FIELD_IDS.customers.loyaltyLevel;
    const special = CATALOG_FIELD_IDS.products.specialPrice;
    const customersWith = () => store().customers.rows.values().filter((row) => row.custom_fields_values.some((value) => value.field_id === loyalty));
    const elementsWith = (fieldId: number) => store().catalogs.elements.values().filter((row) => (row.custom_fields_values ?? []).some((value) => value.field_id === fieldId));
    const priced = elementsWith(CATALOG_FIELD_IDS.products.price).length;
    expect(customersWith().length).toBeGreaterThan(0);
    expect(elementsWith(special).length).toBeGreaterThan(0);
    expect((await send('DELETE', `/api/v4/customers/custom_fields/${loyalty}`)).status).toBe(204);
    expect((await send('DELETE', `/api/v4/catalogs/${CATALOG_IDS.products}/custom_fields/${special}`)).status).toBe(204);
    expect(customersWith()).toHaveLength(0);
    expect(elementsWith(special)).toHaveLength(0);
    // The other fields' values stay where they were.
    expect(elementsWith(CATALOG_FIELD_IDS.products.price)).toHaveLength(priced);
  });

  it('refuses predefined fields, unknown ids and managers', async () => {
    const before = snapshot();
    expect((await send('DELETE', `/api/v4/contacts/custom_fields/${FIELD_IDS.contacts.phone}`)).status).toBe(400);
    expect((await send('DELETE', '/api/v4/contacts/custom_fields/42')).status).toBe(404);
    expect((await asManager(() => send('DELETE', `/api/v4/contacts/custom_fields/${FIELD_IDS.contacts.clientType}`))).status).toBe(403);
    expect(snapshot()).toBe(before);
  });
});

describe('/api/v4/{owner}/custom_fields/groups', () => {
  it('lists groups with string ids and their fields, gets one, and is not read as a field id', async () => {
    const list = await running().api('/api/v4/leads/custom_fields/groups');
    expect(list.status).toBe(200);
    const groups = list.body._embedded.custom_field_groups;
    expect(groups.map((group: any) => [group.id, group.is_predefined, group.entity_type])).toEqual([
      [DEFAULT_GROUP_ID, true, 'leads'],
      [FIELD_GROUP_IDS.leads, false, 'leads'],
    ]);
    expect(groups[1].fields).toEqual([FIELD_IDS.leads.contractNumber, FIELD_IDS.leads.contractDate, FIELD_IDS.leads.paymentType]);
    expect(groups[0].fields).toContain(FIELD_IDS.leads.comment);
    const one = await running().api(`/api/v4/customers/custom_fields/groups/${FIELD_GROUP_IDS.customers}`);
    expect(one.body).toMatchObject({ id: FIELD_GROUP_IDS.customers, type: 'custom_field_group', fields: [FIELD_IDS.customers.loyaltyLevel] });
    expect((await running().api('/api/v4/leads/custom_fields/groups/nope')).status).toBe(204);
  });

  it('adds, edits and deletes a group; its fields go back to the main group', async () => {
    const created = await send('POST', '/api/v4/contacts/custom_fields/groups', [{ name: 'Соцсети', sort: 5, request_id: 'g', fields: [FIELD_IDS.contacts.birthday] }]);
    expect(created.status).toBe(200);
    const group = created.body._embedded.custom_field_groups[0];
    expect(group).toMatchObject({ name: 'Соцсети', request_id: 'g', is_predefined: false, fields: [FIELD_IDS.contacts.birthday] });
    expect(typeof group.id).toBe('string');
    expect(store().customFields.contacts.get(FIELD_IDS.contacts.birthday)?.group_id).toBe(group.id);

    const edited = await send('PATCH', `/api/v4/contacts/custom_fields/groups/${group.id}`, { name: 'Соцсети и даты', fields: [FIELD_IDS.contacts.address] });
    expect(edited.body).toMatchObject({ name: 'Соцсети и даты', fields: [FIELD_IDS.contacts.birthday, FIELD_IDS.contacts.address] });

    expect((await send('DELETE', `/api/v4/contacts/custom_fields/groups/${group.id}`)).status).toBe(204);
    expect(store().fieldGroups.contacts.has(group.id)).toBe(false);
    expect(store().customFields.contacts.get(FIELD_IDS.contacts.birthday)?.group_id).toBeNull();
    expect(store().customFields.contacts.get(FIELD_IDS.contacts.address)?.group_id).toBeNull();
  });

  it('refuses deleting the predefined group, bad fields, unknown groups and managers', async () => {
    const before = snapshot();
    expect((await send('DELETE', `/api/v4/leads/custom_fields/groups/${DEFAULT_GROUP_ID}`)).status).toBe(400);
    expect((await send('DELETE', '/api/v4/leads/custom_fields/groups/nope')).status).toBe(404);
    const bad = await send('POST', '/api/v4/leads/custom_fields/groups', [{ name: 'x', fields: [FIELD_IDS.contacts.phone] }, { sort: 1 }]);
    expect(bad.body['validation-errors'].map((item: any) => item.errors[0].path)).toEqual(['fields.0', 'name']);
    expect((await asManager(() => send('POST', '/api/v4/leads/custom_fields/groups', [{ name: 'x' }]))).status).toBe(403);
    expect(snapshot()).toBe(before);
  });
});
