// Typed custom fields on customers and catalog elements, end to end: reads typed as on leads with
// one definitions read for any number of rows, and writes checked against the owner's definitions
// (per-item errors, nothing sent for a bad item), as the sandbox then holds them.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CATALOG_FIELD_IDS } from '../../src/sandbox/catalogs/fields.js';
import { CATALOG_IDS, FIRST_ELEMENT_ID } from '../../src/sandbox/catalogs/seed.js';
import { FIRST_CUSTOMER_ID } from '../../src/sandbox/customers/records.js';
import { FIELD_IDS } from '../../src/sandbox/index.js';
import { dataOf, startStack, type Stack } from '../helpers/stack.js';

let stack: Stack;

beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack.close());

const store = () => stack.sandbox.store;
const writes = () => stack.upstreamCalls().filter((call) => call.method !== 'GET');
const P = CATALOG_FIELD_IDS.products;
const I = CATALOG_FIELD_IDS.invoices;

const VALUES = `fieldId fieldCode fieldName fieldType field { name }
  ... on TextCustomFieldValue { text: value }
  ... on PriceCustomFieldValue { number: value }
  ... on NumericCustomFieldValue { number: value }
  ... on SelectCustomFieldValue { option: value { value enumId } }
  ... on CategoryCustomFieldValue { option: value { value enumId } }
  ... on DateTimeCustomFieldValue { date: value }
  ... on ItemsCustomFieldValue { values { sku unitPrice quantity totalSum discount { type value } } }
  ... on PayerCustomFieldValue { values { name type entityId } }`;

describe('reading typed custom fields', () => {
  it('types 100 catalog elements’ values as on leads, with one elements read and one definitions read', async () => {
    stack.resetLog();
    const data = dataOf<any>(await stack.gql(`query ($id: Int!) { catalog(amoId: $id) { elements(first: 100) { nodes { amoId customFields { ${VALUES} } } } } }`, { id: CATALOG_IDS.products }));
    const nodes = data.catalog.elements.nodes;
    expect(nodes).toHaveLength(100);
    for (const node of nodes) {
      const stored = store().catalogs.elements.get(node.amoId)!.custom_fields_values!;
      expect(node.customFields.map((value: any) => value.fieldId)).toEqual(stored.map((value) => value.field_id));
    }
    expect(nodes[0].customFields).toEqual([
      { fieldId: P.sku, fieldCode: 'SKU', fieldName: 'Артикул', fieldType: 'TEXT', field: { name: 'Артикул' }, text: 'SKU-0001' },
      { fieldId: P.price, fieldCode: 'PRICE', fieldName: 'Цена', fieldType: 'PRICE', field: { name: 'Цена' }, number: 1750 },
      { fieldId: P.group, fieldCode: 'GROUP', fieldName: 'Группа', fieldType: 'CATEGORY', field: { name: 'Группа' }, option: { value: 'Услуги', enumId: expect.any(Number) } },
      { fieldId: P.unit, fieldCode: 'UNIT', fieldName: 'Единица измерения', fieldType: 'SELECT', field: { name: 'Единица измерения' }, option: { value: 'час', enumId: expect.any(Number) } },
    ]);
    const paths = stack.upstreamCalls().map((call) => call.path).sort();
    expect(paths.filter((path) => path.endsWith('/custom_fields'))).toEqual([`/api/v4/catalogs/${CATALOG_IDS.products}/custom_fields`]);
    expect(paths.filter((path) => path.endsWith('/elements'))).toHaveLength(1);
    expect(paths.length).toBeLessThanOrEqual(3);
  });

  it('reads invoice lines and payer as typed objects', async () => {
    const id = FIRST_ELEMENT_ID + 120;
    const data = dataOf<any>(await stack.gql(`{ catalogElement(catalogAmoId: ${CATALOG_IDS.invoices}, amoId: ${id}) { customFields(fieldCodes: ["items", "PAYER"]) { ${VALUES} } } }`));
    const [items, payer] = data.catalogElement.customFields;
    expect(items.fieldType).toBe('ITEMS');
    expect(items.values[1]).toEqual({ sku: 'SKU-0002', unitPrice: 2500, quantity: 2, totalSum: 4500, discount: { type: 'percentage', value: 10 } });
    expect(payer.values).toEqual([{ name: expect.any(String), type: 'legal', entityId: String(store().companies.values().filter((c) => !c.is_deleted)[0]!.id) }]);
  });

  it("exposes a catalog link's price_id as its price field and the element's amount in it", async () => {
    const lead = store().leads.values().filter((row) => !row.is_deleted)[1]!;
    store().catalogs.link({ entity_type: 'leads', entity_id: lead.id, element_id: FIRST_ELEMENT_ID + 3, catalog_id: CATALOG_IDS.products, quantity: 2, price_id: P.specialPrice });
    const data = dataOf<any>(await stack.gql(`{ lead(amoId: ${lead.id}) { catalogElements { elementAmoId priceId priceField { name } price } } }`));
    const special = Math.round((1_000 + 4 * 750) * 0.9);
    expect(data.lead.catalogElements).toEqual([{ elementAmoId: FIRST_ELEMENT_ID + 3, priceId: P.specialPrice, priceField: { name: 'Цена для партнёров' }, price: special }]);
    expect(store().catalogs.elements.get(FIRST_ELEMENT_ID + 3)!.custom_fields_values!.find((value) => value.field_id === P.specialPrice)!.values).toEqual([{ value: special }]);
  });

  it('types 100 customers’ values with one customers read and one definitions read', async () => {
    const data = store().customers;
    const template = data.rows.get(FIRST_CUSTOMER_ID)!;
    while (data.rows.size < 100) {
      const id = data.rows.nextId();
      data.rows.put({ ...template, id, name: `Массовый ${id}`, segment_ids: [] });
    }
    stack.resetLog();
    const result = dataOf<any>(await stack.gql(`{ customers(first: 100) { nodes { amoId customFields { ${VALUES} } } } }`));
    const nodes = result.customers.nodes;
    expect(nodes).toHaveLength(100);
    expect(nodes[0].customFields.map((value: any) => [value.fieldName, value.option?.value ?? value.text ?? value.date])).toEqual([
      ['Номер договора', 'Д-2024-001'],
      ['Уровень лояльности', 'Базовый'],
      ['Последний заказ', new Date(template.updated_at * 1000).toISOString()],
    ]);
    expect(nodes[2].customFields).toEqual([]);
    expect(nodes.filter((node: any) => node.customFields.length > 0).length).toBeGreaterThan(70);
    expect(stack.upstreamCalls().map((call) => call.path).sort()).toEqual(['/api/v4/customers', '/api/v4/customers/custom_fields']);
  });
});

