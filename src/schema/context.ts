// What every resolver receives: the account the request speaks for. Loaders hang off it.

import type { AccountContext } from '../loaders/account-context.js';
import type { AmoClient } from '../rest/client.js';
import type { EntityEvent } from '../webhooks/events.js';

/** Where subscriptions hear the account's webhook events (src/server/event-bus.ts). */
export interface EventSource {
  subscribe(accountKey: string): AsyncIterable<EntityEvent[]>;
}

export interface GraphQLContext {
  account: AccountContext;
  /** The account's client scoped to this operation: its cancellation and upstream budget. */
  upstream: AmoClient;
  /** Whether `amocrmRequest` may pass GETs through (AMOCRM_RAW_REQUESTS); absent means no. */
  rawRequests?: boolean;
  /** Absent where the gateway serves no subscriptions (in-process tests). */
  events?: EventSource;
}
