// Seeded catalogs: amoCRM's products and invoices catalogs plus one regular list, with elements and
// links from live leads to products (with quantities). Fixed arithmetic, no PRNG, so the entity
// seed is untouched and tests can name ids.

import { SEED_EPOCH, USER_IDS } from '../seed/ids.js';
import type { SandboxStore } from '../store.js';
import { seedCatalogFields } from './fields.js';
import type { CatalogRecord, CatalogType } from './store.js';

export const CATALOG_IDS = { products: 1001, invoices: 1002, regular: 1003 } as const;
export const FIRST_ELEMENT_ID = 900_001;
export const ELEMENT_COUNTS = { products: 120, invoices: 6, regular: 5 } as const;
/** Live leads that get products: the N with the highest ids (older tests read the first leads bare). */
export const LEADS_WITH_PRODUCTS = 110;

function catalog(id: number, name: string, type: CatalogType, sort: number): CatalogRecord {
  return {
    id,
    name,
    type,
    sort,
    created_by: USER_IDS.admin,
    updated_by: USER_IDS.admin,
    created_at: SEED_EPOCH - 200 * 86_400,
    updated_at: SEED_EPOCH - 200 * 86_400,
    can_add_elements: true,
    can_show_in_cards: type !== 'invoices',
    can_link_multiple: type !== 'invoices',
    // The special catalogs belong to the account; only regular lists can be removed.
    can_be_deleted: type === 'regular',
    sdk_widget_code: null,
  };
}

const NAMES: Record<CatalogType, (n: number) => string> = {
  products: (n) => `Товар ${n}`,
  invoices: (n) => `Счёт №${n}`,
  regular: (n) => `Тариф ${['Старт', 'Базовый', 'Расширенный', 'Профи', 'Корпоративный'][n - 1] ?? n}`,
};

export function seedCatalogs(store: SandboxStore): void {
  const { catalogs, elements } = store.catalogs;
  catalogs.put(catalog(CATALOG_IDS.products, 'Товары', 'products', 10));
  catalogs.put(catalog(CATALOG_IDS.invoices, 'Счета-покупки', 'invoices', 20));
  catalogs.put(catalog(CATALOG_IDS.regular, 'Тарифы', 'regular', 30));
  seedCatalogFields(store);
  let id = FIRST_ELEMENT_ID;
  const byType: Record<CatalogType, number[]> = { products: [], invoices: [], regular: [] };
  for (const type of ['products', 'invoices', 'regular'] as const) {
    for (let n = 1; n <= ELEMENT_COUNTS[type]; n += 1) {
      const at = SEED_EPOCH - (150 - n) * 86_400;
      elements.put({ id, catalog_id: CATALOG_IDS[type], name: NAMES[type](n), created_by: USER_IDS.admin, updated_by: USER_IDS.admin, created_at: at, updated_at: at, is_deleted: false });
      byType[type].push(id);
      id += 1;
    }
  }
  const leads = store.leads.values().filter((lead) => !lead.is_deleted).slice(-LEADS_WITH_PRODUCTS);
  leads.forEach((lead, index) => {
    const products = byType.products;
    // Two products on every lead, and one tariff on every third.
    for (const elementId of [products[index % products.length]!, products[(index + 7) % products.length]!]) {
      store.catalogs.link({ entity_type: 'leads', entity_id: lead.id, element_id: elementId, catalog_id: CATALOG_IDS.products, quantity: 1 + (index % 4), price_id: null });
    }
    if (index % 3 === 0) {
      const tariff = byType.regular[index % byType.regular.length]!;
      store.catalogs.link({ entity_type: 'leads', entity_id: lead.id, element_id: tariff, catalog_id: CATALOG_IDS.regular, quantity: 1, price_id: null });
    }
  });
}
