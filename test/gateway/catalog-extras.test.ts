// Catalog extras end to end: an element's linked leads (batched for a whole page of elements),
// catalog create/update through the graph, and the link events the audit log then shows.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CATALOG_IDS, FIRST_ELEMENT_ID } from '../../src/sandbox/catalogs/seed.js';
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
});
