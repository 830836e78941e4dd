// Open access: a request with no credentials at all speaks for the gateway's default account as
// nobody in particular. Only when the operator says so (sandbox mode, GATEWAY_ALLOW_ANONYMOUS).

import type { Principal } from '../types.js';
import { accepted, type ClientAuthStrategy } from './types.js';

export const ANONYMOUS: Readonly<Principal> = Object.freeze({ accountId: null, userId: null, method: 'anonymous' });

export interface AnonymousAuthOptions {
  allow: boolean;
}

/** Last in the list: it never sees credentials, so it only answers requests that carry none. */
export function createAnonymousAuth(options: AnonymousAuthOptions): ClientAuthStrategy {
  return {
    method: 'anonymous',
    present: () => false,
    authenticate: async () => (options.allow ? accepted({ ...ANONYMOUS }) : null),
  };
}
