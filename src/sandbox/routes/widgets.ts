// Widgets (amoCRM "widgets-api"): the paged list of widgets this user can see, one by code, and
// install / uninstall by code (admin only). The list is paged (limit at most 250) without totals.

import type { RequestContext } from '../http/context.js';
import { pageHref } from '../http/hal.js';
import { readPaging, slicePage } from '../http/paging.js';
import { hal, noContent, type Reply } from '../http/reply.js';
import type { Route } from '../http/router.js';
import { findWidget, installWidget, renderWidget, uninstallWidget, visibleWidgets } from '../widgets/writes.js';

function listWidgets(ctx: RequestContext): Reply {
  const paging = readPaging(ctx, { defaultLimit: 250 });
  const all = visibleWidgets(ctx);
  const rows = slicePage(all, paging);
  if (rows.length === 0) return noContent();
  const more = paging.page * paging.limit < all.length;
  return hal({
    _page: paging.page,
    _links: {
      self: { href: pageHref(ctx, paging.page, paging.limit) },
      ...(more ? { next: { href: pageHref(ctx, paging.page + 1, paging.limit) } } : {}),
    },
    _embedded: { widgets: rows.map((row) => renderWidget(ctx, row)) },
  });
}

export const widgetRoutes: Route[] = [
  { method: 'GET', path: '/api/v4/widgets', handler: listWidgets },
  { method: 'GET', path: '/api/v4/widgets/:code', handler: (ctx) => hal(renderWidget(ctx, findWidget(ctx))) },
  { method: 'POST', path: '/api/v4/widgets/:code', handler: installWidget },
  { method: 'DELETE', path: '/api/v4/widgets/:code', handler: uninstallWidget },
];
