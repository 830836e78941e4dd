// POST /api/v4/{E}/link and /unlink (items name their entity_id), and /api/v4/{E}/{id}/link and
// /unlink (the path names it), E one of leads, contacts, companies, customers. Link answers the
// links collection, unlink 204 (§3.8). Items have no request_id: errors name them by position.
// Links do not touch the entities' updated_at. Customer pairs live on the customer row.

import type { RequestContext } from '../http/context.js';
import { totalCollection } from '../http/hal.js';
import { noContent, type Reply } from '../http/reply.js';
import type { Route } from '../http/router.js';
import type { EntityType } from '../records.js';
import { recordCatalogLink, recordLink } from '../events/record.js';
import { readBatch } from '../writes/body.js';
import { unixNow } from '../writes/env.js';
import { validateAll } from '../writes/issues.js';
import { applyLink, readLinkItem, renderLink } from '../writes/link-items.js';
import { isCatalogLinkItem, readCatalogLinkItem, renderCatalogLink } from '../catalogs/link-items.js';
import { isCustomerLinkItem, linkCustomer, readCustomerLinkItem, renderCustomerLink, unlinkCustomer } from '../customers/links.js';
import { requireCustomers } from '../customers/gate.js';
import { idParam } from './params.js';

function isLogged(from: { type: EntityType | 'customers'; id: number }): from is { type: EntityType; id: number } {
  return from.type !== 'customers';
}

function write(type: EntityType | 'customers', ctx: RequestContext, mode: 'link' | 'unlink', fromPath: boolean): Reply {
  if (type === 'customers') requireCustomers(ctx);
  const fromId = fromPath ? idParam(ctx) : undefined;
  const items = readBatch(ctx.body);
  // A customer on either end: only contacts and companies link back to customers.
  const customerPair = (item: unknown) => type === 'customers' || (type !== 'leads' && isCustomerLinkItem(item));
  // Catalog elements are links of their own kind (quantity, catalog); the rest go to the index.
  const drafts = validateAll(
    items,
    (item, _index, issues) =>
      isCatalogLinkItem(item)
        ? { catalog: readCatalogLinkItem(ctx.store, type, item as Record<string, unknown>, issues, fromId) }
        : customerPair(item)
          ? { customer: readCustomerLinkItem(ctx.store, type as 'customers' | 'contacts' | 'companies', item, issues, fromId) }
          : { entity: readLinkItem(ctx.store, type as EntityType, item, issues, fromId) },
    { byPosition: true },
  );
  // Only a change is logged: linking a linked pair again, or unlinking strangers, is not.
  const who = { by: ctx.store.account.current_user_id, at: unixNow(ctx) };
  if (mode === 'unlink') {
    for (const draft of drafts) {
      if (draft.catalog) {
        const from = { type, id: draft.catalog.entity_id };
        // The sandbox's audit log keeps leads, contacts, companies and tasks; not customers yet.
        if (ctx.store.catalogs.unlink(from, draft.catalog.element_id) && isLogged(from)) recordCatalogLink(ctx.store, from, draft.catalog.element_id, false, who);
      } else if (draft.customer) unlinkCustomer(ctx.store, draft.customer);
      else if (draft.entity && ctx.store.links.unlink(draft.entity.from, draft.entity.to)) recordLink(ctx.store, draft.entity.from, draft.entity.to, false, who);
    }
    return noContent();
  }
  for (const draft of drafts) {
    if (draft.catalog) {
      const from = { type, id: draft.catalog.entity_id };
      const wasLinked = ctx.store.catalogs.linksOf(from).some((link) => link.element_id === draft.catalog!.element_id);
      ctx.store.catalogs.link(draft.catalog);
      // A new quantity on a linked element is not a new link.
      if (!wasLinked && isLogged(from)) recordCatalogLink(ctx.store, from, draft.catalog.element_id, true, who);
    } else if (draft.customer) linkCustomer(ctx.store, draft.customer);
    else if (draft.entity) {
      const wasLinked = ctx.store.links.isLinked(draft.entity.from, draft.entity.to);
      applyLink(ctx.store, draft.entity);
      if (!wasLinked) recordLink(ctx.store, draft.entity.from, draft.entity.to, true, who);
    }
  }
  return totalCollection(
    ctx,
    'links',
    drafts.map((draft) =>
      draft.catalog ? renderCatalogLink(draft.catalog) : draft.customer ? renderCustomerLink(ctx.store, draft.customer) : renderLink(ctx.store, draft.entity!),
    ),
  );
}

export const linkWriteRoutes: Route[] = (['leads', 'contacts', 'companies', 'customers'] as const).flatMap((type): Route[] => [
  { method: 'POST', path: `/api/v4/${type}/link`, handler: (ctx) => write(type, ctx, 'link', false) },
  { method: 'POST', path: `/api/v4/${type}/unlink`, handler: (ctx) => write(type, ctx, 'unlink', false) },
  { method: 'POST', path: `/api/v4/${type}/:id/link`, handler: (ctx) => write(type, ctx, 'link', true) },
  { method: 'POST', path: `/api/v4/${type}/:id/unlink`, handler: (ctx) => write(type, ctx, 'unlink', true) },
]);
