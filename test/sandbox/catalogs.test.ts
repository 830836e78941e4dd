import { describe, expect, it } from 'vitest';
import { CATALOG_IDS, ELEMENT_COUNTS, FIRST_ELEMENT_ID, LEADS_WITH_PRODUCTS } from '../../src/sandbox/catalogs/seed.js';
import { startSandbox, useSandbox } from './helpers.js';

const running = useSandbox();
const api = (...args: Parameters<ReturnType<typeof running>['api']>) => running().api(...args);

describe('catalogs (§3.16)', () => {
  it('lists the products, invoices and regular catalogs with totals, and filters by type', async () => {
    const all = await api('/api/v4/catalogs');
    expect(all.status).toBe(200);
    expect(all.body._total_items).toBe(3);
    expect(all.body._embedded.catalogs.map((c: any) => [c.id, c.type])).toEqual([
      [CATALOG_IDS.products, 'products'],
      [CATALOG_IDS.invoices, 'invoices'],
      [CATALOG_IDS.regular, 'regular'],
    ]);
    const products = await api('/api/v4/catalogs?type=products');
    expect(products.body._embedded.catalogs.map((c: any) => c.id)).toEqual([CATALOG_IDS.products]);
    expect((await api('/api/v4/catalogs?type=suppliers')).status).toBe(204);
    expect((await api('/api/v4/catalogs?type=goods')).status).toBe(400);
  });

  it('gets one catalog and answers 204 for an unknown id', async () => {
    const one = await api(`/api/v4/catalogs/${CATALOG_IDS.invoices}`);
    expect(one.body).toMatchObject({ id: CATALOG_IDS.invoices, type: 'invoices', can_be_deleted: false, account_id: running().sandbox.store.account.id });
    expect((await api('/api/v4/catalogs/999999')).status).toBe(204);
  });

  it('pages elements, filters them by id and by query, and answers 204 past the end', async () => {
    const first = await api(`/api/v4/catalogs/${CATALOG_IDS.products}/elements?limit=50`);
    expect(first.body._embedded.elements).toHaveLength(50);
    expect(first.body._links.next.href).toContain('page=2');
    const third = await api(`/api/v4/catalogs/${CATALOG_IDS.products}/elements?limit=50&page=3`);
    expect(third.body._embedded.elements).toHaveLength(ELEMENT_COUNTS.products - 100);
    expect((await api(`/api/v4/catalogs/${CATALOG_IDS.products}/elements?limit=50&page=4`)).status).toBe(204);
    const byId = await api(`/api/v4/catalogs/${CATALOG_IDS.products}/elements?filter[id][]=${FIRST_ELEMENT_ID}&filter[id][]=${FIRST_ELEMENT_ID + 2}`);
    expect(byId.body._embedded.elements.map((e: any) => e.id)).toEqual([FIRST_ELEMENT_ID, FIRST_ELEMENT_ID + 2]);
    const query = await api(`/api/v4/catalogs/${CATALOG_IDS.regular}/elements?query=${encodeURIComponent('профи')}`);
    expect(query.body._embedded.elements.map((e: any) => e.name)).toEqual(['Тариф Профи']);
    // Elements of another catalog are not this catalog's.
    expect((await api(`/api/v4/catalogs/${CATALOG_IDS.regular}/elements/${FIRST_ELEMENT_ID}`)).status).toBe(204);
  });

  it('shows catalog element links of a lead with catalog_id and quantity, and filters by to_catalog_id', async () => {
    const store = running().sandbox.store;
    const lead = store.leads.values().filter((row) => !row.is_deleted).at(-1)!;
    const links = await api(`/api/v4/leads/${lead.id}/links?filter[to_catalog_id]=${CATALOG_IDS.products}`);
    expect(links.body._embedded.links).toEqual(
      store.catalogs.linksOf({ type: 'leads', id: lead.id }).filter((l) => l.catalog_id === CATALOG_IDS.products).map((l) => ({
        to_entity_id: l.element_id,
        to_entity_type: 'catalog_elements',
        metadata: { catalog_id: CATALOG_IDS.products, quantity: l.quantity, price_id: null },
      })),
    );
    expect(links.body._embedded.links).toHaveLength(2);
    expect(store.leads.values().filter((row) => !row.is_deleted).length).toBeGreaterThanOrEqual(LEADS_WITH_PRODUCTS);
  });
});

