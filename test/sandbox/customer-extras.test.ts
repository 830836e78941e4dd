// Customer tags (the dictionary, GET and POST /api/v4/customers/tags, tags in customer writes),
// segment writes of the segments mode, and customers in the links API, against the sandbox.

import { describe, expect, it } from 'vitest';
import { FIRST_CUSTOMER_ID } from '../../src/sandbox/customers/records.js';
import { useSandbox } from './helpers.js';
import { inCustomersMode } from '../helpers/sandbox-state.js';

const running = useSandbox();
const store = () => running().sandbox.store;
const data = () => store().customers;
const snapshot = () =>
  JSON.stringify({ tags: store().tags.customers.values(), ...Object.fromEntries(Object.entries(data()).map(([key, table]) => [key, table.values()])) });
const failures = (body: any) => body['validation-errors'].map((item: any) => [item.request_id, item.errors.map((error: any) => `${error.code} ${error.path}`)]);

const inMode = (mode: 'segments' | 'disabled', body: () => Promise<void>) => inCustomersMode(store(), mode, body);

describe('customer tags in the sandbox', () => {
  it('lists the customers tag dictionary and embeds tags on every customer', async () => {
    const list = await running().api('/api/v4/customers/tags');
    expect(list.status).toBe(200);
    expect(list.body._embedded.tags).toEqual(store().tags.customers.values().map((tag) => ({ id: tag.id, name: tag.name, color: null })));
    const first = data().rows.get(FIRST_CUSTOMER_ID)!;
    expect(first.tag_ids.length).toBeGreaterThan(0);
    const one = await running().api(`/api/v4/customers/${first.id}`);
    expect(one.body._embedded.tags.map((tag: any) => tag.id)).toEqual(first.tag_ids);
    const named = await running().api(`/api/v4/customers/tags?filter[name]=${encodeURIComponent(store().tags.customers.values()[1]!.name)}`);
    expect(named.body._embedded.tags).toHaveLength(1);
    await inMode('disabled', async () => expect((await running().api('/api/v4/customers/tags')).status).toBe(402));
  });

  it('adds tags with POST; a known name answers the existing tag; a bad batch writes nothing', async () => {
    const existing = store().tags.customers.values()[0]!;
    const added = await running().api('/api/v4/customers/tags', { method: 'POST', body: [{ name: 'Новый тег', request_id: 'n' }, { name: existing.name.toUpperCase() }] });
    expect(added.status).toBe(200);
    const [fresh, same] = added.body._embedded.tags;
    expect(fresh).toMatchObject({ name: 'Новый тег', request_id: 'n' });
    expect(same).toMatchObject({ id: existing.id, request_id: '1' });
    expect(store().tags.customers.get(fresh.id)?.name).toBe('Новый тег');
    // Tag ids are per entity type: the new customer tag is not a lead tag.
    expect(store().tags.leads.has(fresh.id)).toBe(false);
    const before = snapshot();
    const bad = await running().api('/api/v4/customers/tags', { method: 'POST', body: [{ name: 'ok' }, { name: '' }, { id: 5, name: 'x' }, { name: 'y', color: 'red' }] });
    expect(bad.status).toBe(400);
    expect(failures(bad.body)).toEqual([
      ['1', ['NotBlank name']],
      ['2', ['NotSupportedChoice id']],
      ['3', ['InvalidType color']],
    ]);
    expect(snapshot()).toBe(before);
    // The same endpoint for the other types; only leads tags keep a colour.
    const lead = await running().api('/api/v4/leads/tags', { method: 'POST', body: [{ name: 'Цветной', color: 'ffce5a' }] });
    expect(lead.body._embedded.tags[0]).toMatchObject({ name: 'Цветной', color: 'FFCE5A' });
    const contact = await running().api('/api/v4/contacts/tags', { method: 'POST', body: [{ name: 'Цветной', color: 'ffce5a' }] });
    expect(contact.body._embedded.tags[0]).toMatchObject({ name: 'Цветной', color: null });
    expect(store().tags.contacts.get(contact.body._embedded.tags[0].id)?.name).toBe('Цветной');
  });

  it('sets tags on create and changes them on update: add, delete, replace; unknown ids refused', async () => {
    const [a, b] = store().tags.customers.values();
    const created = await running().api('/api/v4/customers', { method: 'POST', body: [{ name: 'С тегами', _embedded: { tags: [{ id: a!.id }, { name: 'Сезонный' }] } }] });
    const id = created.body._embedded.customers[0].id;
    const seasonal = store().tags.customers.values().find((tag) => tag.name === 'Сезонный')!;
    expect(data().rows.get(id)!.tag_ids).toEqual([a!.id, seasonal.id].sort((x, y) => x - y));
    await running().api(`/api/v4/customers/${id}`, { method: 'PATCH', body: { tags_to_add: [{ id: b!.id }], tags_to_delete: [{ name: 'сезонный' }] } });
    expect(data().rows.get(id)!.tag_ids).toEqual([a!.id, b!.id].sort((x, y) => x - y));
    await running().api('/api/v4/customers', { method: 'PATCH', body: [{ id, _embedded: { tags: null } }] });
    expect(data().rows.get(id)!.tag_ids).toEqual([]);
    const before = snapshot();
    const bad = await running().api('/api/v4/customers', { method: 'PATCH', body: [{ id, tags_to_add: [{ id: 1 }] }] });
    expect(failures(bad.body)).toEqual([['0', ['NotSupportedChoice tags_to_add.0.id']]]);
    expect(snapshot()).toBe(before);
  });
});

