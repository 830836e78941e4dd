import { describe, expect, it } from 'vitest';
import { FIELD_IDS } from '../../src/sandbox/index.js';
import { collectAll, useSandbox } from './helpers.js';

const running = useSandbox();
const ids = (rows: { id: number }[]) => rows.map((row) => row.id);

describe('query (full-text search)', () => {
  it('finds leads by a case-insensitive part of the name', async () => {
    const { rows } = await collectAll(running(), `/api/v4/leads?query=${encodeURIComponent('ПРОДЛЕНИЕ лиценз')}`, 'leads');
    const want = running()
      .sandbox.store.leads.values()
      .filter((lead) => !lead.is_deleted && lead.name.toLowerCase().includes('продление лиценз'));
    expect(want.length).toBeGreaterThan(0);
    expect(ids(rows)).toEqual(ids(want));
  });

  it('finds contacts by a custom field value such as an e-mail', async () => {
    const contact = running()
      .sandbox.store.contacts.values()
      .find((row) => !row.is_deleted && row.custom_fields_values.some((item) => item.field_id === FIELD_IDS.contacts.email))!;
    const email = String(contact.custom_fields_values.find((item) => item.field_id === FIELD_IDS.contacts.email)!.values[0]!.value);
    const { rows } = await collectAll(running(), `/api/v4/contacts?query=${encodeURIComponent(email.toUpperCase())}`, 'contacts');
    expect(ids(rows)).toContain(contact.id);
  });

  it('finds a phone by its digits whatever the formatting, including a leading 8 for +7', async () => {
    const store = running().sandbox.store;
    const contact = store.contacts.values().find((row) => {
      const phone = row.custom_fields_values.find((item) => item.field_id === FIELD_IDS.contacts.phone)?.values[0]?.value;
      return !row.is_deleted && typeof phone === 'string' && /^\+7 \(9/.test(phone);
    })!;
    const phone = String(contact.custom_fields_values.find((item) => item.field_id === FIELD_IDS.contacts.phone)!.values[0]!.value);
    const digits = phone.replace(/\D/g, '');
    for (const query of [digits, `8${digits.slice(1)}`, digits.slice(1)]) {
      const { rows } = await collectAll(running(), `/api/v4/contacts?query=${query}`, 'contacts');
      expect(ids(rows), query).toContain(contact.id);
    }
  });

  it('finds companies by the name inside legal_entity requisites', async () => {
    const company = running()
      .sandbox.store.companies.values()
      .find((row) => !row.is_deleted && row.custom_fields_values.some((item) => item.field_id === FIELD_IDS.companies.requisites))!;
    const requisites = company.custom_fields_values.find((item) => item.field_id === FIELD_IDS.companies.requisites)!.values[0]!.value as { vat_id: string };
    const { rows } = await collectAll(running(), `/api/v4/companies?query=${requisites.vat_id}`, 'companies');
    expect(ids(rows)).toContain(company.id);
  });

  it('answers 204 when nothing matches', async () => {
    expect((await running().api('/api/v4/leads?query=no-such-thing-anywhere')).status).toBe(204);
  });
});

describe('order', () => {
  const visible = () => running().sandbox.store.leads.values().filter((lead) => !lead.is_deleted);

  it('sorts leads by created_at, updated_at or id, ascending or descending, ties by id', async () => {
    for (const field of ['created_at', 'updated_at', 'id'] as const) {
      for (const direction of ['asc', 'desc'] as const) {
        const { rows } = await collectAll(running(), `/api/v4/leads?order[${field}]=${direction}`, 'leads');
        const sign = direction === 'asc' ? 1 : -1;
        const want = [...visible()].sort((a, b) => (a[field] - b[field] || a.id - b.id) * sign);
        expect(ids(rows), `${field} ${direction}`).toEqual(ids(want));
      }
    }
  });

  it('sorts contacts and companies by updated_at or id only', async () => {
    const { rows } = await collectAll(running(), '/api/v4/companies?order[updated_at]=desc', 'companies');
    const updated = rows.map((row) => row.updated_at);
    expect(updated).toEqual([...updated].sort((a, b) => b - a));
    expect((await running().api('/api/v4/contacts?order[created_at]=asc')).status).toBe(400);
  });

  it('rejects an unknown field or direction with a 400', async () => {
    expect((await running().api('/api/v4/leads?order[price]=asc')).status).toBe(400);
    expect((await running().api('/api/v4/leads?order[id]=up')).status).toBe(400);
    expect((await running().api('/api/v4/leads?order=id')).status).toBe(400);
  });

  it('sorts custom fields by sort by default, or by id', async () => {
    const bySort = (await running().api('/api/v4/contacts/custom_fields')).body._embedded.custom_fields.map((field: { sort: number }) => field.sort);
    expect(bySort).toEqual([...bySort].sort((a, b) => a - b));
    const byId = (await running().api('/api/v4/contacts/custom_fields?order[id]=desc')).body._embedded.custom_fields.map((field: { id: number }) => field.id);
    expect(byId).toEqual([...byId].sort((a, b) => b - a));
  });
});
