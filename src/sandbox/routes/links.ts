// Entity links (§3.8): GET /api/v4/{E}/{id}/links and the mass GET /api/v4/{E}/links with the
// required filter[entity_id]. Contact-lead links carry `metadata.main_contact`; company links
// carry `metadata: null`, as in amoCRM's docs example. Not paged; `_total_items` counts them.
// Customers list their contacts, company and catalog elements (../customers/links.ts). Contacts and
// companies do not list their customers here yet (they do under `with=customers`): existing
// callers and tests read these lists as leads, contacts and companies only.

import type { RequestContext } from '../http/context.js';
import { filterTree, intList } from '../http/filters.js';
import { totalCollection } from '../http/hal.js';
import { badRequest } from '../http/problem.js';
import { noContent, type Reply } from '../http/reply.js';
import { visibleLinks } from '../http/render.js';
import type { Route } from '../http/router.js';
import type { EntityType } from '../records.js';
import { customerPartnerLinks, liveCustomer } from '../customers/links.js';
import { requireCustomers } from '../customers/gate.js';
import { idParam } from './params.js';

const TARGETS: Record<EntityType, readonly EntityType[]> = {
  leads: ['contacts', 'companies'],
  contacts: ['leads', 'companies'],
  companies: ['contacts', 'leads'],
};

interface WireLink {
  to_entity_id: number;
  to_entity_type: EntityType | 'customers' | 'catalog_elements';
  metadata: { main_contact: boolean } | { catalog_id: number; quantity: number; price_id: number | null } | null;
}

type LinkFilter = (link: WireLink) => boolean;

function readLinkFilter(ctx: RequestContext): LinkFilter {
  const filter = filterTree(ctx.query);
  const toId = filter.get('to_entity_id');
  const toType = filter.get('to_entity_type');
  const checks: LinkFilter[] = [];
  if ((toId === undefined) !== (toType === undefined)) {
    throw badRequest('filter[to_entity_id] and filter[to_entity_type] go together');
  }
  if (toId !== undefined && toType !== undefined) {
    const ids = new Set(intList(toId, 'filter[to_entity_id]'));
    if (typeof toType !== 'string') throw badRequest('filter[to_entity_type] must be a single type');
    checks.push((link) => link.to_entity_type === toType && ids.has(link.to_entity_id));
  }
  const catalog = filter.get('to_catalog_id');
  if (catalog !== undefined) {
    const catalogs = new Set(intList(catalog, 'filter[to_catalog_id]'));
    checks.push((link) => link.to_entity_type === 'catalog_elements' && link.metadata !== null && 'catalog_id' in link.metadata && catalogs.has(link.metadata.catalog_id));
  }
  return (link) => checks.every((check) => check(link));
}

function catalogLinksOf(ctx: RequestContext, type: EntityType | 'customers', id: number): WireLink[] {
  return ctx.store.catalogs.linksOf({ type, id }).flatMap((link): WireLink[] =>
    ctx.store.catalogs.elements.get(link.element_id)?.is_deleted === false
      ? [{ to_entity_id: link.element_id, to_entity_type: 'catalog_elements', metadata: { catalog_id: link.catalog_id, quantity: link.quantity, price_id: link.price_id } }]
      : [],
  );
}

function linksOf(ctx: RequestContext, type: EntityType | 'customers', id: number): WireLink[] | null {
  if (type === 'customers') {
    const customer = liveCustomer(ctx.store, id);
    return customer ? [...customerPartnerLinks(customer), ...catalogLinksOf(ctx, type, id)] : null;
  }
  const row = ctx.store.entities(type).get(id);
  if (!row || row.is_deleted) return null;
  const entities = TARGETS[type].flatMap((target) =>
    visibleLinks(ctx.store, { type, id }, target).map((linked): WireLink => ({
      to_entity_id: linked.id,
      to_entity_type: target,
      metadata: (type === 'leads' && target === 'contacts') || (type === 'contacts' && target === 'leads') ? { main_contact: linked.isMain } : null,
    })),
  );
  // Catalog elements follow, with their quantity and price (§3.8 metadata).
  return [...entities, ...catalogLinksOf(ctx, type, id)];
}

function entityLinks(type: EntityType | 'customers', ctx: RequestContext): Reply {
  if (type === 'customers') requireCustomers(ctx);
  const filter = readLinkFilter(ctx);
  const links = linksOf(ctx, type, idParam(ctx))?.filter(filter) ?? [];
  return links.length > 0 ? totalCollection(ctx, 'links', links) : noContent();
}

function massLinks(type: EntityType | 'customers', ctx: RequestContext): Reply {
  if (type === 'customers') requireCustomers(ctx);
  const ids = filterTree(ctx.query).get('entity_id');
  if (ids === undefined) throw badRequest('filter[entity_id] is required');
  const filter = readLinkFilter(ctx);
  const links = [...new Set(intList(ids, 'filter[entity_id]'))].flatMap((id) =>
    (linksOf(ctx, type, id) ?? []).filter(filter).map((link) => ({ entity_id: id, entity_type: type, ...link })),
  );
  return links.length > 0 ? totalCollection(ctx, 'links', links) : noContent();
}

export const linkRoutes: Route[] = (['leads', 'contacts', 'companies', 'customers'] as const).flatMap((type): Route[] => [
  { method: 'GET', path: `/api/v4/${type}/links`, handler: (ctx) => massLinks(type, ctx) },
  { method: 'GET', path: `/api/v4/${type}/:id/links`, handler: (ctx) => entityLinks(type, ctx) },
]);
