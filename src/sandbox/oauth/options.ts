// The integration the sandbox knows (amoCRM registers one client per integration) and its
// token lifetimes, with amoCRM's defaults filled in and checked once at creation.

export interface OAuthOptions {
  /** The integration id (a UUID in amoCRM; any non-empty string here). */
  clientId: string;
  clientSecret: string;
  /** The redirect URI registered on the integration; the token endpoint compares it exactly. */
  redirectUri: string;
  /** Access-token lifetime in seconds (default 86400, amoCRM's 24 h). */
  accessTokenTtlSec?: number;
  /** Refresh-token lifetime in seconds (default 90 days, amoCRM's 3 months). */
  refreshTokenTtlSec?: number;
  /**
   * Re-using a spent refresh token revokes the whole grant, so its current access and refresh
   * tokens die too (default true): how a double refresh kills an integration.
   */
  revokeGrantOnReuse?: boolean;
}

export interface ResolvedOAuthOptions {
  clientId: string;
  clientSecret: string;
  redirectUri: string;
  accessTokenTtlSec: number;
  refreshTokenTtlSec: number;
  revokeGrantOnReuse: boolean;
}

export const DEFAULT_ACCESS_TTL_SEC = 86_400;
export const DEFAULT_REFRESH_TTL_SEC = 90 * 86_400;
/** Authorization codes live 20 minutes (secondary sources; see the reference, §4.1). */
export const CODE_TTL_SEC = 20 * 60;

export function checkTtl(name: string, value: number): number {
  if (!Number.isInteger(value) || value < 1) throw new TypeError(`oauth.${name} must be a positive integer of seconds, got ${value}`);
  return value;
}

export function resolveOAuthOptions(options: OAuthOptions): ResolvedOAuthOptions {
  for (const key of ['clientId', 'clientSecret', 'redirectUri'] as const) {
    if (typeof options[key] !== 'string' || options[key] === '') throw new TypeError(`oauth.${key} must be a non-empty string`);
  }
  try {
    new URL(options.redirectUri);
  } catch {
    throw new TypeError(`oauth.redirectUri must be an absolute URL, got "${options.redirectUri}"`);
  }
  return {
    clientId: options.clientId,
    clientSecret: options.clientSecret,
    redirectUri: options.redirectUri,
    accessTokenTtlSec: checkTtl('accessTokenTtlSec', options.accessTokenTtlSec ?? DEFAULT_ACCESS_TTL_SEC),
    refreshTokenTtlSec: checkTtl('refreshTokenTtlSec', options.refreshTokenTtlSec ?? DEFAULT_REFRESH_TTL_SEC),
    revokeGrantOnReuse: options.revokeGrantOnReuse ?? true,
  };
}

/** A secret fit for a console or a log: the first 4 characters of a long one, never its length. */
export function maskSecret(secret: string): string {
  return secret.length < 12 ? '********' : `${secret.slice(0, 4)}********`;
}
