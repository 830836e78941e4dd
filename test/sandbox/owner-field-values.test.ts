// Custom field values of customers and catalog elements: seeded, rendered against their owner's
// definitions, and written (created, replaced, cleared) with amoCRM's validation errors.

import { describe, expect, it } from 'vitest';
import { CATALOG_FIELD_IDS } from '../../src/sandbox/catalogs/fields.js';
import { CATALOG_IDS, FIRST_ELEMENT_ID } from '../../src/sandbox/catalogs/seed.js';
import { FIRST_CUSTOMER_ID } from '../../src/sandbox/customers/records.js';
import { fieldTable } from '../../src/sandbox/field-owners.js';
import { FIELD_IDS } from '../../src/sandbox/index.js';
import { useSandbox } from './helpers.js';

const running = useSandbox();
const store = () => running().sandbox.store;
const products = `/api/v4/catalogs/${CATALOG_IDS.products}/elements`;
const invoices = `/api/v4/catalogs/${CATALOG_IDS.invoices}/elements`;
const P = CATALOG_FIELD_IDS.products;
const I = CATALOG_FIELD_IDS.invoices;

describe('custom field values of catalog elements', () => {
  it('renders SKU, price, group and unit on every seeded product, with names, codes and types', async () => {
    const { status, body } = await running().api(`${products}?limit=250`);
    expect(status).toBe(200);
    const elements = body._embedded.elements;
    expect(elements.length).toBe(120);
    for (const element of elements) {
      const codes = element.custom_fields_values.map((value: any) => value.field_code);
      expect(codes).toEqual(expect.arrayContaining(['SKU', 'PRICE', 'GROUP', 'UNIT']));
    }
    const first = elements.find((element: any) => element.id === FIRST_ELEMENT_ID);
    expect(first.custom_fields_values).toEqual([
      { field_id: P.sku, field_name: 'Артикул', field_code: 'SKU', field_type: 'text', values: [{ value: 'SKU-0001' }] },
      { field_id: P.price, field_name: 'Цена', field_code: 'PRICE', field_type: 'price', values: [{ value: 1750 }] },
      { field_id: P.group, field_name: 'Группа', field_code: 'GROUP', field_type: 'category', values: [{ value: 'Услуги', enum_id: expect.any(Number), enum_code: null }] },
      { field_id: P.unit, field_name: 'Единица измерения', field_code: 'UNIT', field_type: 'select', values: [{ value: 'час', enum_id: expect.any(Number), enum_code: null }] },
    ]);
  });

  it('renders invoice status, lines (items) and payer in amoCRM value shapes', async () => {
    const { body } = await running().api(`${invoices}?limit=250`);
    const invoice = body._embedded.elements[0];
    const byCode = Object.fromEntries(invoice.custom_fields_values.map((value: any) => [value.field_code, value]));
    expect(byCode.BILL_STATUS.values[0]).toMatchObject({ value: 'Создан' });
    expect(byCode.ITEMS.field_type).toBe('items');
    expect(byCode.ITEMS.values).toHaveLength(2);
    expect(byCode.ITEMS.values[1].value).toMatchObject({ sku: 'SKU-0002', quantity: 2, discount: { type: 'percentage', value: 10 }, total_sum: expect.any(Number) });
    expect(byCode.PAYER.values[0].value).toMatchObject({ type: 'legal', entity_type: 'companies', entity_id: expect.any(Number), name: expect.any(String) });
    const total = byCode.ITEMS.values.reduce((sum: number, line: any) => sum + line.value.total_sum, 0);
    expect(Number(byCode.BILL_PRICE.values[0].value)).toBe(total);
  });

  it('writes values on create by id or code, computes an invoice line total, and reads them back', async () => {
    const created = await running().api(invoices, {
      method: 'POST',
      body: [
        {
          name: 'Счёт API',
          request_id: 'inv',
          custom_fields_values: [
            { field_code: 'bill_status', values: [{ value: 'Оплачен' }] },
            { field_id: I.items, values: [{ value: { sku: 'X-1', unit_price: 100, quantity: 3, discount: { type: 'amount', value: 50 }, total_sum: 1 } }] },
            { field_code: 'PAYER', values: [{ value: { name: 'ООО Ромашка', type: 'legal', vat_id: '7700000000', junk: 'dropped' } }] },
          ],
        },
      ],
    });
    expect(created.status).toBe(200);
    const element = created.body._embedded.elements[0];
    expect(element.request_id).toBe('inv');
    const values = Object.fromEntries(element.custom_fields_values.map((value: any) => [value.field_code, value.values]));
    expect(values.BILL_STATUS).toEqual([{ value: 'Оплачен', enum_id: expect.any(Number), enum_code: null }]);
    // total_sum is amoCRM's to compute: what the client sent is ignored.
    expect(values.ITEMS[0].value).toMatchObject({ sku: 'X-1', unit_price: 100, quantity: 3, total_sum: 250, is_total_sum_recalculated: false });
    expect(values.PAYER).toEqual([{ value: { name: 'ООО Ромашка', type: 'legal', vat_id: '7700000000' } }]);
    const stored = store().catalogs.elements.get(element.id)!;
    expect(stored.custom_fields_values!.map((value) => value.field_id)).toEqual([I.status, I.items, I.payer]);
    const read = await running().api(`${invoices}/${element.id}`);
    expect(read.body.custom_fields_values).toEqual(element.custom_fields_values);
  });

  it('replaces and clears on update, keeping fields not named', async () => {
    const id = FIRST_ELEMENT_ID + 5;
    const response = await running().api(products, {
      method: 'PATCH',
      body: [{ id, custom_fields_values: [{ field_code: 'PRICE', values: [{ value: '2500.5' }] }, { field_code: 'UNIT', values: null }] }],
    });
    expect(response.status).toBe(200);
    const row = store().catalogs.elements.get(id)!;
    const byId = new Map(row.custom_fields_values!.map((value) => [value.field_id, value.values]));
    expect(byId.get(P.price)).toEqual([{ value: 2500.5 }]);
    expect(byId.has(P.unit)).toBe(false);
    expect(byId.get(P.sku)).toEqual([{ value: 'SKU-0006' }]);
  });

  it("refuses another owner's field, a bad price, a malformed line and a supplier without id: 400 per item, nothing written", async () => {
    const before = store().catalogs.elements.size;
    const response = await running().api(invoices, {
      method: 'POST',
      body: [
        { name: 'ok', custom_fields_values: [{ field_id: I.price, values: [{ value: 10 }] }] },
        {
          name: 'bad',
          request_id: 'bad',
          custom_fields_values: [
            { field_id: P.sku, values: [{ value: 'x' }] },
            { field_id: I.price, values: [{ value: 'ten' }] },
            { field_id: I.items, values: [{ value: { sku: 'x', quantity: 'two' } }] },
            { field_id: I.payer, values: [{ value: 'ООО' }] },
            { field_id: I.status, values: [{ value: 'Потерян' }] },
          ],
        },
      ],
    });
    expect(response.status).toBe(400);
    const errors = response.body['validation-errors'];
    expect(errors.map((item: any) => item.request_id)).toEqual(['bad']);
    expect(errors[0].errors.map((error: any) => [error.code, error.path])).toEqual([
      ['NotSupportedChoice', 'custom_fields_values.0.field_id'],
      ['InvalidType', 'custom_fields_values.1.values.0.value'],
      ['InvalidType', 'custom_fields_values.2.values.0.value.quantity'],
      ['NotBlank', 'custom_fields_values.2.values.0.value.unit_price'],
      ['InvalidType', 'custom_fields_values.3.values.0.value'],
      ['NotSupportedChoice', 'custom_fields_values.4.values.0.value'],
    ]);
    expect(store().catalogs.elements.size).toBe(before);
  });
});