describe('writing typed custom fields', () => {
  const CREATE_ELEMENTS = `mutation ($c: Int!, $input: [CreateCatalogElementInput!]!) { createCatalogElements(catalogAmoId: $c, input: $input) { succeededCount results { index status amoId errors { path message } element { customFields { ${VALUES} } } } } }`;
  const UPDATE_ELEMENTS = `mutation ($c: Int!, $input: [UpdateCatalogElementInput!]!) { updateCatalogElements(catalogAmoId: $c, input: $input) { succeededCount results { index status errors { path message } } } }`;
  const CREATE_CUSTOMERS = `mutation ($input: [CreateCustomerInput!]!) { createCustomers(input: $input) { succeededCount results { index status amoId errors { path message } customer { customFields { ${VALUES} } } } } }`;
  const UPDATE_CUSTOMERS = `mutation ($input: [UpdateCustomerInput!]!) { updateCustomers(input: $input) { succeededCount results { index status errors { path message } } } }`;

  it('creates a product and an invoice with values by code and id, as the sandbox then holds them', async () => {
    stack.resetLog();
    const product = dataOf<any>(
      await stack.gql(CREATE_ELEMENTS, {
        c: CATALOG_IDS.products,
        input: [{ name: 'Новый товар', customFields: [{ fieldCode: 'sku', text: 'NEW-1' }, { fieldCode: 'PRICE', number: 990.5 }, { fieldId: P.group, option: { value: 'услуги' } }] }],
      }),
    ).createCatalogElements;
    expect(product.succeededCount).toBe(1);
    const row = store().catalogs.elements.get(product.results[0].amoId)!;
    expect(row.custom_fields_values!.map((value) => [value.field_id, value.values[0]!.value])).toEqual([
      [P.sku, 'NEW-1'],
      [P.price, 990.5],
      [P.group, 'Услуги'],
    ]);
    expect(writes()).toHaveLength(1);
    const invoice = dataOf<any>(
      await stack.gql(CREATE_ELEMENTS, {
        c: CATALOG_IDS.invoices,
        input: [
          {
            name: 'Счёт из GraphQL',
            customFields: [
              { fieldCode: 'BILL_STATUS', option: { value: 'Создан' } },
              { fieldCode: 'ITEMS', items: [{ sku: 'NEW-1', unitPrice: 990.5, quantity: 2, productId: row.id, discount: { type: 'amount', value: 81 } }] },
              { fieldCode: 'PAYER', payer: { name: 'ИП Иванов', type: 'individual' } },
            ],
          },
        ],
      }),
    ).createCatalogElements;
    expect(invoice.results[0].status).toBe('SUCCEEDED');
    const lines = invoice.results[0].element.customFields.find((value: any) => value.fieldCode === 'ITEMS');
    expect(lines.values).toEqual([{ sku: 'NEW-1', unitPrice: 990.5, quantity: 2, totalSum: 1900, discount: { type: 'amount', value: 81 } }]);
    const stored = store().catalogs.elements.get(invoice.results[0].amoId)!.custom_fields_values!;
    expect(stored.find((value) => value.field_id === I.payer)!.values).toEqual([{ value: { name: 'ИП Иванов', type: 'individual' } }]);
  });

  it('refuses a field of another owner, a wrong value kind and an unknown option per item, sending only the good item', async () => {
    stack.resetLog();
    const before = store().catalogs.elements.get(FIRST_ELEMENT_ID)!.custom_fields_values;
    const result = dataOf<any>(
      await stack.gql(UPDATE_ELEMENTS, {
        c: CATALOG_IDS.products,
        input: [
          { amoId: FIRST_ELEMENT_ID, customFields: [{ fieldId: I.price, number: 1 }] },
          { amoId: FIRST_ELEMENT_ID + 1, customFields: [{ fieldCode: 'PRICE', text: 'дорого' }, { fieldCode: 'UNIT', option: { value: 'тонна' } }] },
          { amoId: FIRST_ELEMENT_ID + 2, customFields: [{ fieldCode: 'PRICE', number: 4321 }, { fieldCode: 'UNIT', clear: true }] },
        ],
      }),
    ).updateCatalogElements;
    expect(result.results.map((r: any) => r.status)).toEqual(['FAILED', 'FAILED', 'SUCCEEDED']);
    expect(result.results[0].errors[0].path).toEqual(['customFields', '0', 'fieldId']);
    expect(result.results[1].errors.map((e: any) => e.path)).toEqual([['customFields', '0', 'text'], ['customFields', '1', 'option']]);
    expect(store().catalogs.elements.get(FIRST_ELEMENT_ID)!.custom_fields_values).toEqual(before);
    const third = new Map(store().catalogs.elements.get(FIRST_ELEMENT_ID + 2)!.custom_fields_values!.map((value) => [value.field_id, value.values]));
    expect(third.get(P.price)).toEqual([{ value: 4321 }]);
    expect(third.has(P.unit)).toBe(false);
    expect(writes()).toHaveLength(1);
  });

  it('creates and updates customers with custom fields, refusing a bad one per item', async () => {
    stack.resetLog();
    const created = dataOf<any>(
      await stack.gql(CREATE_CUSTOMERS, {
        input: [
          { name: 'Покупатель с полями', customFields: [{ fieldId: FIELD_IDS.customers.loyaltyLevel, option: { value: 'Золотой' } }, { fieldId: FIELD_IDS.customers.contractNumber, text: 'Д-77' }] },
          { name: 'Плохой', customFields: [{ fieldId: FIELD_IDS.leads.comment, text: 'x' }] },
        ],
      }),
    ).createCustomers;
    expect(created.results.map((r: any) => r.status)).toEqual(['SUCCEEDED', 'FAILED']);
    expect(created.results[1].errors[0]).toMatchObject({ path: ['customFields', '0', 'fieldId'] });
    const id = created.results[0].amoId;
    expect(created.results[0].customer.customFields.map((value: any) => value.option?.value ?? value.text ?? value.date)).toEqual(['Д-77', 'Золотой']);
    const updated = dataOf<any>(await stack.gql(UPDATE_CUSTOMERS, { input: [{ amoId: id, customFields: [{ fieldId: FIELD_IDS.customers.loyaltyLevel, clear: true }] }] })).updateCustomers;
    expect(updated.succeededCount).toBe(1);
    expect(store().customers.rows.get(id)!.custom_fields_values).toEqual([{ field_id: FIELD_IDS.customers.contractNumber, values: [{ value: 'Д-77' }] }]);
    expect(writes()).toHaveLength(2);
    // The customers' definitions were read once for both mutations (cached per account).
    expect(stack.upstreamCalls().filter((call) => call.path === '/api/v4/customers/custom_fields').length).toBeLessThanOrEqual(1);
  });
});
