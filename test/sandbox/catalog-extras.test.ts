// The sandbox's catalog extras: `with=catalog_elements` on leads, contacts and companies, catalog
// create/update rules (§3.16 and amoCRM's lists docs), and link events in the audit log.

import { describe, expect, it } from 'vitest';
import { CATALOG_IDS, FIRST_ELEMENT_ID } from '../../src/sandbox/catalogs/seed.js';
import { USER_IDS } from '../../src/sandbox/seed/ids.js';
import { startSandbox, useSandbox } from './helpers.js';

const running = useSandbox();
const api = (...args: Parameters<ReturnType<typeof running>['api']>) => running().api(...args);
const store = () => running().sandbox.store;

describe('with=catalog_elements', () => {
  it('embeds each lead’s live elements with quantity, catalog and price, only when asked', async () => {
    const lead = store().leads.values().filter((row) => !row.is_deleted).at(-1)!;
    const links = store().catalogs.linksOf({ type: 'leads', id: lead.id });
    expect(links.length).toBeGreaterThan(0);
    const one = await api(`/api/v4/leads/${lead.id}?with=catalog_elements`);
    expect(one.body._embedded.catalog_elements).toEqual(
      links.map((link) => ({ id: link.element_id, metadata: { quantity: link.quantity, catalog_id: link.catalog_id, price_id: link.price_id } })),
    );
    const plain = await api(`/api/v4/leads/${lead.id}`);
    expect(plain.body._embedded.catalog_elements).toBeUndefined();
    const list = await api(`/api/v4/leads?with=contacts,catalog_elements&filter[id][]=${lead.id}`);
    expect(list.body._embedded.leads[0]._embedded.catalog_elements).toHaveLength(links.length);
    expect(list.body._embedded.leads[0]._embedded.contacts).toBeDefined();
  });

  it('embeds elements on contacts and companies too, and leaves out deleted elements', async () => {
    const contact = store().contacts.values().filter((row) => !row.is_deleted)[0]!;
    store().catalogs.link({ entity_type: 'contacts', entity_id: contact.id, element_id: FIRST_ELEMENT_ID, catalog_id: CATALOG_IDS.products, quantity: 4, price_id: null });
    const element = store().catalogs.elements.get(FIRST_ELEMENT_ID + 1)!;
    store().catalogs.link({ entity_type: 'contacts', entity_id: contact.id, element_id: element.id, catalog_id: CATALOG_IDS.products, quantity: 1, price_id: null });
    store().catalogs.elements.put({ ...element, is_deleted: true });
    const read = await api(`/api/v4/contacts/${contact.id}?with=catalog_elements`);
    expect(read.body._embedded.catalog_elements).toEqual([{ id: FIRST_ELEMENT_ID, metadata: { quantity: 4, catalog_id: CATALOG_IDS.products, price_id: null } }]);
    const company = store().companies.values().filter((row) => !row.is_deleted)[0]!;
    expect((await api(`/api/v4/companies/${company.id}?with=catalog_elements`)).body._embedded.catalog_elements).toBeUndefined();
    store().catalogs.link({ entity_type: 'companies', entity_id: company.id, element_id: FIRST_ELEMENT_ID + 2, catalog_id: CATALOG_IDS.products, quantity: 1.5, price_id: null });
    expect((await api(`/api/v4/companies/${company.id}?with=catalog_elements`)).body._embedded.catalog_elements).toEqual([
      { id: FIRST_ELEMENT_ID + 2, metadata: { quantity: 1.5, catalog_id: CATALOG_IDS.products, price_id: null } },
    ]);
  });
});

