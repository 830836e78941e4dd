// Widgets (amoCRM "widgets-api"): the paged list of widgets this user can see, one by code, and
// install / uninstall by code (admin only). The list is paged (limit at most 250) without totals
// and, like amoCRM's other uncounted lists, always links `next` (which may answer 204).

import type { RequestContext } from '../http/context.js';
import { uncountedPage } from '../http/hal.js';
import { readPaging } from '../http/paging.js';
import { hal, type Reply } from '../http/reply.js';
import type { Route } from '../http/router.js';
import { findWidget, installWidget, renderWidget, uninstallWidget, visibleWidgets } from '../widgets/writes.js';

function listWidgets(ctx: RequestContext): Reply {
  return uncountedPage(ctx, 'widgets', visibleWidgets(ctx), readPaging(ctx, { defaultLimit: 250 }), (row) => renderWidget(ctx, row));
}

export const widgetRoutes: Route[] = [
  { method: 'GET', path: '/api/v4/widgets', handler: listWidgets },
  { method: 'GET', path: '/api/v4/widgets/:code', handler: (ctx) => hal(renderWidget(ctx, findWidget(ctx))) },
  { method: 'POST', path: '/api/v4/widgets/:code', handler: installWidget },
  { method: 'DELETE', path: '/api/v4/widgets/:code', handler: uninstallWidget },
];
