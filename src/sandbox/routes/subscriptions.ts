// Entity subscriptions (§3.18): who follows a lead's or a customer's changes. amoCRM serves them
// for these two entity types only (its PHP SDK refuses contacts and companies, and no docs page
// shows them), one entity at a time (no batch and no API to subscribe or unsubscribe); the list is
// counted and paged, 204 when the entity has none, 404-free: an unknown id answers 204 as well.
// Customers' lists answer only while the customers mode is on, like every customer endpoint.

import { requireCustomers } from '../customers/gate.js';
import type { RequestContext } from '../http/context.js';
import { countedPage } from '../http/hal.js';
import { readPaging } from '../http/paging.js';
import type { Reply } from '../http/reply.js';
import type { Route } from '../http/router.js';
import { idParam } from './params.js';

function listSubscriptions(ctx: RequestContext, table: ReadonlyMap<number, { subscriber_id: number; type: 'user' | 'group' }[]>): Reply {
  const rows = table.get(idParam(ctx)) ?? [];
  return countedPage(ctx, 'subscriptions', rows, readPaging(ctx), (row) => row);
}

export const subscriptionRoutes: Route[] = [
  { method: 'GET', path: '/api/v4/leads/:id/subscriptions', handler: (ctx) => listSubscriptions(ctx, ctx.store.subscriptions) },
  {
    method: 'GET',
    path: '/api/v4/customers/:id/subscriptions',
    handler: (ctx) => {
      requireCustomers(ctx);
      return listSubscriptions(ctx, ctx.store.customerSubscriptions);
    },
  },
];
