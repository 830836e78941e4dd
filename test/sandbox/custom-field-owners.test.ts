// Field definitions of customers and of each catalog, served like the entity types' ones.

import { describe, expect, it } from 'vitest';
import { CATALOG_FIELD_IDS } from '../../src/sandbox/catalogs/fields.js';
import { CATALOG_IDS } from '../../src/sandbox/catalogs/seed.js';
import { FIELD_IDS } from '../../src/sandbox/index.js';
import { useSandbox } from './helpers.js';

const running = useSandbox();

describe('custom fields of customers and catalogs', () => {
  it('lists the customers fields with entity_type customers', async () => {
    const { status, body } = await running().api('/api/v4/customers/custom_fields');
    expect(status).toBe(200);
    const fields = body._embedded.custom_fields;
    expect(fields.map((field: any) => field.id).sort()).toEqual(Object.values(FIELD_IDS.customers).sort());
    expect(fields.every((field: any) => field.entity_type === 'customers' && !('catalog_id' in field))).toBe(true);
    const one = await running().api(`/api/v4/customers/custom_fields/${FIELD_IDS.customers.loyaltyLevel}`);
    expect(one.body).toMatchObject({ type: 'select', enums: [{ value: 'Базовый' }, { value: 'Серебряный' }, { value: 'Золотой' }] });
  });

  it("lists one catalog's fields, with its id, and nothing of another catalog", async () => {
    const { body } = await running().api(`/api/v4/catalogs/${CATALOG_IDS.products}/custom_fields?filter[type][]=price`);
    expect(body._embedded.custom_fields.map((field: any) => [field.id, field.code, field.entity_type, field.catalog_id])).toEqual([
      [CATALOG_FIELD_IDS.products.price, 'PRICE', 'catalogs', CATALOG_IDS.products],
      [CATALOG_FIELD_IDS.products.specialPrice, 'SPECIAL_PRICE_1', 'catalogs', CATALOG_IDS.products],
    ]);
    expect(body._links.self.href).toContain(`/api/v4/catalogs/${CATALOG_IDS.products}/custom_fields`);
    const foreign = await running().api(`/api/v4/catalogs/${CATALOG_IDS.regular}/custom_fields/${CATALOG_FIELD_IDS.products.sku}`);
    expect(foreign.status).toBe(204);
    const own = await running().api(`/api/v4/catalogs/${CATALOG_IDS.regular}/custom_fields/${CATALOG_FIELD_IDS.regular.features}`);
    expect(own.body).toMatchObject({ name: 'Возможности', catalog_id: CATALOG_IDS.regular });
  });

  it('reads an unknown catalog as empty and refuses a malformed id', async () => {
    expect((await running().api('/api/v4/catalogs/999999/custom_fields')).status).toBe(204);
    expect((await running().api('/api/v4/catalogs/abc/custom_fields')).status).toBe(400);
  });
});
