// What every resolver receives: the account the request speaks for. Loaders hang off it.

import type { AccountContext } from '../loaders/account-context.js';

export interface GraphQLContext {
  account: AccountContext;
}