describe('supplier and file values', () => {
  it('keeps a supplier by entity_id and a Drive file by file_uuid, refusing either without its id', async () => {
    const table = fieldTable(store(), `catalogs/${CATALOG_IDS.regular}`)!;
    const base = { code: null, sort: 900, is_api_only: false, is_predefined: false, is_deletable: true, group_id: null, required_statuses: [], enums: null, remind: null, currency: null };
    table.put({ ...base, id: 555_290, name: 'Поставщик', type: 'supplier' });
    table.put({ ...base, id: 555_291, name: 'Договор', type: 'file' });
    const path = `/api/v4/catalogs/${CATALOG_IDS.regular}/elements`;
    const ok = await running().api(path, {
      method: 'POST',
      body: [{ name: 'С файлом', custom_fields_values: [{ field_id: 555_290, values: [{ value: { entity_id: 42, name: 'ООО Поставка' } }] }, { field_id: 555_291, values: [{ value: { file_uuid: 'f-1', file_name: 'contract.pdf', file_size: 1024 } }] }] }],
    });
    expect(ok.status).toBe(200);
    expect(ok.body._embedded.elements[0].custom_fields_values.map((value: any) => [value.field_type, value.values])).toEqual([
      ['supplier', [{ value: { entity_id: 42, name: 'ООО Поставка' } }]],
      ['file', [{ value: { file_uuid: 'f-1', file_name: 'contract.pdf', file_size: 1024 } }]],
    ]);
    const bad = await running().api(path, { method: 'POST', body: [{ name: 'x', custom_fields_values: [{ field_id: 555_290, values: [{ value: { name: 'без id' } }] }, { field_id: 555_291, values: [{ value: {} }] }] }] });
    expect(bad.body['validation-errors'][0].errors.map((error: any) => error.path)).toEqual(['custom_fields_values.0.values.0.value.entity_id', 'custom_fields_values.1.values.0.value.file_uuid']);
  });
});

