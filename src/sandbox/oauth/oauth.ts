// createOAuth: the OAuth side of the sandbox wired together: the endpoints the handler serves,
// the bearer check for /api/v4, and `sandbox.oauth`, the test API.

import type { KeyObject } from 'node:crypto';
import type { EndpointRequest, Endpoints } from '../http/endpoints.js';
import { problem, type Reply } from '../http/reply.js';
import type { SandboxStore } from '../store.js';
import { createAccessTokenSigner } from './access-token.js';
import type { AccountHost } from './account-host.js';
import { consent } from './consent.js';
import { consentingUser, type OAuthContext } from './context.js';
import { createGrants, type GrantState } from './grants.js';
import {
  checkTtl,
  CODE_TTL_SEC,
  DEFAULT_ACCESS_TTL_SEC,
  DEFAULT_REFRESH_TTL_SEC,
  resolveOAuthOptions,
  type OAuthOptions,
} from './options.js';
import { subdomainByAccessToken, subdomainByRefreshToken } from './subdomain.js';
import { tokenEndpoint } from './token-endpoint.js';
import { mintWidgetToken, WIDGET_TOKEN_TTL_SEC, type WidgetTokenOptions } from './widget-token.js';

export const OAUTH_PATHS = {
  consent: '/oauth',
  token: '/oauth2/access_token',
  subdomain: '/oauth2/account/subdomain',
  currentSubdomain: '/oauth2/account/current/subdomain',
} as const;

/** `sandbox.oauth`: drive the OAuth side from a test. */
export interface SandboxOAuth {
  /** An authorization code, as the consent redirect would carry (valid 20 minutes, single-use). */
  issueCode(): string;
  /** A widget disposable token (HS256 with the client secret, 30 minutes), as `X-Auth-Token` carries. */
  mintWidgetToken(options?: WidgetTokenOptions): Promise<string>;
  /** Lifetime of the access tokens issued from now on, in seconds. */
  setAccessTokenTtl(seconds: number): void;
  /** Every access token issued so far expires now (their `exp` claims stay as signed); returns how many. */
  expireAccessTokens(): number;
  /** Each grant (one per code exchange) with its status and refresh count, oldest first. */
  grants(): GrantState[];
  /** Revokes one grant, or every grant (the integration was uninstalled); returns how many. */
  revoke(grantId?: number): number;
  /**
   * Makes `origin` (a URL the sandbox listens on, or a host:port) the account's host, as a
   * subdomain rename does: elsewhere the token endpoint answers 404 and /api/v4 answers 401.
   * `subdomain` renames the account record too. Returns the new host:port.
   */
  renameTo(origin: string, options?: { subdomain?: string }): string;
  /** The account's host:port since a rename; null before any. */
  currentHost(): string | null;
  /** The public key of the RS256 access tokens (clients never verify them; tests may). */
  publicKey(): Promise<KeyObject>;
}

export interface OAuthSide {
  api: SandboxOAuth;
  endpoints: Endpoints;
  /** The /api/v4 bearer check for OAuth access tokens. */
  checkAccessToken(token: string): { ok: boolean; note?: string };
}

type Handler = (ctx: OAuthContext, request: EndpointRequest) => Reply | Promise<Reply>;

const ROUTES: Record<string, { method: string; handler: Handler }> = {
  [OAUTH_PATHS.consent]: { method: 'GET', handler: consent },
  [OAUTH_PATHS.token]: { method: 'POST', handler: tokenEndpoint },
  [OAUTH_PATHS.subdomain]: { method: 'GET', handler: subdomainByAccessToken },
  [OAUTH_PATHS.currentSubdomain]: { method: 'GET', handler: subdomainByRefreshToken },
};

export function createOAuth(options: {
  oauth?: OAuthOptions;
  store: SandboxStore;
  host: AccountHost;
  now: () => number;
  /** The sandbox's static bearer token, accepted wherever an access token is. */
  isStaticToken(token: string): boolean;
}): OAuthSide {
  const { store, host, now } = options;
  const client = options.oauth ? resolveOAuthOptions(options.oauth) : null;
  let accessTtlSec = client?.accessTokenTtlSec ?? DEFAULT_ACCESS_TTL_SEC;
  const grants = createGrants({
    now,
    codeTtlSec: CODE_TTL_SEC,
    refreshTtlSec: client?.refreshTokenTtlSec ?? DEFAULT_REFRESH_TTL_SEC,
    revokeOnReuse: client?.revokeGrantOnReuse ?? true,
  });
  // Only an integration needs keys; the pair is generated now, in the background.
  const signer = client ? createAccessTokenSigner() : null;

  const checkAccessToken = (token: string) => grants.checkAccessToken(token);
  const ctx: OAuthContext = {
    client,
    grants,
    host,
    store,
    signer,
    accessTtlSec: () => accessTtlSec,
    bearerValid: (token) => token !== null && (options.isStaticToken(token) || checkAccessToken(token).ok),
    now,
  };

  function requireClient(what: string) {
    if (!client) throw new Error(`sandbox.oauth.${what} needs an integration: create the sandbox with the \`oauth\` option`);
    return client;
  }

  const endpoints: Endpoints = {
    has: (path) => Object.hasOwn(ROUTES, path),
    handle(request) {
      const route = ROUTES[request.path]!;
      if (request.method !== route.method) {
        return problem(405, `${request.method} is not supported for ${request.path}`, { headers: { allow: route.method } });
      }
      return route.handler(ctx, request);
    },
  };

  const api: SandboxOAuth = {
    issueCode() {
      requireClient('issueCode');
      return grants.issueCode(consentingUser(store));
    },
    async mintWidgetToken(widget = {}) {
      const { clientId, clientSecret, redirectUri } = requireClient('mintWidgetToken');
      const userId = widget.userId ?? consentingUser(store);
      const iat = Math.floor(now() / 1000);
      return mintWidgetToken(
        {
          iss: host.origin(),
          aud: widget.audience ?? new URL(redirectUri).origin,
          iat,
          nbf: widget.notBefore,
          expiresInSec: widget.expiresInSec ?? WIDGET_TOKEN_TTL_SEC,
          account_id: widget.accountId ?? store.account.id,
          subdomain: store.account.subdomain,
          user_id: userId,
          client_uuid: clientId,
          is_admin: widget.isAdmin ?? store.users.get(userId)?.rights.is_admin ?? false,
        },
        widget.secret ?? clientSecret,
      );
    },
    setAccessTokenTtl(seconds) {
      accessTtlSec = checkTtl('accessTokenTtlSec', seconds);
    },
    expireAccessTokens: () => grants.expireAccessTokens(),
    grants: () => grants.list(),
    revoke: (grantId) => grants.revoke(grantId),
    renameTo(origin, rename = {}) {
      const renamed = host.renameTo(origin);
      if (rename.subdomain !== undefined) store.account.subdomain = rename.subdomain;
      return renamed;
    },
    currentHost: () => host.current(),
    async publicKey() {
      requireClient('publicKey');
      return signer!.publicKey();
    },
  };

  return { api, endpoints, checkAccessToken };
}
