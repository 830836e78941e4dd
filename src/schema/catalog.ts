// Catalogs (amoCRM's "lists": the products and invoices catalogs and the account's own): the
// type, root look-ups and each catalog's elements as a connection. Both refs live here so the
// element file can point back at its catalog.

import { elementKey, listCatalogElements, listCatalogs, loadCatalogElements, loadCatalogs } from '../loaders/catalogs.js';
import { ID_BATCH_SIZE } from '../loaders/entities.js';
import type { Catalog, CatalogElement, CatalogType } from '../rest/resources/catalogs.js';
import { GraphQLError } from 'graphql';
import { builder } from './builder.js';
import { amoIds } from './common.js';
import { resolveWindowConnection } from './connection.js';
import type { GraphQLContext } from './context.js';
import { explainLimit } from './limits.js';
import { parseAmoId } from './refs.js';

/** What a 403 on catalog reads means (amoCRM's lists docs). */
export const CATALOGS_LIMITATION = 'catalogs (lists) are for users with access to lists';

export const CatalogRef = builder.loadableNodeRef('Catalog', {
  id: { resolve: (catalog: Catalog) => catalog.id, parse: parseAmoId('Catalog') },
  load: (ids: number[], ctx: GraphQLContext) => explainLimit(loadCatalogs(ctx.upstream, ids), CATALOGS_LIMITATION),
  toKey: (catalog) => catalog.id,
  sort: true,
  cacheResolved: true,
});

export const CatalogElementRef = builder.loadableNodeRef('CatalogElement', {
  id: {
    resolve: (element: CatalogElement) => elementKey(element.catalog_id, element.id),
    parse: (id: string) => {
      if (!/^[1-9]\d*:[1-9]\d*$/.test(id)) throw new GraphQLError('Invalid CatalogElement id', { extensions: { code: 'BAD_USER_INPUT' } });
      return id;
    },
  },
  load: (keys: string[], ctx: GraphQLContext) => explainLimit(loadCatalogElements(ctx.upstream, keys), CATALOGS_LIMITATION),
  toKey: (element) => elementKey(element.catalog_id, element.id),
  sort: true,
  cacheResolved: true,
  loaderOptions: { maxBatchSize: ID_BATCH_SIZE },
});

export const CatalogTypeEnum = builder.enumType('CatalogType', {
  description: "A catalog's kind: the account's own list, or one of amoCRM's special catalogs.",
  values: {
    REGULAR: { value: 'regular', description: 'A list the account made.' },
    INVOICES: { value: 'invoices', description: 'Invoices and purchases (one per account).' },
    PRODUCTS: { value: 'products', description: 'Products (one per account).' },
    SUPPLIERS: { value: 'suppliers', description: 'Suppliers, where the account has them.' },
  } as const,
});

export const CatalogElementConnection = builder.connectionObject({ type: CatalogElementRef, name: 'CatalogElementConnection' }, { name: 'CatalogElementEdge' });

CatalogRef.implement({
  description: 'A catalog (list) of elements: products, invoices, or a list of the account’s own.',
  fields: (t) => ({
    amoId: t.exposeInt('id'),
    name: t.exposeString('name'),
    type: t.field({ type: CatalogTypeEnum, resolve: (catalog) => catalog.type }),
    sort: t.exposeInt('sort'),
    canAddElements: t.exposeBoolean('can_add_elements'),
    canShowInCards: t.exposeBoolean('can_show_in_cards', { description: 'Whether lead and customer cards show it as a tab.' }),
    canLinkMultiple: t.exposeBoolean('can_link_multiple', { description: 'Whether one element may be linked to many entities.' }),
    canBeDeleted: t.exposeBoolean('can_be_deleted'),
    createdAt: t.field({ type: 'DateTime', resolve: (catalog) => catalog.created_at }),
    updatedAt: t.field({ type: 'DateTime', resolve: (catalog) => catalog.updated_at }),
    elements: t.connection(
      {
        type: CatalogElementRef,
        nullable: true,
        description: 'The elements, paged with cursors (at most 250 per page). Null, with an error, when amoCRM could not answer.',
        args: {
          query: t.arg.string({ description: 'amoCRM’s search over the elements.' }),
          amoIds: t.arg.intList({ description: 'Only these elements.' }),
        },
        resolve: (catalog, args, ctx) => {
          const ids = amoIds(args.amoIds, 'amoIds');
          return resolveWindowConnection(args, (window) =>
            explainLimit(listCatalogElements(ctx.upstream, catalog.id, { window, query: args.query ?? undefined, ids }), CATALOGS_LIMITATION),
          );
        },
      },
      CatalogElementConnection,
    ),
  }),
});

builder.queryFields((t) => ({
  catalogs: t.field({
    type: [CatalogRef],
    description: 'Every catalog of the account, or those of one type. For users with access to lists.',
    args: { type: t.arg({ type: CatalogTypeEnum }) },
    resolve: (_root, args, ctx) => explainLimit(listCatalogs(ctx.upstream, (args.type ?? undefined) as CatalogType | undefined), CATALOGS_LIMITATION),
  }),
  catalog: t.field({
    type: CatalogRef,
    nullable: true,
    description: 'A catalog by its amoCRM id; null if it does not exist.',
    args: { amoId: t.arg.int({ required: true }) },
    resolve: (_root, args) => (args.amoId > 0 ? args.amoId : null),
  }),
  catalogElement: t.field({
    type: CatalogElementRef,
    nullable: true,
    description: 'An element by its catalog’s and its own amoCRM ids; null if it does not exist.',
    args: { catalogAmoId: t.arg.int({ required: true }), amoId: t.arg.int({ required: true }) },
    resolve: (_root, args) => (args.catalogAmoId > 0 && args.amoId > 0 ? elementKey(args.catalogAmoId, args.amoId) : null),
  }),
}));
