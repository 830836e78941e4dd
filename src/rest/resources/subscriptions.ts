// /api/v4/{leads|customers}/{id}/subscriptions: who follows one lead's or customer's changes. One
// entity per call: amoCRM has no batch read of subscriptions, and serves them for these two entity
// types only. Counted and paged like users.

import { assertId, getCollection } from '../collection.js';
import { collect, paginate } from '../paginate.js';
import type { SendFn } from '../request.js';

export interface Subscription {
  subscriber_id: number;
  /** A user or a group of users. */
  type: 'user' | 'group';
}

export type SubscribableEntity = 'leads' | 'customers';

export function createSubscriptionsResource(send: SendFn) {
  const list = (entity: SubscribableEntity, id: number, params: { page?: number; limit?: number; signal?: AbortSignal } = {}) =>
    getCollection<Subscription>(send, {
      path: `/api/v4/${entity}/${assertId(id)}/subscriptions`,
      key: 'subscriptions',
      page: params.page,
      limit: params.limit,
      signal: params.signal,
    });
  /** Every subscriber of one entity, over all its pages. */
  const of = (entity: SubscribableEntity, id: number, params: { signal?: AbortSignal } = {}) =>
    collect(paginate((page) => list(entity, id, { ...params, page })));
  return {
    list,
    of,
    ofLead: (leadId: number, params: { signal?: AbortSignal } = {}) => of('leads', leadId, params),
    ofCustomer: (customerId: number, params: { signal?: AbortSignal } = {}) => of('customers', customerId, params),
  };
}
