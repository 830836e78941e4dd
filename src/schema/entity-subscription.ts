// Lead.subscribers: who follows a lead's changes. amoCRM reads them one lead per call (no batch,
// no subscribe/unsubscribe in its API), so one operation reads them for at most MAX_LEADS leads;
// the DataLoader still gathers a list's leads into one round of calls.

import { GraphQLError } from 'graphql';
import type { Subscription } from '../rest/resources/subscriptions.js';
import { builder } from './builder.js';
import { LeadRef, UserRef } from './refs.js';

export const MAX_LEADS = 50;

const SubscriberType = builder.enumType('SubscriberType', { values: { USER: { value: 'user' }, GROUP: { value: 'group' } } as const });

const SubscriberRef = builder.objectRef<Subscription>('Subscriber').implement({
  description: 'A user, or a group of users, following an entity.',
  fields: (t) => ({
    type: t.field({ type: SubscriberType, resolve: (s) => s.type }),
    subscriberAmoId: t.exposeInt('subscriber_id', { description: 'A user id, or a group id for GROUP.' }),
    user: t.field({ type: UserRef, nullable: true, resolve: (s) => (s.type === 'user' ? s.subscriber_id : null) }),
  }),
});

builder.objectField(LeadRef, 'subscribers', (t) =>
  t.loadableList({
    type: SubscriberRef,
    description: `Who follows this lead. One upstream call per lead (amoCRM has no batch read), so at most ${MAX_LEADS} leads per operation.`,
    load: async (ids: number[], ctx) => {
      if (ids.length > MAX_LEADS) {
        throw new GraphQLError(`subscribers are read one lead per upstream call: ask for them on at most ${MAX_LEADS} leads at once, got ${ids.length}`, {
          extensions: { code: 'BAD_USER_INPUT' },
        });
      }
      const signal = ctx.upstream.scope?.signal;
      return Promise.all(ids.map((id) => ctx.upstream.subscriptions.ofLead(id, { signal })));
    },
    resolve: (lead) => lead.id,
  }),
);
