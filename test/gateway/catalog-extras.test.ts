// Catalog extras end to end: an element's linked leads (batched for a whole page of elements),
// catalog create/update through the graph, and the link events the audit log then shows.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CATALOG_FIELD_IDS } from '../../src/sandbox/catalogs/fields.js';
import { CATALOG_IDS, FIRST_ELEMENT_ID } from '../../src/sandbox/catalogs/seed.js';
import { USER_IDS } from '../../src/sandbox/seed/ids.js';
import { dataOf, startStack, type Stack } from '../helpers/stack.js';

let stack: Stack;

beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack.close());

const store = () => stack.sandbox.store;

describe('CatalogElement.leads', () => {
  it('gives 100 elements their linked leads with quantities in a handful of upstream calls', async () => {
    stack.resetLog();
    const data = dataOf<any>(
      await stack.gql(`query ($id: Int!) { catalog(amoId: $id) { elements(first: 100) { nodes { amoId leads { quantity priceId lead { amoId name status { id } } } } } } }`, {
        id: CATALOG_IDS.products,
      }),
    );
    const calls = stack.upstreamCalls();
    const nodes = data.catalog.elements.nodes;
    expect(nodes).toHaveLength(100);
    let linked = 0;
    for (const node of nodes) {
      const expected = store()
        .catalogs.linksTo(node.amoId, 'leads')
        .filter((link) => store().leads.get(link.entity_id)?.is_deleted === false);
      expect(node.leads.map((l: any) => [l.lead.amoId, l.quantity, l.priceId])).toEqual(expected.map((l) => [l.entity_id, l.quantity, l.price_id]));
      for (const l of node.leads) expect(l.lead.name).toBe(store().leads.get(l.lead.amoId)!.name);
      linked += node.leads.length;
    }
    expect(linked).toBeGreaterThan(100);
    // The catalog, one page of elements, and one pass over the leads (250 a page): not one per element.
    const leadPages = Math.ceil(store().leads.values().filter((lead) => !lead.is_deleted).length / 250);
    expect(calls.filter((call) => call.path === '/api/v4/leads')).toHaveLength(leadPages);
    expect(calls.filter((call) => call.path.includes('/links'))).toHaveLength(0);
    expect(calls.length).toBeLessThanOrEqual(2 + leadPages + 2);
  });

  it('shows a link made through the graph on the element’s side, with its quantity', async () => {
    const lead = store().leads.values().filter((row) => !row.is_deleted)[0]!;
    const elementId = FIRST_ELEMENT_ID + 3;
    const link = dataOf<any>(
      await stack.gql(`mutation ($input: [CatalogElementLinkInput!]!) { linkCatalogElements(input: $input) { succeededCount } }`, {
        input: [{ entity: 'LEADS', entityAmoId: lead.id, catalogAmoId: CATALOG_IDS.products, elementAmoId: elementId, quantity: 2.5 }],
      }),
    );
    expect(link.linkCatalogElements.succeededCount).toBe(1);
    const read = dataOf<any>(await stack.gql(`{ catalogElement(catalogAmoId: ${CATALOG_IDS.products}, amoId: ${elementId}) { leads { quantity lead { amoId } } } }`));
    expect(read.catalogElement.leads).toContainEqual({ quantity: 2.5, lead: { amoId: lead.id } });
  });

  it('gives an element its contacts and companies the same way', async () => {
    const contact = store().contacts.values().filter((row) => !row.is_deleted)[0]!;
    const company = store().companies.values().filter((row) => !row.is_deleted)[0]!;
    const elementId = FIRST_ELEMENT_ID + 4;
    const input = [
      { entity: 'CONTACTS', entityAmoId: contact.id, catalogAmoId: CATALOG_IDS.products, elementAmoId: elementId, quantity: 3 },
      { entity: 'COMPANIES', entityAmoId: company.id, catalogAmoId: CATALOG_IDS.products, elementAmoId: elementId, quantity: 1, priceId: CATALOG_FIELD_IDS.products.specialPrice },
    ];
    const link = dataOf<any>(await stack.gql(`mutation ($input: [CatalogElementLinkInput!]!) { linkCatalogElements(input: $input) { succeededCount } }`, { input }));
    expect(link.linkCatalogElements.succeededCount).toBe(2);
    stack.resetLog();
    const read = dataOf<any>(
      await stack.gql(`{ catalogElement(catalogAmoId: ${CATALOG_IDS.products}, amoId: ${elementId}) { contacts { quantity contact { amoId name } } companies { quantity priceId company { amoId } } } }`),
    );
    expect(read.catalogElement.contacts).toEqual([{ quantity: 3, contact: { amoId: contact.id, name: contact.name } }]);
    expect(read.catalogElement.companies).toEqual([{ quantity: 1, priceId: CATALOG_FIELD_IDS.products.specialPrice, company: { amoId: company.id } }]);
    expect(stack.upstreamCalls().filter((call) => call.path === '/api/v4/contacts' || call.path === '/api/v4/companies').length).toBe(
      Math.ceil(store().contacts.values().filter((r) => !r.is_deleted).length / 250) + Math.ceil(store().companies.values().filter((r) => !r.is_deleted).length / 250),
    );
  });
});