describe('customer segment writes in the sandbox', () => {
  it('creates, renames and deletes segments in the segments mode; deleting takes it off its customers', async () => {
    await inMode('segments', async () => {
      const created = await running().api('/api/v4/customers/segments', { method: 'POST', body: [{ name: 'Новые', color: '#FFCE5A', request_id: 's' }] });
      expect(created.status).toBe(200);
      const segment = created.body._embedded.segments[0];
      expect(segment).toMatchObject({ name: 'Новые', color: 'ffce5a', request_id: 's', customers_count: 0 });
      expect(data().segments.get(segment.id)).toMatchObject({ name: 'Новые', color: 'ffce5a' });

      const patched = await running().api(`/api/v4/customers/segments/${segment.id}`, { method: 'PATCH', body: { name: 'Свежие' } });
      expect(patched.body).toMatchObject({ id: segment.id, name: 'Свежие', color: 'ffce5a' });

      const used = data().segments.values()[0]!;
      const members = data().rows.values().filter((row) => row.segment_ids.includes(used.id)).map((row) => row.id);
      expect(members.length).toBeGreaterThan(0);
      expect((await running().api(`/api/v4/customers/segments/${used.id}`, { method: 'DELETE' })).status).toBe(204);
      expect(data().segments.has(used.id)).toBe(false);
      for (const id of members) expect(data().rows.get(id)!.segment_ids).not.toContain(used.id);
      expect((await running().api(`/api/v4/customers/segments/${used.id}`, { method: 'DELETE' })).status).toBe(404);
    });
  });

  it('refuses bad segments (400, nothing written), conditions, and writes outside the segments mode (402)', async () => {
    await inMode('segments', async () => {
      const before = snapshot();
      const bad = await running().api('/api/v4/customers/segments', { method: 'POST', body: [{ name: 'ok' }, { color: 'red' }, { name: 'x', conditions: [] }] });
      expect(bad.status).toBe(400);
      expect(failures(bad.body)).toEqual([
        ['1', ['NotBlank name', 'InvalidType color']],
        ['2', ['NotSupportedChoice conditions']],
      ]);
      const id = data().segments.values()[0]!.id;
      expect((await running().api(`/api/v4/customers/segments/${id}`, { method: 'PATCH', body: {} })).status).toBe(400);
      expect((await running().api('/api/v4/customers/segments/99', { method: 'PATCH', body: { name: 'x' } })).status).toBe(404);
      expect(snapshot()).toBe(before);
    });
    const before = snapshot();
    const refused = await running().api('/api/v4/customers/segments', { method: 'POST', body: [{ name: 'x' }] });
    expect(refused.status).toBe(402);
    expect(snapshot()).toBe(before);
  });
});