describe('catalog writes (lists docs)', () => {
  it('creates a regular catalog by default, an invoices or products one only once, and at most 10', async () => {
    const sandbox = await startSandbox();
    try {
      const catalogs = sandbox.sandbox.store.catalogs.catalogs;
      const created = await sandbox.api('/api/v4/catalogs', { method: 'POST', body: [{ name: 'Склады', sort: 40, can_link_multiple: false, can_show_in_cards: true, request_id: 'a' }] });
      expect(created.status).toBe(200);
      expect(created.body._embedded.catalogs[0]).toMatchObject({ name: 'Склады', type: 'regular', sort: 40, can_link_multiple: false, can_show_in_cards: false, can_be_deleted: true, request_id: 'a' });

      // The seed has a products and an invoices catalog: a second of either is refused, and nothing is written.
      const twice = await sandbox.api('/api/v4/catalogs', { method: 'POST', body: [{ name: 'ok' }, { name: 'Счета 2', type: 'invoices' }] });
      expect(twice.status).toBe(400);
      expect(twice.body['validation-errors'][0]).toMatchObject({ request_id: '1', errors: [{ path: 'type' }] });
      expect((await sandbox.api('/api/v4/catalogs', { method: 'POST', body: [{ name: 'x', type: 'suppliers' }] })).status).toBe(400);
      expect(catalogs.size).toBe(4);

      const six = Array.from({ length: 6 }, (_, i) => ({ name: `Список ${i}` }));
      expect((await sandbox.api('/api/v4/catalogs', { method: 'POST', body: [...six, { name: 'одиннадцатый' }] })).status).toBe(400);
      expect(catalogs.size).toBe(4);
      expect((await sandbox.api('/api/v4/catalogs', { method: 'POST', body: six })).status).toBe(200);
      expect(catalogs.size).toBe(10);
      const eleventh = await sandbox.api('/api/v4/catalogs', { method: 'POST', body: [{ name: 'одиннадцатый' }] });
      expect(eleventh.status).toBe(400);
      expect(catalogs.size).toBe(10);
    } finally {
      await sandbox.close();
    }
  });

  it('updates name and flags, requires the name, leaves sort alone, and refuses reads and writes to users without access to lists', async () => {
    const catalog = store().catalogs.catalogs.get(CATALOG_IDS.regular)!;
    const noName = await api(`/api/v4/catalogs/${catalog.id}`, { method: 'PATCH', body: { can_link_multiple: false } });
    expect(noName.status).toBe(400);
    const renamed = await api('/api/v4/catalogs', { method: 'PATCH', body: [{ id: catalog.id, name: 'Тарифы 2025', sort: 99, can_link_multiple: false }] });
    expect(renamed.status).toBe(200);
    expect(store().catalogs.catalogs.get(catalog.id)).toMatchObject({ name: 'Тарифы 2025', sort: catalog.sort, can_link_multiple: false });

    store().account.current_user_id = USER_IDS.manager1;
    try {
      expect((await api('/api/v4/catalogs')).status).toBe(403);
      expect((await api(`/api/v4/catalogs/${CATALOG_IDS.products}/elements/${FIRST_ELEMENT_ID}`)).status).toBe(403);
      expect((await api('/api/v4/catalogs', { method: 'POST', body: [{ name: 'нельзя' }] })).status).toBe(403);
      expect((await api(`/api/v4/catalogs/${catalog.id}`, { method: 'PATCH', body: { name: 'нельзя' } })).status).toBe(403);
    } finally {
      store().account.current_user_id = USER_IDS.admin;
    }
    expect(store().catalogs.catalogs.get(catalog.id)!.name).toBe('Тарифы 2025');
  });
});

describe('catalog link events', () => {
  it('logs entity_linked and entity_unlinked on the lead for a new link and a removal, not for a new quantity', async () => {
    const lead = store().leads.values().filter((row) => !row.is_deleted)[0]!;
    const element = FIRST_ELEMENT_ID + 9;
    const before = store().events.size;
    const item = { entity_id: lead.id, to_entity_id: element, to_entity_type: 'catalog_elements', metadata: { catalog_id: CATALOG_IDS.products, quantity: 2 } };
    expect((await api('/api/v4/leads/link', { method: 'POST', body: [item] })).status).toBe(200);
    expect((await api('/api/v4/leads/link', { method: 'POST', body: [{ ...item, metadata: { catalog_id: CATALOG_IDS.products, quantity: 5 } }] })).status).toBe(200);
    expect((await api(`/api/v4/leads/${lead.id}/unlink`, { method: 'POST', body: [{ to_entity_id: element, to_entity_type: 'catalog_elements', metadata: { catalog_id: CATALOG_IDS.products } }] })).status).toBe(204);
    // Unlinking what is not linked logs nothing.
    expect((await api(`/api/v4/leads/${lead.id}/unlink`, { method: 'POST', body: [{ to_entity_id: element, to_entity_type: 'catalog_elements', metadata: { catalog_id: CATALOG_IDS.products } }] })).status).toBe(204);
    expect(store().events.size).toBe(before + 2);

    const events = await api(`/api/v4/events?filter[entity]=lead&filter[entity_id]=${lead.id}&filter[type]=entity_linked,entity_unlinked`);
    const value = [{ link: { entity: { type: 'catalog_element', id: element } } }];
    expect(events.body._embedded.events.map((e: any) => [e.type, e.entity_type, e.value_before, e.value_after])).toEqual([
      ['entity_unlinked', 'lead', value, []],
      ['entity_linked', 'lead', [], value],
    ]);
  });
});
