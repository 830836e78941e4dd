// Catalog elements, and the elements linked to leads, contacts and companies with their quantity.
// An entity's links come from one mass `/links` read for every entity of the response, and the
// elements behind them from one filtered read per catalog: a handful of calls for any list.

import { elementKey, loadCatalogLinksOf, type CatalogElementLink } from '../loaders/catalogs.js';
import { builder } from './builder.js';
import { CatalogElementRef, CatalogRef } from './catalog.js';
import { forEachEntityRef } from './refs.js';

CatalogElementRef.implement({
  description: 'An element of a catalog: a product, an invoice, or an item of the account’s own list.',
  fields: (t) => ({
    amoId: t.exposeInt('id'),
    name: t.exposeString('name'),
    catalogAmoId: t.exposeInt('catalog_id'),
    catalog: t.field({ type: CatalogRef, nullable: true, resolve: (element) => element.catalog_id }),
    isDeleted: t.exposeBoolean('is_deleted'),
    createdAt: t.field({ type: 'DateTime', resolve: (element) => element.created_at }),
    updatedAt: t.field({ type: 'DateTime', resolve: (element) => element.updated_at }),
  }),
});

export const CatalogElementLinkRef = builder.objectRef<CatalogElementLink>('CatalogElementLink').implement({
  description: 'A catalog element linked to a lead, contact or company, with how many of it.',
  fields: (t) => ({
    element: t.field({
      type: CatalogElementRef,
      nullable: true,
      description: 'The element (null if it was removed since).',
      resolve: (link) => elementKey(link.catalog_id, link.element_id),
    }),
    elementAmoId: t.exposeInt('element_id'),
    catalog: t.field({ type: CatalogRef, nullable: true, resolve: (link) => link.catalog_id }),
    catalogAmoId: t.exposeInt('catalog_id'),
    quantity: t.exposeFloat('quantity'),
    priceId: t.exposeInt('price_id', { nullable: true, description: 'The price field the quantity is priced by, if one was chosen.' }),
  }),
});

forEachEntityRef((ref, entity) =>
  builder.objectField(ref, 'catalogElements', (t) =>
    t.loadableList({
      type: CatalogElementLinkRef,
      description: 'Catalog elements (products, invoice items, list items) linked to it, with quantities.',
      load: (ids: number[], ctx) => loadCatalogLinksOf(ctx.upstream, entity, ids),
      resolve: (row) => row.id,
    }),
  ),
);
