// POST /api/v4/{E}/link and /unlink (items name their entity_id), and /api/v4/{E}/{id}/link and
// /unlink (the path names it). Link answers the links collection, unlink 204 (§3.8). Items have no
// request_id: errors name them by position. Links do not touch the entities' updated_at.

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
import { idParam } from './params.js';

function write(type: EntityType, ctx: RequestContext, mode: 'link' | 'unlink', fromPath: boolean): Reply {
  const fromId = fromPath ? idParam(ctx) : undefined;
  const items = readBatch(ctx.body);
  // Catalog elements are links of their own kind (quantity, catalog); the rest go to the index.
  const drafts = validateAll(
    items,
    (item, _index, issues) =>
      isCatalogLinkItem(item)
        ? { catalog: readCatalogLinkItem(ctx.store, type, item as Record<string, unknown>, issues, fromId) }
        : { entity: readLinkItem(ctx.store, type, item, issues, fromId) },
    { byPosition: true },
  );
  // Only a change is logged: linking a linked pair again, or unlinking strangers, is not.
  const who = { by: ctx.store.account.current_user_id, at: unixNow(ctx) };
  if (mode === 'unlink') {
    for (const draft of drafts) {
      if (draft.catalog) {
        const from = { type, id: draft.catalog.entity_id };
        if (ctx.store.catalogs.unlink(from, draft.catalog.element_id)) recordCatalogLink(ctx.store, from, draft.catalog.element_id, false, who);
      } else if (draft.entity && ctx.store.links.unlink(draft.entity.from, draft.entity.to)) recordLink(ctx.store, draft.entity.from, draft.entity.to, false, who);
    }
    return noContent();
  }
  for (const draft of drafts) {
    if (draft.catalog) {
      const from = { type, id: draft.catalog.entity_id };
      const wasLinked = ctx.store.catalogs.linksOf(from).some((link) => link.element_id === draft.catalog!.element_id);
      ctx.store.catalogs.link(draft.catalog);
      // A new quantity on a linked element is not a new link.
      if (!wasLinked) recordCatalogLink(ctx.store, from, draft.catalog.element_id, true, who);
    } else if (draft.entity) {
      const wasLinked = ctx.store.links.isLinked(draft.entity.from, draft.entity.to);
      applyLink(ctx.store, draft.entity);
      if (!wasLinked) recordLink(ctx.store, draft.entity.from, draft.entity.to, true, who);
    }
  }
  return totalCollection(
    ctx,
    'links',
    drafts.map((draft) => (draft.catalog ? renderCatalogLink(draft.catalog) : renderLink(ctx.store, draft.entity!))),
  );
}

export const linkWriteRoutes: Route[] = (['leads', 'contacts', 'companies'] as const).flatMap((type): Route[] => [
  { method: 'POST', path: `/api/v4/${type}/link`, handler: (ctx) => write(type, ctx, 'link', false) },
  { method: 'POST', path: `/api/v4/${type}/unlink`, handler: (ctx) => write(type, ctx, 'unlink', false) },
  { method: 'POST', path: `/api/v4/${type}/:id/link`, handler: (ctx) => write(type, ctx, 'link', true) },
  { method: 'POST', path: `/api/v4/${type}/:id/unlink`, handler: (ctx) => write(type, ctx, 'unlink', true) },
]);
