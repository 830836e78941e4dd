// Catalogs (amoCRM's "lists"), their elements and the links of elements to leads, contacts and
// companies. Kept apart from the entity link index: these links carry quantity and price_id, and
// an element may be linked to many entities of each type.

import type { EntityType, StoredFieldValues } from '../records.js';

/** What links to catalog elements: leads, contacts, companies and customers (§3.8). */
export type CatalogLinkSource = EntityType | 'customers';
import { createTable, type Table } from '../table.js';

export type CatalogType = 'regular' | 'invoices' | 'products';

export interface CatalogRecord {
  id: number;
  name: string;
  type: CatalogType;
  sort: number;
  created_by: number;
  updated_by: number;
  created_at: number;
  updated_at: number;
  can_add_elements: boolean;
  can_show_in_cards: boolean;
  can_link_multiple: boolean;
  can_be_deleted: boolean;
  sdk_widget_code: string | null;
}

export interface CatalogElementRecord {
  id: number;
  catalog_id: number;
  name: string;
  created_by: number;
  updated_by: number;
  created_at: number;
  updated_at: number;
  is_deleted: boolean;
  /** Against the catalog's definitions; absent on rows written before values were modelled. */
  custom_fields_values?: StoredFieldValues[];
}

export interface CatalogLinkRecord {
  entity_type: CatalogLinkSource;
  entity_id: number;
  element_id: number;
  catalog_id: number;
  quantity: number;
  price_id: number | null;
}

export interface CatalogStore {
  catalogs: Table<CatalogRecord>;
  /** One id space for every catalog's elements, as in amoCRM. */
  elements: Table<CatalogElementRecord>;
  /** The account's products switch (`/api/v4/catalogs/products/settings`); on in the seed, which has a products catalog. */
  products_settings: { is_enabled: boolean };
  /** Links an element to an entity (replacing quantity and price on a repeat). */
  link(link: CatalogLinkRecord): void;
  unlink(entity: { type: CatalogLinkSource; id: number }, elementId: number): boolean;
  /** An entity's element links, ascending element id. */
  linksOf(entity: { type: CatalogLinkSource; id: number }): CatalogLinkRecord[];
  /** An element's links to entities of `type`, ascending entity id. */
  linksTo(elementId: number, type: CatalogLinkSource): CatalogLinkRecord[];
}

const key = (type: CatalogLinkSource, id: number, elementId: number) => `${type}:${id}:${elementId}`;

export function createCatalogStore(): CatalogStore {
  const links = new Map<string, CatalogLinkRecord>();
  const all = () => [...links.values()];
  return {
    catalogs: createTable([], { firstId: 1001 }),
    elements: createTable([], { firstId: 900_001 }),
    products_settings: { is_enabled: true },
    link(record) {
      links.set(key(record.entity_type, record.entity_id, record.element_id), record);
    },
    unlink(entity, elementId) {
      return links.delete(key(entity.type, entity.id, elementId));
    },
    linksOf(entity) {
      return all()
        .filter((link) => link.entity_type === entity.type && link.entity_id === entity.id)
        .sort((a, b) => a.element_id - b.element_id);
    },
    linksTo(elementId, type) {
      return all()
        .filter((link) => link.element_id === elementId && link.entity_type === type)
        .sort((a, b) => a.entity_id - b.entity_id);
    },
  };
}
