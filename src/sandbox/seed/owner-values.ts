// Custom field values of customers and catalog elements, seeded after both exist: SKU, price,
// group and unit on every product, status, total, lines and payer on every invoice, a few fields
// on customers. Pure arithmetic over ids (no PRNG), so no other seeded value moves.

import { CATALOG_FIELD_IDS } from '../catalogs/fields.js';
import { CATALOG_IDS } from '../catalogs/seed.js';
import { fieldTable } from '../field-owners.js';
import type { CustomFieldRecord, FieldOwner, StoredFieldValues } from '../records.js';
import type { SandboxStore } from '../store.js';
import { FIELD_IDS, enumOf } from './custom-fields.js';
import { accountMidnight } from './values.js';

function owned(store: SandboxStore, owner: FieldOwner) {
  const table = fieldTable(store, owner)!;
  const field = (id: number): CustomFieldRecord => table.get(id)!;
  const choice = (id: number, text: string): StoredFieldValues => {
    const option = enumOf(field(id), text);
    return { field_id: id, values: [{ value: option.value, enum_id: option.id, enum_code: null }] };
  };
  return { choice };
}

const one = (field_id: number, value: unknown): StoredFieldValues => ({ field_id, values: [{ value }] });
const byField = (values: StoredFieldValues[]) => values.sort((a, b) => a.field_id - b.field_id);

export const productPrice = (n: number) => 1_000 + (n % 12) * 750;
export const productSku = (n: number) => `SKU-${String(n).padStart(4, '0')}`;

function seedProducts(store: SandboxStore): void {
  const ids = CATALOG_FIELD_IDS.products;
  const { choice } = owned(store, `catalogs/${CATALOG_IDS.products}`);
  const groups = ['Лицензии', 'Услуги', 'Оборудование'];
  const units = ['шт.', 'час', 'мес.'];
  const products = store.catalogs.elements.values().filter((row) => row.catalog_id === CATALOG_IDS.products);
  products.forEach((row, index) => {
    const n = index + 1;
    const values = [one(ids.sku, productSku(n)), one(ids.price, productPrice(n)), choice(ids.group, groups[n % 3]!), choice(ids.unit, units[n % 3]!)];
    // Every fourth product has a partner price too: a second price field a link's price_id can name.
    if (n % 4 === 0) values.push(one(ids.specialPrice, Math.round(productPrice(n) * 0.9)));
    row.custom_fields_values = byField(values);
  });
}

function seedInvoices(store: SandboxStore): void {
  const ids = CATALOG_FIELD_IDS.invoices;
  const { choice } = owned(store, `catalogs/${CATALOG_IDS.invoices}`);
  const statuses = ['Создан', 'Оплачен', 'Частично оплачен', 'Оплачен', 'Отменён', 'Создан'];
  const products = store.catalogs.elements.values().filter((row) => row.catalog_id === CATALOG_IDS.products);
  const invoices = store.catalogs.elements.values().filter((row) => row.catalog_id === CATALOG_IDS.invoices);
  const companies = store.companies.values().filter((row) => !row.is_deleted);
  invoices.forEach((row, index) => {
    const lines = [0, 1].map((k) => {
      const n = index * 2 + k + 1;
      const quantity = 1 + ((index + k) % 3);
      return {
        value: {
          sku: productSku(n),
          description: products[n - 1]!.name,
          unit_price: productPrice(n),
          quantity,
          unit_type: 'шт.',
          discount: { type: 'percentage', value: k === 0 ? 0 : 10 },
          vat_rate_id: 0,
          product_id: products[n - 1]!.id,
          is_discount_recalculated: false,
          is_total_sum_recalculated: false,
          total_sum: Math.round(productPrice(n) * quantity * (k === 0 ? 1 : 0.9) * 100) / 100,
        },
      };
    });
    const total = lines.reduce((sum, line) => sum + line.value.total_sum, 0);
    const company = companies[index % companies.length]!;
    const status = statuses[index % statuses.length]!;
    const values: StoredFieldValues[] = [
      choice(ids.status, status),
      { field_id: ids.items, values: lines },
      one(ids.price, String(total)),
      { field_id: ids.payer, values: [{ value: { name: company.name, type: 'legal', entity_type: 'companies', entity_id: company.id } }] },
    ];
    if (status === 'Оплачен') values.push(one(ids.paidAt, accountMidnight(row.created_at + 3 * 86_400)));
    row.custom_fields_values = byField(values);
  });
}

function seedCustomerValues(store: SandboxStore): void {
  const ids = FIELD_IDS.customers;
  const { choice } = owned(store, 'customers');
  const levels = ['Базовый', 'Серебряный', 'Золотой'];
  store.customers.rows.values().forEach((row, index) => {
    // Two thirds of the customers have a contract and a loyalty level; the rest stay unfilled.
    if (index % 3 === 2) return;
    const values = [one(ids.contractNumber, `Д-${2024}-${String(index + 1).padStart(3, '0')}`), choice(ids.loyaltyLevel, levels[index % 3]!)];
    if (index % 2 === 0) values.push(one(ids.lastOrderAt, row.updated_at));
    row.custom_fields_values = byField(values);
  });
}

export function seedOwnerValues(store: SandboxStore): void {
  seedProducts(store);
  seedInvoices(store);
  seedCustomerValues(store);
}