describe('createCatalogs and updateCatalogs', () => {
  const CREATE = `mutation ($input: [CreateCatalogInput!]!) { createCatalogs(input: $input) { succeededCount results { index status amoId errors { path message code } catalog { name type sort canLinkMultiple canBeDeleted } } } }`;
  const UPDATE = `mutation ($input: [UpdateCatalogInput!]!) { updateCatalogs(input: $input) { succeededCount results { index status errors { path message code } catalog { amoId name canAddElements canLinkMultiple } } } }`;

  it('creates a catalog and updates it by amoId, as the sandbox then holds it', async () => {
    stack.resetLog();
    const created = dataOf<any>(await stack.gql(CREATE, { input: [{ name: 'Склады', sort: 40, canLinkMultiple: false }] })).createCatalogs;
    expect(created.succeededCount).toBe(1);
    expect(created.results[0].catalog).toEqual({ name: 'Склады', type: 'REGULAR', sort: 40, canLinkMultiple: false, canBeDeleted: true });
    const id = created.results[0].amoId;
    expect(store().catalogs.catalogs.get(id)).toMatchObject({ name: 'Склады', type: 'regular', sort: 40, can_link_multiple: false });
    // One POST, and one read of the catalog list for the payload.
    expect(stack.upstreamCalls().map((call) => `${call.method} ${call.path}`)).toEqual(['POST /api/v4/catalogs', 'GET /api/v4/catalogs']);

    stack.resetLog();
    // No name given: the current one is sent, as amoCRM requires a name on every update.
    const flags = dataOf<any>(await stack.gql(UPDATE, { input: [{ amoId: id, canAddElements: false }] })).updateCatalogs;
    expect(flags.results[0]).toMatchObject({ status: 'SUCCEEDED', catalog: { amoId: id, name: 'Склады', canAddElements: false } });
    expect(stack.upstreamCalls().filter((call) => call.method === 'PATCH')).toHaveLength(1);
    const renamed = dataOf<any>(await stack.gql(UPDATE, { input: [{ amoId: id, name: 'Склады и магазины' }] })).updateCatalogs;
    expect(renamed.results[0].catalog.name).toBe('Склады и магазины');
    expect(store().catalogs.catalogs.get(id)).toMatchObject({ name: 'Склады и магазины', can_add_elements: false });
    // The next read sees the change: nothing stale is kept across requests.
    expect(dataOf<any>(await stack.gql(`{ catalog(amoId: ${id}) { name } }`)).catalog.name).toBe('Склады и магазины');
  });

  it('answers each item on its own: a second products catalog fails, the valid item is still created', async () => {
    const before = store().catalogs.catalogs.size;
    const result = dataOf<any>(await stack.gql(CREATE, { input: [{ name: 'Ещё товары', type: 'PRODUCTS' }, { name: 'Поставки' }] })).createCatalogs;
    expect(result.succeededCount).toBe(1);
    expect(result.results[0]).toMatchObject({ status: 'FAILED', errors: [{ path: ['type'] }] });
    expect(result.results[1]).toMatchObject({ status: 'SUCCEEDED', catalog: { name: 'Поставки' } });
    expect(store().catalogs.catalogs.size).toBe(before + 1);
  });

  it('refuses bad input before any write and changes nothing', async () => {
    const before = store().catalogs.catalogs.values().map((c) => ({ ...c }));
    stack.resetLog();
    const bad = dataOf<any>(await stack.gql(CREATE, { input: [{ name: ' ' }, { name: 'x', type: 'SUPPLIERS' }, { name: 'y', sort: -1 }] })).createCatalogs;
    expect(bad.results.map((r: any) => r.errors[0].path)).toEqual([['name'], ['type'], ['sort']]);
    const upd = dataOf<any>(await stack.gql(UPDATE, { input: [{ amoId: 987654 }, { amoId: CATALOG_IDS.regular }, { amoId: 987655, name: 'z' }] })).updateCatalogs;
    expect(upd.results.map((r: any) => r.status)).toEqual(['FAILED', 'FAILED', 'FAILED']);
    expect(upd.results[1].errors[0].message).toBe('nothing to change');
    expect(upd.results[2].errors[0]).toMatchObject({ path: ['amoId'], code: 'NOT_FOUND' });
    expect(stack.upstreamCalls().filter((call) => call.method !== 'GET')).toHaveLength(0);
    expect(store().catalogs.catalogs.values()).toEqual(before);
  });

  it('reports amoCRM’s 403 per item for a user without access to lists', async () => {
    store().account.current_user_id = USER_IDS.manager1;
    try {
      const result = dataOf<any>(await stack.gql(CREATE, { input: [{ name: 'Нельзя' }] })).createCatalogs;
      expect(result.succeededCount).toBe(0);
      expect(result.results[0].status).toBe('FAILED');
      expect(result.results[0].errors[0].message).toMatch(/access to lists/);
    } finally {
      store().account.current_user_id = USER_IDS.admin;
    }
    expect(store().catalogs.catalogs.values().some((c) => c.name === 'Нельзя')).toBe(false);
  });
});