describe('price_id on catalog links', () => {
  it("takes one of the catalog's price fields and refuses any other field", async () => {
    const lead = store().leads.values().filter((row) => !row.is_deleted)[0]!;
    const item = (priceId: number) => ({ entity_id: lead.id, to_entity_id: FIRST_ELEMENT_ID + 3, to_entity_type: 'catalog_elements', metadata: { catalog_id: CATALOG_IDS.products, quantity: 2, price_id: priceId } });
    const refused = await running().api('/api/v4/leads/link', { method: 'POST', body: [item(P.sku)] });
    expect(refused.status).toBe(400);
    expect(refused.body['validation-errors'][0].errors).toEqual([expect.objectContaining({ code: 'NotSupportedChoice', path: 'metadata.price_id' })]);
    const linked = await running().api('/api/v4/leads/link', { method: 'POST', body: [item(P.specialPrice)] });
    expect(linked.status).toBe(200);
    expect(store().catalogs.linksOf({ type: 'leads', id: lead.id }).find((link) => link.element_id === FIRST_ELEMENT_ID + 3)?.price_id).toBe(P.specialPrice);
  });
});

describe('custom field values of customers', () => {
  it('renders seeded values on two customers in three and null on the rest', async () => {
    const { body } = await running().api(`/api/v4/customers?limit=250`);
    const customers = body._embedded.customers;
    const first = customers.find((row: any) => row.id === FIRST_CUSTOMER_ID);
    expect(first.custom_fields_values).toEqual([
      { field_id: FIELD_IDS.customers.contractNumber, field_name: 'Номер договора', field_code: null, field_type: 'text', values: [{ value: 'Д-2024-001' }] },
      { field_id: FIELD_IDS.customers.loyaltyLevel, field_name: 'Уровень лояльности', field_code: null, field_type: 'select', values: [{ value: 'Базовый', enum_id: expect.any(Number), enum_code: null }] },
      { field_id: FIELD_IDS.customers.lastOrderAt, field_name: 'Последний заказ', field_code: null, field_type: 'date_time', values: [{ value: expect.any(Number) }] },
    ]);
    expect(customers.find((row: any) => row.id === FIRST_CUSTOMER_ID + 2).custom_fields_values).toBeNull();
  });

  it('writes values on create and update, and refuses a bad option naming the item and path', async () => {
    const created = await running().api('/api/v4/customers', {
      method: 'POST',
      body: [{ name: 'С полями', custom_fields_values: [{ field_id: FIELD_IDS.customers.loyaltyLevel, values: [{ value: 'Золотой' }] }, { field_id: FIELD_IDS.customers.birthday, values: [{ value: '1990-05-08T00:00:00+03:00' }] }] }],
    });
    expect(created.status).toBe(200);
    const id = created.body._embedded.customers[0].id;
    expect(store().customers.rows.get(id)!.custom_fields_values.map((value) => value.field_id)).toEqual([FIELD_IDS.customers.loyaltyLevel, FIELD_IDS.customers.birthday]);
    const updated = await running().api('/api/v4/customers', {
      method: 'PATCH',
      body: [{ id, custom_fields_values: [{ field_id: FIELD_IDS.customers.loyaltyLevel, values: null }, { field_id: FIELD_IDS.customers.contractNumber, values: [{ value: 'Д-1' }] }] }],
    });
    expect(updated.status).toBe(200);
    const read = await running().api(`/api/v4/customers/${id}`);
    expect(read.body.custom_fields_values.map((value: any) => [value.field_id, value.values[0].value])).toEqual([
      [FIELD_IDS.customers.contractNumber, 'Д-1'],
      [FIELD_IDS.customers.birthday, Date.parse('1990-05-08T00:00:00+03:00') / 1000],
    ]);
    const refused = await running().api('/api/v4/customers', {
      method: 'PATCH',
      body: [{ id, custom_fields_values: [{ field_id: FIELD_IDS.customers.loyaltyLevel, values: [{ value: 'Платиновый' }] }, { field_id: FIELD_IDS.leads.comment, values: [{ value: 'x' }] }] }],
    });
    expect(refused.status).toBe(400);
    expect(refused.body['validation-errors'][0].errors.map((error: any) => [error.code, error.path])).toEqual([
      ['NotSupportedChoice', 'custom_fields_values.0.values.0.value'],
      ['NotSupportedChoice', 'custom_fields_values.1.field_id'],
    ]);
    expect(store().customers.rows.get(id)!.custom_fields_values.map((value) => value.field_id)).toEqual([FIELD_IDS.customers.contractNumber, FIELD_IDS.customers.birthday]);
  });
});