describe('catalog writes', () => {
  it('creates and updates catalogs and elements, and refuses a bad batch whole', async () => {
    const sandbox = await startSandbox();
    try {
      const created = await sandbox.api('/api/v4/catalogs', { method: 'POST', body: [{ name: 'Склады', request_id: 'a' }] });
      expect(created.status).toBe(200);
      const catalog = created.body._embedded.catalogs[0];
      expect(catalog).toMatchObject({ name: 'Склады', type: 'regular', request_id: 'a' });
      expect(sandbox.sandbox.store.catalogs.catalogs.get(catalog.id)?.name).toBe('Склады');

      const renamed = await sandbox.api(`/api/v4/catalogs/${catalog.id}`, { method: 'PATCH', body: { name: 'Склады 2' } });
      expect(renamed.body.name).toBe('Склады 2');

      const elements = await sandbox.api(`/api/v4/catalogs/${catalog.id}/elements`, { method: 'POST', body: [{ name: 'Москва' }, { name: 'Казань' }] });
      const ids = elements.body._embedded.elements.map((e: any) => e.id);
      expect(ids).toHaveLength(2);
      const before = sandbox.sandbox.store.catalogs.elements.size;
      const bad = await sandbox.api(`/api/v4/catalogs/${catalog.id}/elements`, { method: 'POST', body: [{ name: 'ok' }, { name: '' }] });
      expect(bad.status).toBe(400);
      expect(bad.body['validation-errors']).toEqual([{ request_id: '1', errors: [expect.objectContaining({ code: 'NotBlank', path: 'name' })] }]);
      expect(sandbox.sandbox.store.catalogs.elements.size).toBe(before);

      const updated = await sandbox.api(`/api/v4/catalogs/${catalog.id}/elements`, { method: 'PATCH', body: [{ id: ids[0], name: 'Москва-1' }] });
      expect(updated.body._embedded.elements[0].name).toBe('Москва-1');
      const wrongCatalog = await sandbox.api(`/api/v4/catalogs/${CATALOG_IDS.products}/elements`, { method: 'PATCH', body: [{ id: ids[1], name: 'x' }] });
      expect(wrongCatalog.status).toBe(400);
      expect(sandbox.sandbox.store.catalogs.elements.get(ids[1])?.name).toBe('Казань');

      const special = await sandbox.api('/api/v4/catalogs', { method: 'POST', body: [{ name: 'Ещё товары', type: 'products' }] });
      expect(special.status).toBe(400);
      expect(sandbox.sandbox.store.catalogs.catalogs.size).toBe(4);
    } finally {
      await sandbox.close();
    }
  });

  it('links a catalog element to a lead with quantity, refuses a bad batch whole, and unlinks it', async () => {
    const sandbox = await startSandbox();
    try {
      const store = sandbox.sandbox.store;
      const lead = store.leads.values().filter((row) => !row.is_deleted)[0]!;
      const element = FIRST_ELEMENT_ID + 3;
      const item = { entity_id: lead.id, to_entity_id: element, to_entity_type: 'catalog_elements', metadata: { catalog_id: CATALOG_IDS.products, quantity: 2.5 } };
      const bad = await sandbox.api('/api/v4/leads/link', { method: 'POST', body: [item, { ...item, metadata: { catalog_id: CATALOG_IDS.regular } }] });
      expect(bad.status).toBe(400);
      expect(bad.body['validation-errors']).toEqual([{ request_id: '1', errors: [expect.objectContaining({ path: 'to_entity_id' })] }]);
      expect(store.catalogs.linksOf({ type: 'leads', id: lead.id })).toEqual([]);

      const linked = await sandbox.api('/api/v4/leads/link', { method: 'POST', body: [item] });
      expect(linked.body._embedded.links).toEqual([{ ...item, entity_type: 'leads', metadata: { ...item.metadata, price_id: null } }]);
      expect(store.catalogs.linksOf({ type: 'leads', id: lead.id })).toMatchObject([{ element_id: element, quantity: 2.5 }]);

      expect((await sandbox.api(`/api/v4/leads/${lead.id}/unlink`, { method: 'POST', body: [{ to_entity_id: element, to_entity_type: 'catalog_elements', metadata: { catalog_id: CATALOG_IDS.products } }] })).status).toBe(204);
      expect(store.catalogs.linksOf({ type: 'leads', id: lead.id })).toEqual([]);
    } finally {
      await sandbox.close();
    }
  });
});
