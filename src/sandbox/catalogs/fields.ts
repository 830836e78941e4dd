// Field definitions of the seeded catalogs. The products and invoices catalogs come with amoCRM's
// predefined fields (addressed by code); the regular list has fields an account would add.
// Fixed ids and enum ids, no PRNG, so no other seeded value moves.

import type { SandboxStore } from '../store.js';
import { fieldTable } from '../field-owners.js';
import { seededField, type FieldSpec } from '../seed/custom-fields.js';
import { CATALOG_IDS } from './seed.js';

export const CATALOG_FIELD_IDS = {
  products: { sku: 555_001, price: 555_002, description: 555_003, group: 555_004, externalId: 555_005, unit: 555_006, specialPrice: 555_007 },
  invoices: { status: 555_101, items: 555_102, price: 555_103, paidAt: 555_104, payer: 555_105 },
  regular: { monthlyPrice: 555_201, features: 555_202 },
} as const;

const FIRST_ENUM_ID = 720_001;

const SPECS: Record<keyof typeof CATALOG_FIELD_IDS, FieldSpec[]> = {
  products: [
    { id: CATALOG_FIELD_IDS.products.sku, name: 'Артикул', type: 'text', code: 'SKU', predefined: true },
    { id: CATALOG_FIELD_IDS.products.price, name: 'Цена', type: 'price', code: 'PRICE', predefined: true },
    { id: CATALOG_FIELD_IDS.products.description, name: 'Описание', type: 'textarea', code: 'DESCRIPTION', predefined: true },
    { id: CATALOG_FIELD_IDS.products.group, name: 'Группа', type: 'category', code: 'GROUP', predefined: true, enums: ['Лицензии', 'Услуги', 'Оборудование'] },
    { id: CATALOG_FIELD_IDS.products.externalId, name: 'Внешний ID', type: 'text', code: 'EXTERNAL_ID', predefined: true },
    { id: CATALOG_FIELD_IDS.products.unit, name: 'Единица измерения', type: 'select', code: 'UNIT', predefined: true, enums: ['шт.', 'час', 'мес.'] },
    { id: CATALOG_FIELD_IDS.products.specialPrice, name: 'Цена для партнёров', type: 'price', code: 'SPECIAL_PRICE_1' },
  ],
  invoices: [
    { id: CATALOG_FIELD_IDS.invoices.status, name: 'Статус', type: 'select', code: 'BILL_STATUS', predefined: true, enums: ['Создан', 'Оплачен', 'Частично оплачен', 'Отменён'] },
    { id: CATALOG_FIELD_IDS.invoices.items, name: 'Позиции', type: 'items', code: 'ITEMS', predefined: true },
    { id: CATALOG_FIELD_IDS.invoices.price, name: 'Итоговая сумма', type: 'numeric', code: 'BILL_PRICE', predefined: true },
    { id: CATALOG_FIELD_IDS.invoices.paidAt, name: 'Дата оплаты', type: 'date', code: 'BILL_PAYMENT_DATE', predefined: true },
    { id: CATALOG_FIELD_IDS.invoices.payer, name: 'Плательщик', type: 'payer', code: 'PAYER', predefined: true },
  ],
  regular: [
    { id: CATALOG_FIELD_IDS.regular.monthlyPrice, name: 'Стоимость в месяц', type: 'numeric' },
    { id: CATALOG_FIELD_IDS.regular.features, name: 'Возможности', type: 'multiselect', enums: ['Воронки', 'Телефония', 'API', 'Поддержка 24/7'] },
  ],
};

export function seedCatalogFields(store: SandboxStore): void {
  let nextEnumId = FIRST_ENUM_ID;
  for (const kind of ['products', 'invoices', 'regular'] as const) {
    const table = fieldTable(store, `catalogs/${CATALOG_IDS[kind]}`)!;
    SPECS[kind].forEach((spec, index) => table.put(seededField(spec, index, () => nextEnumId++)));
  }
}
