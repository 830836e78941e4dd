// Catalogs, catalog elements and the elements linked to leads, contacts and companies. Elements
// are loaded per catalog with one `filter[id][]` call per 250 ids; links for every entity of a
// response come from one mass `/links` read per 250 entities, never one call per entity. The
// other direction (an element's leads) has no mass read in amoCRM: see loadElementLinks.

import type { AmoClient } from '../rest/client.js';
import { collect } from '../rest/paginate.js';
import type { Catalog, CatalogElement, CatalogType } from '../rest/resources/catalogs.js';
import type { Company, Contact, EntityType, Lead } from '../rest/types.js';
import { COMPANY_WITH, CONTACT_WITH, ID_BATCH_SIZE, LEAD_WITH } from './entities.js';
import { fetchWindow, type ListWindow } from './list-window.js';

function chunks<T>(items: readonly T[], size = ID_BATCH_SIZE): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** `catalogId:elementId`: an element's id is only meaningful within its catalog's URL. */
export const elementKey = (catalogId: number, id: number) => `${catalogId}:${id}`;

export interface CatalogElementLink {
  entity_type: EntityType;
  entity_id: number;
  catalog_id: number;
  element_id: number;
  quantity: number;
  price_id: number | null;
}

/** Every catalog of the account (a short, counted list), optionally of one type. */
export async function listCatalogs(client: AmoClient, type?: CatalogType): Promise<Catalog[]> {
  return collect(client.catalogs.iterate({ type }));
}

/** Catalogs by id: one read of the whole (short) list serves any number of ids. */
export async function loadCatalogs(client: AmoClient, ids: readonly number[]): Promise<(Catalog | null)[]> {
  const all = new Map((await listCatalogs(client)).map((catalog) => [catalog.id, catalog]));
  return ids.map((id) => all.get(id) ?? null);
}

/** Elements by `catalogId:id` key, grouped into one filtered read per catalog (and 250 ids). */
export async function loadCatalogElements(client: AmoClient, keys: readonly string[]): Promise<(CatalogElement | null)[]> {
  const byCatalog = new Map<number, number[]>();
  for (const key of keys) {
    const [catalogId, id] = key.split(':').map(Number) as [number, number];
    byCatalog.set(catalogId, [...(byCatalog.get(catalogId) ?? []), id]);
  }
  const found = new Map<string, CatalogElement>();
  await Promise.all(
    [...byCatalog].flatMap(([catalogId, ids]) =>
      chunks([...new Set(ids)]).map(async (part) => {
        const page = await client.catalogs.listElements(catalogId, { filter: { id: part }, limit: ID_BATCH_SIZE });
        for (const element of page.items) found.set(elementKey(element.catalog_id ?? catalogId, element.id), element);
      }),
    ),
  );
  return keys.map((key) => found.get(key) ?? null);
}

/** One window of a catalog's elements, with amoCRM's search and id filter. */
export function listCatalogElements(client: AmoClient, catalogId: number, request: { window: ListWindow; query?: string; ids?: readonly number[] }) {
  return fetchWindow(
    (page, limit) => client.catalogs.listElements(catalogId, { page, limit, query: request.query, filter: request.ids ? { id: request.ids } : undefined }),
    request.window,
  );
}

/** Each entity's catalog element links (quantity, catalog), in the order `ids` came. */
export async function loadCatalogLinksOf(client: AmoClient, entity: EntityType, ids: readonly number[]): Promise<CatalogElementLink[][]> {
  const rows = (await Promise.all(chunks(ids).map((part) => collect(client.links.iterateMany(entity, part))))).flat();
  const byEntity = new Map<number, CatalogElementLink[]>();
  for (const link of rows) {
    if (link.to_entity_type !== 'catalog_elements' || link.entity_id == null || !link.metadata?.catalog_id) continue;
    const row: CatalogElementLink = {
      entity_type: entity,
      entity_id: link.entity_id,
      catalog_id: link.metadata.catalog_id,
      element_id: link.to_entity_id,
      quantity: link.metadata.quantity ?? 1,
      price_id: link.metadata.price_id ?? null,
    };
    byEntity.set(row.entity_id, [...(byEntity.get(row.entity_id) ?? []), row]);
  }
  return ids.map((id) => byEntity.get(id) ?? []);
}

/** An entity a catalog element is linked to, as the whole row, with the link's metadata. */
export interface ElementEntityLink {
  entity_type: EntityType;
  row: Lead | Contact | Company;
  quantity: number;
  price_id: number | null;
}

/** Every live entity of a type with `_embedded.catalog_elements`, plus the graph's own expansions. */
function scanWithElements(client: AmoClient, entity: EntityType): Promise<(Lead | Contact | Company)[]> {
  const limit = ID_BATCH_SIZE;
  if (entity === 'leads') return collect(client.leads.iterate({ with: [...LEAD_WITH, 'catalog_elements'], limit }));
  if (entity === 'contacts') return collect(client.contacts.iterate({ with: [...CONTACT_WITH, 'catalog_elements'], limit }));
  return collect(client.companies.iterate({ with: [...COMPANY_WITH, 'catalog_elements'], limit }));
}

/**
 * The leads (contacts, companies) each element (`catalogId:id` key) is linked to. amoCRM reads
 * links only from the entity side: the mass `/links` read needs `filter[entity_id]` and the
 * element's own `/links` is one call per element. So one batch pages once through the entities
 * with `with=catalog_elements` (one call per 250 entities, whatever the number of elements) and
 * keeps whole rows, which then answer the entities' own fields without another call.
 */
export async function loadElementLinks(client: AmoClient, entity: EntityType, keys: readonly string[]): Promise<ElementEntityLink[][]> {
  const wanted = new Set(keys);
  const byElement = new Map<string, ElementEntityLink[]>();
  for (const row of await scanWithElements(client, entity)) {
    for (const element of row._embedded?.catalog_elements ?? []) {
      const catalogId = element.metadata?.catalog_id;
      if (!catalogId) continue;
      const key = elementKey(catalogId, element.id);
      if (!wanted.has(key)) continue;
      const link: ElementEntityLink = { entity_type: entity, row, quantity: element.metadata?.quantity ?? 1, price_id: element.metadata?.price_id ?? null };
      byElement.set(key, [...(byElement.get(key) ?? []), link]);
    }
  }
  return keys.map((key) => (byElement.get(key) ?? []).sort((a, b) => a.row.id - b.row.id));
}