describe('access to lists', () => {
  it('explains a 403 on catalog reads for a user without access to lists', async () => {
    store().account.current_user_id = USER_IDS.manager1;
    try {
      const response = await stack.gql(`{ catalogs { amoId } catalogElement(catalogAmoId: ${CATALOG_IDS.products}, amoId: ${FIRST_ELEMENT_ID}) { name } }`);
      expect(response.errors?.length).toBeGreaterThan(0);
      for (const error of response.errors ?? []) {
        expect(error.extensions?.code).toBe('AMOCRM_FORBIDDEN');
        expect(error.extensions?.limitation).toContain('access to lists');
      }
    } finally {
      store().account.current_user_id = USER_IDS.admin;
    }
    expect(dataOf<any>(await stack.gql(`{ catalogs { amoId } }`)).catalogs.length).toBeGreaterThan(0);
  });
});

describe('catalog link events', () => {
  it('shows linking and unlinking an element as entity_linked / entity_unlinked in the events query', async () => {
    const lead = store().leads.values().filter((row) => !row.is_deleted)[5]!;
    const elementId = FIRST_ELEMENT_ID + 11;
    const input = [{ entity: 'LEADS', entityAmoId: lead.id, catalogAmoId: CATALOG_IDS.products, elementAmoId: elementId, quantity: 1 }];
    expect(dataOf<any>(await stack.gql(`mutation ($input: [CatalogElementLinkInput!]!) { linkCatalogElements(input: $input) { succeededCount } }`, { input })).linkCatalogElements.succeededCount).toBe(1);
    expect(dataOf<any>(await stack.gql(`mutation ($input: [CatalogElementLinkInput!]!) { unlinkCatalogElements(input: $input) { succeededCount } }`, { input })).unlinkCatalogElements.succeededCount).toBe(1);
    const data = dataOf<any>(
      await stack.gql(
        `query ($id: Int!) { events(first: 10, filter: { entityTypes: [LEAD], entityAmoIds: [$id], types: ["entity_linked", "entity_unlinked"] }) { nodes { type entityAmoId valueBefore { ... on EventLinkValue { entityType entityAmoId } } valueAfter { ... on EventLinkValue { entityType entityAmoId } } } } }`,
        { id: lead.id },
      ),
    );
    const value = [{ entityType: 'catalog_element', entityAmoId: elementId }];
    expect(data.events.nodes).toEqual([
      { type: 'entity_unlinked', entityAmoId: lead.id, valueBefore: value, valueAfter: [] },
      { type: 'entity_linked', entityAmoId: lead.id, valueBefore: [], valueAfter: value },
    ]);
  });
});
