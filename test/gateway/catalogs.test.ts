// Catalogs, their elements and the elements linked to leads, end to end against the sandbox's
// state, with the upstream calls that relations cost.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CATALOG_IDS, ELEMENT_COUNTS, FIRST_ELEMENT_ID } from '../../src/sandbox/catalogs/seed.js';
import { dataOf, startStack, type Stack } from '../helpers/stack.js';

let stack: Stack;

beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack.close());

const store = () => stack.sandbox.store;

describe('catalog reads', () => {
  it('lists catalogs with their types, and one type alone', async () => {
    const data = dataOf<any>(await stack.gql(`{ catalogs { amoId name type canBeDeleted } products: catalogs(type: PRODUCTS) { amoId } }`));
    expect(data.catalogs).toEqual(
      store().catalogs.catalogs.values().map((c) => ({ amoId: c.id, name: c.name, type: c.type.toUpperCase(), canBeDeleted: c.can_be_deleted })),
    );
    expect(data.products).toEqual([{ amoId: CATALOG_IDS.products }]);
  });

  it('pages a catalog’s elements with cursors and searches them', async () => {
    const query = `query ($id: Int!, $after: String, $q: String) { catalog(amoId: $id) { name elements(first: 100, after: $after, query: $q) { nodes { amoId name catalog { amoId } } pageInfo { hasNextPage endCursor } } } }`;
    const first = dataOf<any>(await stack.gql(query, { id: CATALOG_IDS.products }));
    expect(first.catalog.elements.nodes).toHaveLength(100);
    expect(first.catalog.elements.pageInfo.hasNextPage).toBe(true);
    const second = dataOf<any>(await stack.gql(query, { id: CATALOG_IDS.products, after: first.catalog.elements.pageInfo.endCursor }));
    const all = [...first.catalog.elements.nodes, ...second.catalog.elements.nodes].map((n: any) => n.amoId);
    expect(all).toEqual(store().catalogs.elements.values().filter((e) => e.catalog_id === CATALOG_IDS.products).map((e) => e.id));
    expect(all).toHaveLength(ELEMENT_COUNTS.products);
    const found = dataOf<any>(await stack.gql(query, { id: CATALOG_IDS.regular, q: 'профи' }));
    expect(found.catalog.elements.nodes.map((n: any) => n.name)).toEqual(['Тариф Профи']);
  });

  it('resolves an element by its ids and through node(id:)', async () => {
    const one = dataOf<any>(await stack.gql(`{ catalogElement(catalogAmoId: ${CATALOG_IDS.products}, amoId: ${FIRST_ELEMENT_ID}) { id name } }`));
    expect(one.catalogElement.name).toBe(store().catalogs.elements.get(FIRST_ELEMENT_ID)!.name);
    const node = dataOf<any>(await stack.gql(`query ($id: ID!) { node(id: $id) { ... on CatalogElement { amoId } } }`, { id: one.catalogElement.id }));
    expect(node.node).toEqual({ amoId: FIRST_ELEMENT_ID });
  });
});

describe('catalog elements of leads', () => {
  it('gives 100 leads their linked elements and quantities in a handful of upstream calls', async () => {
    const leadIds = store().leads.values().filter((lead) => !lead.is_deleted).slice(-100).map((lead) => lead.id);
    stack.resetLog();
    const data = dataOf<any>(
      await stack.gql(`query ($ids: [Int!]) { leads(first: 100, filter: { amoIds: $ids }) { nodes { amoId catalogElements { quantity catalogAmoId element { amoId name catalog { type } } } } } }`, {
        ids: leadIds,
      }),
    );
    const calls = stack.upstreamCalls();
    expect(data.leads.nodes).toHaveLength(100);
    for (const lead of data.leads.nodes) {
      const expected = store().catalogs.linksOf({ type: 'leads', id: lead.amoId });
      expect(lead.catalogElements.map((l: any) => [l.element.amoId, l.quantity, l.catalogAmoId])).toEqual(expected.map((l) => [l.element_id, l.quantity, l.catalog_id]));
      for (const link of lead.catalogElements) expect(link.element.name).toBe(store().catalogs.elements.get(link.element.amoId)!.name);
    }
    // The leads, their links, the elements of two catalogs, the catalog list: never one per lead.
    expect(calls.length).toBeLessThanOrEqual(6);
    expect(calls.filter((call) => call.path.includes('/links'))).toHaveLength(1);
    expect(calls.filter((call) => call.path.includes('/elements'))).toHaveLength(2);
  });
});

