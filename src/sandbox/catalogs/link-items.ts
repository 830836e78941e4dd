// Link items whose target is a catalog element (§3.8): `to_entity_type: catalog_elements` with
// `metadata.catalog_id` (required: element ids are read within a catalog), `quantity` (a positive
// number, default 1) and `price_id`. The element must exist in that catalog and not be deleted.

import { fieldTable } from '../field-owners.js';
import type { SandboxStore } from '../store.js';
import { isLive } from '../writes/env.js';
import { isRecord, type Issues } from '../writes/issues.js';
import { has, readId } from '../writes/scalars.js';
import { liveCustomer } from '../customers/links.js';
import type { CatalogLinkRecord, CatalogLinkSource } from './store.js';

export const isCatalogLinkItem = (raw: unknown): boolean => isRecord(raw) && raw.to_entity_type === 'catalog_elements';

export function readCatalogLinkItem(store: SandboxStore, type: CatalogLinkSource, raw: Record<string, unknown>, issues: Issues, fromId?: number): CatalogLinkRecord | undefined {
  const before = issues.count;
  const entityId = fromId ?? readId(raw, 'entity_id', issues);
  if (fromId === undefined && !has(raw, 'entity_id')) issues.add('NotBlank', 'entity_id', 'entity_id is required');
  const elementId = readId(raw, 'to_entity_id', issues);
  if (!has(raw, 'to_entity_id')) issues.add('NotBlank', 'to_entity_id', 'to_entity_id is required');
  const metadata = isRecord(raw.metadata) ? raw.metadata : {};
  const meta = issues.under('metadata');
  const catalogId = readId(metadata, 'catalog_id', meta);
  if (!has(metadata, 'catalog_id')) meta.add('NotBlank', 'catalog_id', 'catalog_id is required for catalog elements');
  const quantity = metadata.quantity ?? 1;
  if (typeof quantity !== 'number' || !Number.isFinite(quantity) || quantity <= 0) meta.add('InvalidType', 'quantity', 'quantity must be a positive number');
  const priceId = has(metadata, 'price_id') ? readId(metadata, 'price_id', meta, { nullable: true }) : null;

  if (typeof entityId === 'number' && !(type === 'customers' ? liveCustomer(store, entityId) : isLive(store, type, entityId))) issues.add('NotSupportedChoice', 'entity_id', `no ${type} entity ${entityId}`);
  const element = typeof elementId === 'number' ? store.catalogs.elements.get(elementId) : undefined;
  if (typeof elementId === 'number' && typeof catalogId === 'number' && (!element || element.is_deleted || element.catalog_id !== catalogId)) {
    issues.add('NotSupportedChoice', 'to_entity_id', `no element ${elementId} in catalog ${catalogId}`);
  }
  // price_id names one of the catalog's price fields (PRICE, SPECIAL_PRICE_n) the quantity is priced by.
  if (typeof priceId === 'number' && typeof catalogId === 'number' && fieldTable(store, `catalogs/${catalogId}`)?.get(priceId)?.type !== 'price') {
    meta.add('NotSupportedChoice', 'price_id', `catalog ${catalogId} has no price field ${priceId}`);
  }
  if (issues.count > before || typeof entityId !== 'number' || typeof elementId !== 'number' || typeof catalogId !== 'number') return undefined;
  return { entity_type: type, entity_id: entityId, element_id: elementId, catalog_id: catalogId, quantity: quantity as number, price_id: typeof priceId === 'number' ? priceId : null };
}

export function renderCatalogLink(link: CatalogLinkRecord) {
  return {
    entity_id: link.entity_id,
    entity_type: link.entity_type,
    to_entity_id: link.element_id,
    to_entity_type: 'catalog_elements',
    metadata: { catalog_id: link.catalog_id, quantity: link.quantity, price_id: link.price_id },
  };
}
