// Lead.subscribers and Customer.subscribers: who follows an entity's changes. amoCRM reads them one
// entity per call (no batch, no subscribe/unsubscribe in its API) and for leads and customers only
// (not contacts or companies), so one operation reads them for at most MAX_SUBSCRIBED entities of
// each kind; the DataLoader still gathers a list's entities into one round of calls.

import { GraphQLError } from 'graphql';
import type { SubscribableEntity, Subscription } from '../rest/resources/subscriptions.js';
import { builder } from './builder.js';
import type { GraphQLContext } from './context.js';
import { CustomerRef } from './customer.js';
import { customersCall } from './customer-status.js';
import { LeadRef, UserRef } from './refs.js';

export const MAX_SUBSCRIBED = 50;

const SubscriberType = builder.enumType('SubscriberType', { values: { USER: { value: 'user' }, GROUP: { value: 'group' } } as const });

const SubscriberRef = builder.objectRef<Subscription>('Subscriber').implement({
  description: 'A user, or a group of users, following an entity.',
  fields: (t) => ({
    type: t.field({ type: SubscriberType, resolve: (s) => s.type }),
    subscriberAmoId: t.exposeInt('subscriber_id', { description: 'A user id, or a group id for GROUP.' }),
    user: t.field({ type: UserRef, nullable: true, resolve: (s) => (s.type === 'user' ? s.subscriber_id : null) }),
  }),
});

type LoadSubscribers = (ids: number[], ctx: GraphQLContext) => Promise<Subscription[][]>;

/** One call per entity, refused past the per-operation cap. */
function loadSubscribers(entity: SubscribableEntity, noun: string): LoadSubscribers {
  return async (ids, ctx) => {
    if (ids.length > MAX_SUBSCRIBED) {
      throw new GraphQLError(`subscribers are read one ${noun} per upstream call: ask for them on at most ${MAX_SUBSCRIBED} ${noun}s at once, got ${ids.length}`, {
        extensions: { code: 'BAD_USER_INPUT' },
      });
    }
    const signal = ctx.upstream.scope?.signal;
    return Promise.all(ids.map((id) => ctx.upstream.subscriptions.of(entity, id, { signal })));
  };
}

const describe = (noun: string) =>
  `Who follows this ${noun}. One upstream call per ${noun} (amoCRM has no batch read), so at most ${MAX_SUBSCRIBED} ${noun}s per operation.`;

builder.objectField(LeadRef, 'subscribers', (t) =>
  t.loadableList({ type: SubscriberRef, description: describe('lead'), load: loadSubscribers('leads', 'lead'), resolve: (lead) => lead.id }),
);

const loadCustomerSubscribers = loadSubscribers('customers', 'customer');
builder.objectField(CustomerRef, 'subscribers', (t) =>
  t.loadableList({
    type: SubscriberRef,
    description: `${describe('customer')} Needs the customers mode on.`,
    load: (ids: number[], ctx) => customersCall(() => loadCustomerSubscribers(ids, ctx)),
    resolve: (customer) => customer.id,
  }),
);
