// What every resolver receives: the account the request speaks for. Loaders hang off it.

import type { AccountContext } from '../loaders/account-context.js';
import type { AmoClient } from '../rest/client.js';

export interface GraphQLContext {
  account: AccountContext;
  /** The account's client scoped to this operation: its cancellation and upstream budget. */
  upstream: AmoClient;
  /** Whether `amocrmRequest` may pass GETs through (AMOCRM_RAW_REQUESTS); absent means no. */
  rawRequests?: boolean;
}