describe('customers in the links API of the sandbox', () => {
  const fresh = async () => {
    const created = await running().api('/api/v4/customers', { method: 'POST', body: [{ name: 'Для связей' }] });
    return created.body._embedded.customers[0].id as number;
  };

  it('links a customer to contacts, a company and a catalog element, lists them, and unlinks them', async () => {
    const id = await fresh();
    const [c1, c2] = store().contacts.values().filter((row) => !row.is_deleted);
    const company = store().companies.values().find((row) => !row.is_deleted)!;
    const element = store().catalogs.elements.values().find((row) => !row.is_deleted)!;
    const linked = await running().api(`/api/v4/customers/${id}/link`, {
      method: 'POST',
      body: [
        { to_entity_id: c1!.id, to_entity_type: 'contacts' },
        { to_entity_id: c2!.id, to_entity_type: 'contacts', metadata: { is_main: true } },
        { to_entity_id: company.id, to_entity_type: 'companies' },
        { to_entity_id: element.id, to_entity_type: 'catalog_elements', metadata: { catalog_id: element.catalog_id, quantity: 2 } },
      ],
    });
    expect(linked.status).toBe(200);
    expect(linked.body._total_items).toBe(4);
    expect(linked.body._embedded.links[2]).toEqual({ entity_id: id, entity_type: 'customers', to_entity_id: company.id, to_entity_type: 'companies', metadata: null });
    expect(data().rows.get(id)).toMatchObject({ contact_ids: [c2!.id, c1!.id], company_id: company.id });

    const list = await running().api(`/api/v4/customers/${id}/links`);
    expect(list.body._embedded.links).toEqual([
      { to_entity_id: c2!.id, to_entity_type: 'contacts', metadata: { main_contact: true } },
      { to_entity_id: c1!.id, to_entity_type: 'contacts', metadata: { main_contact: false } },
      { to_entity_id: company.id, to_entity_type: 'companies', metadata: null },
      { to_entity_id: element.id, to_entity_type: 'catalog_elements', metadata: { catalog_id: element.catalog_id, quantity: 2, price_id: null } },
    ]);
    const mass = await running().api(`/api/v4/customers/links?filter[entity_id][]=${id}&filter[entity_id][]=${FIRST_CUSTOMER_ID}&filter[to_entity_type]=companies&filter[to_entity_id]=${company.id}`);
    const withCompany = [id, FIRST_CUSTOMER_ID].filter((customer) => data().rows.get(customer)!.company_id === company.id);
    expect(mass.body._embedded.links).toEqual(
      withCompany.map((customer) => ({ entity_id: customer, entity_type: 'customers', to_entity_id: company.id, to_entity_type: 'companies', metadata: null })),
    );
    // with=contacts shows the same links, main contact first.
    const read = await running().api(`/api/v4/customers/${id}?with=contacts,companies`);
    expect(read.body._embedded.contacts.map((c: any) => [c.id, c.is_main])).toEqual([[c2!.id, true], [c1!.id, false]]);

    const unlinked = await running().api('/api/v4/customers/unlink', {
      method: 'POST',
      body: [
        { entity_id: id, to_entity_id: c2!.id, to_entity_type: 'contacts' },
        { entity_id: id, to_entity_id: company.id, to_entity_type: 'companies' },
        { entity_id: id, to_entity_id: element.id, to_entity_type: 'catalog_elements', metadata: { catalog_id: element.catalog_id } },
      ],
    });
    expect(unlinked.status).toBe(204);
    expect(data().rows.get(id)).toMatchObject({ contact_ids: [c1!.id], company_id: null });
    expect(store().catalogs.linksOf({ type: 'customers', id })).toEqual([]);
  });

  it('links from the contact and company side to customers; leads do not link to customers', async () => {
    const id = await fresh();
    const contact = store().contacts.values().filter((row) => !row.is_deleted)[7]!;
    const company = store().companies.values().filter((row) => !row.is_deleted)[2]!;
    const fromContact = await running().api('/api/v4/contacts/link', { method: 'POST', body: [{ entity_id: contact.id, to_entity_id: id, to_entity_type: 'customers' }] });
    expect(fromContact.body._embedded.links).toEqual([{ entity_id: contact.id, entity_type: 'contacts', to_entity_id: id, to_entity_type: 'customers', metadata: { main_contact: true } }]);
    await running().api(`/api/v4/companies/${company.id}/link`, { method: 'POST', body: [{ to_entity_id: id, to_entity_type: 'customers' }] });
    expect(data().rows.get(id)).toMatchObject({ contact_ids: [contact.id], company_id: company.id });
    expect((await running().api(`/api/v4/contacts/${contact.id}?with=customers`)).body._embedded.customers.map((c: any) => c.id)).toContain(id);
    await running().api(`/api/v4/contacts/${contact.id}/unlink`, { method: 'POST', body: [{ to_entity_id: id, to_entity_type: 'customers' }] });
    expect(data().rows.get(id)!.contact_ids).toEqual([]);

    const lead = store().leads.values().find((row) => !row.is_deleted)!;
    const refused = await running().api(`/api/v4/leads/${lead.id}/link`, { method: 'POST', body: [{ to_entity_id: id, to_entity_type: 'customers' }] });
    expect(refused.status).toBe(400);
  });

  it('refuses bad customer links with 400 by position and writes nothing; 402 while the mode is off', async () => {
    const id = await fresh();
    const contact = store().contacts.values().find((row) => !row.is_deleted)!;
    const before = snapshot();
    const bad = await running().api('/api/v4/customers/link', {
      method: 'POST',
      body: [
        { entity_id: id, to_entity_id: contact.id, to_entity_type: 'contacts' },
        { entity_id: 1, to_entity_id: contact.id, to_entity_type: 'contacts' },
        { entity_id: id, to_entity_id: contact.id, to_entity_type: 'leads' },
        { entity_id: id, to_entity_id: 1, to_entity_type: 'companies' },
      ],
    });
    expect(bad.status).toBe(400);
    expect(failures(bad.body)).toEqual([
      ['1', ['NotSupportedChoice entity_id']],
      ['2', ['NotSupportedChoice to_entity_type']],
      ['3', ['NotSupportedChoice to_entity_id']],
    ]);
    expect(snapshot()).toBe(before);
    expect((await running().api(`/api/v4/customers/${FIRST_CUSTOMER_ID}/links`)).status).toBe(200);
    expect((await running().api('/api/v4/customers/99999/links')).status).toBe(204);
    await inMode('disabled', async () => {
      const off = await running().api(`/api/v4/customers/${id}/link`, { method: 'POST', body: [{ to_entity_id: contact.id, to_entity_type: 'contacts' }] });
      expect(off.status).toBe(402);
      expect((await running().api(`/api/v4/customers/${id}/links`)).status).toBe(402);
    });
    expect(snapshot()).toBe(before);
  });
});