describe('catalog element writes', () => {
  const CREATE = `mutation ($c: Int!, $input: [CreateCatalogElementInput!]!) { createCatalogElements(catalogAmoId: $c, input: $input) { succeededCount results { index status amoId errors { path message } element { name catalog { amoId } } } } }`;
  const UPDATE = `mutation ($c: Int!, $input: [UpdateCatalogElementInput!]!) { updateCatalogElements(catalogAmoId: $c, input: $input) { succeededCount results { index status errors { path message } element { amoId name } } } }`;

  it('creates elements in a catalog and renames one, as the sandbox then holds them', async () => {
    const created = dataOf<any>(await stack.gql(CREATE, { c: CATALOG_IDS.regular, input: [{ name: 'Тариф Макс' }, { name: 'Тариф Мини' }] })).createCatalogElements;
    expect(created.succeededCount).toBe(2);
    const ids = created.results.map((r: any) => r.amoId);
    expect(ids.map((id: number) => store().catalogs.elements.get(id)?.name)).toEqual(['Тариф Макс', 'Тариф Мини']);
    expect(created.results[0].element).toEqual({ name: 'Тариф Макс', catalog: { amoId: CATALOG_IDS.regular } });

    const updated = dataOf<any>(await stack.gql(UPDATE, { c: CATALOG_IDS.regular, input: [{ amoId: ids[0], name: 'Тариф Максимум' }] })).updateCatalogElements;
    expect(updated.results[0]).toMatchObject({ status: 'SUCCEEDED', element: { amoId: ids[0], name: 'Тариф Максимум' } });
    expect(store().catalogs.elements.get(ids[0])?.name).toBe('Тариф Максимум');
  });

  it('refuses bad input and an element of another catalog, and changes nothing', async () => {
    const before = store().catalogs.elements.values().map((e) => ({ ...e }));
    stack.resetLog();
    const blank = dataOf<any>(await stack.gql(CREATE, { c: CATALOG_IDS.regular, input: [{ name: '  ' }] })).createCatalogElements;
    expect(blank.results[0]).toMatchObject({ status: 'FAILED', errors: [{ path: ['name'] }] });
    expect(stack.upstreamCalls().filter((call) => call.method !== 'GET')).toHaveLength(0);

    const foreign = dataOf<any>(await stack.gql(UPDATE, { c: CATALOG_IDS.regular, input: [{ amoId: FIRST_ELEMENT_ID, name: 'чужой' }] })).updateCatalogElements;
    expect(foreign.succeededCount).toBe(0);
    expect(foreign.results[0].status).toBe('FAILED');
    expect(foreign.results[0].errors[0].path).toEqual(['amoId']);
    expect(store().catalogs.elements.values()).toEqual(before);
  });
});

describe('catalog element links', () => {
  const LINK = `mutation ($input: [CatalogElementLinkInput!]!) { linkCatalogElements(input: $input) { succeededCount results { status errors { path message } entity { ... on Lead { amoId catalogElements { elementAmoId quantity } } } } } }`;
  const UNLINK = `mutation ($input: [CatalogElementLinkInput!]!) { unlinkCatalogElements(input: $input) { succeededCount results { status errors { path message } } } }`;

  it('puts an element on a lead with a quantity, shows it on the lead, and takes it off', async () => {
    const lead = store().leads.values().filter((row) => !row.is_deleted)[1]!;
    const input = { entity: 'LEADS', entityAmoId: lead.id, catalogAmoId: CATALOG_IDS.products, elementAmoId: FIRST_ELEMENT_ID + 5, quantity: 3 };
    const linked = dataOf<any>(await stack.gql(LINK, { input: [input] })).linkCatalogElements;
    expect(linked.results[0]).toMatchObject({ status: 'SUCCEEDED', entity: { amoId: lead.id, catalogElements: [{ elementAmoId: FIRST_ELEMENT_ID + 5, quantity: 3 }] } });
    expect(store().catalogs.linksOf({ type: 'leads', id: lead.id })).toMatchObject([{ element_id: FIRST_ELEMENT_ID + 5, quantity: 3 }]);

    const removed = dataOf<any>(await stack.gql(UNLINK, { input: [input] })).unlinkCatalogElements;
    expect(removed.succeededCount).toBe(1);
    expect(store().catalogs.linksOf({ type: 'leads', id: lead.id })).toEqual([]);
  });

  it('refuses a zero quantity and an element of another catalog, and links nothing', async () => {
    const lead = store().leads.values().filter((row) => !row.is_deleted)[2]!;
    stack.resetLog();
    const zero = dataOf<any>(await stack.gql(LINK, { input: [{ entity: 'LEADS', entityAmoId: lead.id, catalogAmoId: CATALOG_IDS.products, elementAmoId: FIRST_ELEMENT_ID, quantity: 0 }] }));
    expect(zero.linkCatalogElements.results[0]).toMatchObject({ status: 'FAILED', errors: [{ path: ['quantity'] }] });
    expect(stack.upstreamCalls().filter((call) => call.method !== 'GET')).toHaveLength(0);
    const foreign = dataOf<any>(await stack.gql(LINK, { input: [{ entity: 'LEADS', entityAmoId: lead.id, catalogAmoId: CATALOG_IDS.regular, elementAmoId: FIRST_ELEMENT_ID }] }));
    expect(foreign.linkCatalogElements.results[0]).toMatchObject({ status: 'FAILED', errors: [{ path: ['elementAmoId'] }] });
    expect(store().catalogs.linksOf({ type: 'leads', id: lead.id })).toEqual([]);
  });
});
