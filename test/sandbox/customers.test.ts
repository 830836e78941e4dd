import { describe, expect, it } from 'vitest';
import { FIRST_CUSTOMER_ID } from '../../src/sandbox/customers/records.js';
import { SEEDED_CUSTOMERS } from '../../src/sandbox/customers/seed.js';
import { USER_IDS } from '../../src/sandbox/seed/ids.js';
import { collectAll, useSandbox } from './helpers.js';

const running = useSandbox();
const store = () => running().sandbox.store;
const data = () => store().customers;
const snapshot = () => JSON.stringify({ mode: store().account.customers_mode, ...Object.fromEntries(Object.entries(data()).map(([key, table]) => [key, table.values()])) });
const failures = (body: any) => body['validation-errors'].map((item: any) => [item.request_id, item.errors.map((error: any) => `${error.code} ${error.path}`)]);

describe('customers in the sandbox', () => {
  it('seeds the periodic mode with customers, stages, segments and purchases that add up', () => {
    expect(store().account.customers_mode).toBe('periodicity');
    expect(data().rows.size).toBe(SEEDED_CUSTOMERS);
    expect(data().statuses.size).toBe(5);
    expect(data().segments.size).toBe(3);
    for (const customer of data().rows) {
      const own = data().transactions.values().filter((row) => row.customer_id === customer.id);
      expect(customer.purchases_count).toBe(own.length);
      expect(customer.ltv).toBe(own.reduce((sum, row) => sum + row.price, 0));
    }
  });

  it('lists customers with paging, filter[id], query and with=contacts,companies; 204 past the end', async () => {
    const all = await collectAll(running(), '/api/v4/customers', 'customers', 7);
    expect(all.rows.map((row) => row.id)).toEqual(data().rows.values().map((row) => row.id));
    expect(all.statuses.at(-1)).toBe(204);
    const first = data().rows.get(FIRST_CUSTOMER_ID)!;
    const one = await running().api(`/api/v4/customers?filter[id][]=${FIRST_CUSTOMER_ID}&with=contacts,companies`);
    expect(one.headers.get('content-type')).toContain('application/hal+json');
    const row = one.body._embedded.customers[0];
    expect(one.body._embedded.customers).toHaveLength(1);
    expect(row._embedded.contacts.map((c: any) => c.id)).toEqual(first.contact_ids);
    expect(row._embedded.companies.map((c: any) => c.id)).toEqual(first.company_id ? [first.company_id] : []);
    expect(row).toMatchObject({ id: first.id, name: first.name, ltv: first.ltv, purchases_count: first.purchases_count, status_id: first.status_id });
    const plain = await running().api(`/api/v4/customers/${FIRST_CUSTOMER_ID}`);
    expect(plain.body._embedded.contacts).toBeUndefined();
    const found = await running().api(`/api/v4/customers?query=${encodeURIComponent(first.name)}`);
    expect(found.body._embedded.customers.map((c: any) => c.id)).toContain(first.id);
    expect((await running().api('/api/v4/customers/99999999')).status).toBe(204);
  });

  it('embeds a contact\'s and a company\'s customers with=customers', async () => {
    const first = data().rows.get(FIRST_CUSTOMER_ID)!;
    const contactId = first.contact_ids[0]!;
    const expected = data().rows.values().filter((row) => row.contact_ids.includes(contactId)).map((row) => row.id);
    const contact = await running().api(`/api/v4/contacts/${contactId}?with=customers`);
    expect(contact.body._embedded.customers.map((c: any) => c.id)).toEqual(expected);
    expect((await running().api(`/api/v4/contacts/${contactId}`)).body._embedded.customers).toBeUndefined();
    const company = await running().api(`/api/v4/companies?filter[id][]=${first.company_id}&with=customers`);
    expect(company.body._embedded.companies[0]._embedded.customers.map((c: any) => c.id)).toContain(first.id);
  });

  it('creates and updates customers; a bad batch answers 400 for every bad item and writes nothing', async () => {
    const contact = store().contacts.values()[3]!;
    const created = await running().api('/api/v4/customers', {
      method: 'POST',
      body: [{ name: 'Новый покупатель', next_price: 1200, periodicity: 30, request_id: 'a', _embedded: { contacts: [{ id: contact.id }] } }],
    });
    expect(created.status).toBe(200);
    const id = created.body._embedded.customers[0].id;
    expect(created.body._embedded.customers[0].request_id).toBe('a');
    expect(data().rows.get(id)).toMatchObject({ name: 'Новый покупатель', next_price: 1200, contact_ids: [contact.id], responsible_user_id: USER_IDS.admin });

    const patched = await running().api(`/api/v4/customers/${id}`, { method: 'PATCH', body: { next_price: 1500 } });
    expect(patched.body.id).toBe(id);
    expect(data().rows.get(id)!.next_price).toBe(1500);

    const before = snapshot();
    const bad = await running().api('/api/v4/customers', {
      method: 'POST',
      body: [{ name: 'ok' }, { name: '' }, { name: 'x', status_id: 1, responsible_user_id: 5, _embedded: { contacts: [{ id: 1 }] } }],
    });
    expect(bad.status).toBe(400);
    expect(failures(bad.body)).toEqual([
      ['1', ['NotBlank name']],
      ['2', ['NotSupportedChoice responsible_user_id', 'NotSupportedChoice status_id', 'NotSupportedChoice _embedded.contacts.0.id']],
    ]);
    const badUpdate = await running().api('/api/v4/customers', { method: 'PATCH', body: [{ id: 1, name: 'x' }, { id }] });
    expect(failures(badUpdate.body)).toEqual([['0', ['NotFound id']], ['1', ['NotBlank ']]]);
    expect(snapshot()).toBe(before);
  });

  it('reads and writes periodic-mode statuses; system stages stay as they are', async () => {
    const list = await running().api('/api/v4/customers/statuses');
    expect(list.body._total_items).toBe(data().statuses.size);
    const created = await running().api('/api/v4/customers/statuses', { method: 'POST', body: [{ name: 'VIP', sort: 15 }] });
    const id = created.body._embedded.statuses[0].id;
    expect(data().statuses.get(id)).toMatchObject({ name: 'VIP', sort: 15, is_editable: true });
    const system = data().statuses.values().find((row) => !row.is_editable)!;
    const before = snapshot();
    const refused = await running().api(`/api/v4/customers/statuses/${system.id}`, { method: 'PATCH', body: { name: 'x' } });
    expect(refused.status).toBe(400);
    expect(snapshot()).toBe(before);
    expect((await running().api(`/api/v4/customers/statuses/${id}`, { method: 'DELETE' })).status).toBe(204);
    expect(data().statuses.has(id)).toBe(false);
  });

  it('adds and deletes transactions, keeping ltv and counts; refuses a bad price', async () => {
    const customer = data().rows.get(FIRST_CUSTOMER_ID + 1)!;
    const ltv = customer.ltv;
    const count = customer.purchases_count;
    const added = await running().api(`/api/v4/customers/${customer.id}/transactions`, { method: 'POST', body: [{ price: 700, comment: 'чек', next_price: 900 }] });
    const tid = added.body._embedded.transactions[0].id;
    expect(data().transactions.get(tid)).toMatchObject({ customer_id: customer.id, price: 700, comment: 'чек' });
    expect(data().rows.get(customer.id)).toMatchObject({ ltv: ltv + 700, purchases_count: count + 1, next_price: 900 });
    const own = await running().api(`/api/v4/customers/${customer.id}/transactions`);
    expect(own.body._embedded.transactions.map((row: any) => row.id)).toContain(tid);
    const filtered = await running().api(`/api/v4/customers/transactions?filter[customer_id][]=${customer.id}`);
    expect(filtered.body._embedded.transactions.every((row: any) => row.customer_id === customer.id)).toBe(true);

    const before = snapshot();
    const bad = await running().api(`/api/v4/customers/${customer.id}/transactions`, { method: 'POST', body: [{ price: 1 }, { price: -5 }] });
    expect(failures(bad.body)).toEqual([['1', ['InvalidType price']]]);
    expect(snapshot()).toBe(before);

    expect((await running().api(`/api/v4/customers/${customer.id}/transactions/${tid}`, { method: 'DELETE' })).status).toBe(204);
    expect(data().rows.get(customer.id)).toMatchObject({ ltv, purchases_count: count });
  });

  it('earns and redeems bonus points, never below zero', async () => {
    const customer = data().rows.get(FIRST_CUSTOMER_ID + 2)!;
    const start = customer.bonus_points;
    const earned = await running().api(`/api/v4/customers/${customer.id}/bonus_points`, { method: 'POST', body: { earn: 50 } });
    expect(earned.body).toEqual({ bonus_points: start + 50 });
    const redeemed = await running().api(`/api/v4/customers/${customer.id}/bonus_points`, { method: 'POST', body: { redeem: 20 } });
    expect(redeemed.body).toEqual({ bonus_points: start + 30 });
    const too = await running().api(`/api/v4/customers/${customer.id}/bonus_points`, { method: 'POST', body: { redeem: 1_000_000 } });
    expect(too.status).toBe(400);
    expect(data().rows.get(customer.id)!.bonus_points).toBe(start + 30);
  });

  it('switches the mode: segments appear, statuses go, and switched off every endpoint answers 402', async () => {
    try {
      expect((await running().api('/api/v4/customers/segments')).status).toBe(402);
      const set = await running().api('/api/v4/customers/mode', { method: 'PATCH', body: { mode: 'segments', is_enabled: true } });
      expect(set.body).toEqual({ mode: 'segments', is_enabled: true });
      expect(store().account.customers_mode).toBe('segments');
      const segments = await running().api('/api/v4/customers/segments');
      expect(segments.body._embedded.segments.map((row: any) => row.name)).toEqual(data().segments.values().map((row) => row.name));
      expect(segments.body._embedded.segments[0].customers_count).toBe(10);
      expect((await running().api('/api/v4/customers/statuses')).status).toBe(402);

      const bad = await running().api('/api/v4/customers/mode', { method: 'PATCH', body: { mode: 'weekly' } });
      expect(failures(bad.body)).toEqual([['0', ['NotSupportedChoice mode', 'NotBlank is_enabled']]]);
      expect(store().account.customers_mode).toBe('segments');

      await running().api('/api/v4/customers/mode', { method: 'PATCH', body: { mode: 'segments', is_enabled: false } });
      expect(store().account.customers_mode).toBe('disabled');
      const off = await running().api('/api/v4/customers');
      expect(off.status).toBe(402);
      expect(off.body.detail).toMatch(/disabled/);
      expect((await running().api(`/api/v4/customers/${FIRST_CUSTOMER_ID}/bonus_points`, { method: 'POST', body: { earn: 1 } })).status).toBe(402);
    } finally {
      store().account.customers_mode = 'periodicity';
    }
  });

  it('lets only an admin change the mode', async () => {
    const account = store().account;
    const admin = account.current_user_id;
    account.current_user_id = USER_IDS.manager1;
    try {
      const refused = await running().api('/api/v4/customers/mode', { method: 'PATCH', body: { mode: 'segments', is_enabled: true } });
      expect(refused.status).toBe(403);
      expect(account.customers_mode).toBe('periodicity');
    } finally {
      account.current_user_id = admin;
    }
  });
});
