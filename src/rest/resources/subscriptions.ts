// /api/v4/leads/{id}/subscriptions: who follows one lead's changes. One lead per call: amoCRM has
// no batch read of subscriptions. Counted and paged like users.

import { assertId, getCollection } from '../collection.js';
import { collect, paginate } from '../paginate.js';
import type { SendFn } from '../request.js';

export interface Subscription {
  subscriber_id: number;
  /** A user or a group of users. */
  type: 'user' | 'group';
}

export function createSubscriptionsResource(send: SendFn) {
  const list = (leadId: number, params: { page?: number; limit?: number; signal?: AbortSignal } = {}) =>
    getCollection<Subscription>(send, {
      path: `/api/v4/leads/${assertId(leadId)}/subscriptions`,
      key: 'subscriptions',
      page: params.page,
      limit: params.limit,
      signal: params.signal,
    });
  return {
    list,
    /** Every subscriber of one lead, over all its pages. */
    ofLead: (leadId: number, params: { signal?: AbortSignal } = {}) => collect(paginate((page) => list(leadId, { ...params, page }))),
  };
}
