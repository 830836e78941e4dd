// What the OAuth endpoints share: the integration (null without `oauth`), the grants, the
// account's host, the signer and the clock.

import type { SandboxStore } from '../store.js';
import type { AccessTokenSigner } from './access-token.js';
import type { AccountHost } from './account-host.js';
import type { Grants } from './grants.js';
import type { ResolvedOAuthOptions } from './options.js';

export interface OAuthContext {
  client: ResolvedOAuthOptions | null;
  grants: Grants;
  host: AccountHost;
  store: SandboxStore;
  signer: AccessTokenSigner | null;
  /** Lifetime of the access tokens issued from now on. */
  accessTtlSec(): number;
  /** Whether a bearer token may act on the account (the static token or a live access token). */
  bearerValid(token: string | null): boolean;
  now: () => number;
}

/** The user who "clicks allow" on the consent page: the account's first active admin. */
export function consentingUser(store: SandboxStore): number {
  const admin = store.users.values().find((user) => user.rights.is_admin && user.rights.is_active);
  return admin?.id ?? store.account.current_user_id;
}
