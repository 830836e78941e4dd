// Entity subscriptions (§3.18): who follows a lead's changes. amoCRM reads them one lead at a time
// (no batch and, as far as its docs and SDK show, no API to subscribe or unsubscribe); the list is
// counted and paged, 204 when the lead has none, 404-free: an unknown lead answers 204 as well.

import type { RequestContext } from '../http/context.js';
import { countedPage } from '../http/hal.js';
import { readPaging } from '../http/paging.js';
import type { Reply } from '../http/reply.js';
import type { Route } from '../http/router.js';
import { idParam } from './params.js';

function listSubscriptions(ctx: RequestContext): Reply {
  const rows = ctx.store.subscriptions.get(idParam(ctx)) ?? [];
  return countedPage(ctx, 'subscriptions', rows, readPaging(ctx), (row) => row);
}

export const subscriptionRoutes: Route[] = [{ method: 'GET', path: '/api/v4/leads/:id/subscriptions', handler: listSubscriptions }];
