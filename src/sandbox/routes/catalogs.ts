// Catalogs (§3.16): the counted list (filter `type`), get, batch and single writes; and each
// catalog's elements: the list with `query`, `filter[id]` and paging, get, writes. Unknown ids
// answer 204, as amoCRM does. Reads, like writes, are for users with access to lists (403).

import type { RequestContext } from '../http/context.js';
import { filterTree, intList } from '../http/filters.js';
import { countedPage, uncountedPage } from '../http/hal.js';
import { readPaging } from '../http/paging.js';
import { badRequest } from '../http/problem.js';
import { hal, noContent, type Reply } from '../http/reply.js';
import type { Route } from '../http/router.js';
import { renderCatalog, renderElement } from '../catalogs/render.js';
import type { CatalogElementRecord, CatalogRecord } from '../catalogs/store.js';
import { requireCatalogAccess } from '../catalogs/access.js';
import { createCatalogs, updateCatalogs, writeElements } from '../catalogs/writes.js';
import { idParam } from './params.js';

const TYPES = new Set(['regular', 'invoices', 'products', 'suppliers']);

function listCatalogs(ctx: RequestContext): Reply {
  requireCatalogAccess(ctx, 'reading catalogs');
  const paging = readPaging(ctx);
  const type = ctx.query.get('type');
  if (type !== undefined && (typeof type !== 'string' || !TYPES.has(type))) throw badRequest('type must be regular, invoices, products or suppliers');
  const rows = ctx.store.catalogs.catalogs.values().filter((catalog) => type === undefined || catalog.type === type);
  return countedPage(ctx, 'catalogs', rows, paging, (catalog) => renderCatalog(ctx, catalog));
}

function getCatalog(ctx: RequestContext): Reply {
  requireCatalogAccess(ctx, 'reading catalogs');
  const catalog = ctx.store.catalogs.catalogs.get(idParam(ctx));
  return catalog ? hal(renderCatalog(ctx, catalog)) : noContent();
}

/** The path's catalog, or null (the route answers 204 for reads and 404 for writes). */
const pathCatalog = (ctx: RequestContext): CatalogRecord | null => ctx.store.catalogs.catalogs.get(idParam(ctx, 'catalogId')) ?? null;

function elementFilter(ctx: RequestContext): (element: CatalogElementRecord) => boolean {
  const checks: ((element: CatalogElementRecord) => boolean)[] = [];
  for (const [key, value] of filterTree(ctx.query)) {
    if (key === 'id') {
      const ids = new Set(intList(value, 'filter[id]'));
      checks.push((element) => ids.has(element.id));
    } else ctx.notes.push(`filter[${key}] is not a catalog elements filter; ignored`);
  }
  const query = ctx.query.get('query');
  if (query !== undefined) {
    if (typeof query !== 'string') throw badRequest('query must be a string');
    const needle = query.trim().toLowerCase();
    if (needle !== '') checks.push((element) => element.name.toLowerCase().includes(needle));
  }
  return (element) => checks.every((check) => check(element));
}

function listElements(ctx: RequestContext): Reply {
  requireCatalogAccess(ctx, 'reading catalog elements');
  const catalog = pathCatalog(ctx);
  if (!catalog) return noContent();
  const paging = readPaging(ctx);
  const filter = elementFilter(ctx);
  const rows = ctx.store.catalogs.elements.values().filter((element) => element.catalog_id === catalog.id && !element.is_deleted && filter(element));
  return uncountedPage(ctx, 'elements', rows, paging, (element) => renderElement(ctx, element));
}

function getElement(ctx: RequestContext): Reply {
  requireCatalogAccess(ctx, 'reading catalog elements');
  const catalog = pathCatalog(ctx);
  const element = ctx.store.catalogs.elements.get(idParam(ctx));
  if (!catalog || !element || element.catalog_id !== catalog.id || element.is_deleted) return noContent();
  return hal(renderElement(ctx, element));
}

function elementWrite(mode: 'create' | 'update', single: boolean) {
  return (ctx: RequestContext): Reply => {
    const catalog = pathCatalog(ctx);
    if (!catalog) throw badRequest(`No catalog ${ctx.params.catalogId}`);
    return writeElements(ctx, catalog, mode, single ? idParam(ctx) : null);
  };
}

export const catalogRoutes: Route[] = [
  { method: 'GET', path: '/api/v4/catalogs', handler: listCatalogs },
  { method: 'POST', path: '/api/v4/catalogs', handler: createCatalogs },
  { method: 'PATCH', path: '/api/v4/catalogs', handler: (ctx) => updateCatalogs(ctx, null) },
  { method: 'GET', path: '/api/v4/catalogs/:id', handler: getCatalog },
  { method: 'PATCH', path: '/api/v4/catalogs/:id', handler: (ctx) => updateCatalogs(ctx, idParam(ctx)) },
  { method: 'GET', path: '/api/v4/catalogs/:catalogId/elements', handler: listElements },
  { method: 'POST', path: '/api/v4/catalogs/:catalogId/elements', handler: elementWrite('create', false) },
  { method: 'PATCH', path: '/api/v4/catalogs/:catalogId/elements', handler: elementWrite('update', false) },
  { method: 'GET', path: '/api/v4/catalogs/:catalogId/elements/:id', handler: getElement },
  { method: 'PATCH', path: '/api/v4/catalogs/:catalogId/elements/:id', handler: elementWrite('update', true) },
];
