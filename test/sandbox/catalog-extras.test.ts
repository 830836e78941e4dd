// The sandbox's catalog extras: `with=catalog_elements` on leads, contacts and companies, catalog
// create/update rules (§3.16 and amoCRM's lists docs), and link events in the audit log.

import { describe, expect, it } from 'vitest';
import { CATALOG_IDS, FIRST_ELEMENT_ID } from '../../src/sandbox/catalogs/seed.js';
import { useSandbox } from './helpers.js';

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
    expect((await api(`/api/v4/companies/${company.id}?with=catalog_elements`)).body._embedded.catalog_elements).toEqual([]);
  });
});
