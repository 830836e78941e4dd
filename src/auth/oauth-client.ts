// amoCRM's OAuth endpoints: exchanging a code, refreshing a pair, and finding an account's
// current host after a subdomain rename. Requests go to the account host (never `www.`), through
// the shared dispatcher, after `beforeRequest` (the account's rate limiter: refreshes count too).

import { decodeJwt } from 'jose';
import type { Dispatcher } from 'undici';
import { OAuthEndpointError } from './errors.js';
import type { TokenSet } from './types.js';

export interface OAuthClientOptions {
  clientId: string;
  clientSecret: string;
  redirectUri: string;
  dispatcher: Dispatcher;
  userAgent?: string;
  timeoutMs?: number;
  now?: () => number;
}

export interface TokenGrant {
  token: TokenSet;
  /** Claims read (not verified: amoCRM signs with its own key) from the access token. */
  accountId: number | null;
  apiDomain: string | null;
}

export interface OAuthClient {
  exchangeCode(baseUrl: string, code: string, signal?: AbortSignal): Promise<TokenGrant>;
  refresh(baseUrl: string, refreshToken: string, signal?: AbortSignal): Promise<TokenGrant>;
  /** The account's current origin, asked with the refresh token (the endpoint current SDKs use). */
  currentOrigin(apiDomain: string, refreshToken: string, protocol: string, signal?: AbortSignal): Promise<string>;
}

interface Answer {
  status: number;
  body: unknown;
}

/** The access token's claims that matter here; malformed tokens simply have none. */
export function accessTokenClaims(accessToken: string): { accountId: number | null; apiDomain: string | null; expiresAt: number | null } {
  try {
    const claims = decodeJwt(accessToken);
    const accountId = Number(claims.account_id);
    return {
      accountId: Number.isSafeInteger(accountId) && accountId > 0 ? accountId : null,
      apiDomain: typeof claims.api_domain === 'string' ? claims.api_domain : null,
      expiresAt: typeof claims.exp === 'number' ? claims.exp * 1000 : null,
    };
  } catch {
    return { accountId: null, apiDomain: null, expiresAt: null };
  }
}

export function createOAuthClient(options: OAuthClientOptions): OAuthClient {
  const now = options.now ?? Date.now;

  const call = async (url: URL, init: { method: 'GET' | 'POST'; body?: unknown; headers?: Record<string, string> }, signal?: AbortSignal): Promise<Answer> => {
    const timeout = AbortSignal.timeout(options.timeoutMs ?? 15_000);
    try {
      const response = await options.dispatcher.request({
        origin: url.origin,
        path: `${url.pathname}${url.search}`,
        method: init.method,
        headers: {
          accept: 'application/json',
          'user-agent': options.userAgent ?? 'amocrm-graphql',
          ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
          ...init.headers,
        },
        body: init.body === undefined ? undefined : JSON.stringify(init.body),
        signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
      });
      const text = await response.body.text();
      let body: unknown = null;
      try {
        body = text ? JSON.parse(text) : null;
      } catch {
        body = null;
      }
      return { status: response.statusCode, body };
    } catch (cause) {
      throw new OAuthEndpointError(null, 'unavailable', `amoCRM's OAuth endpoint at ${url.host} could not be reached`, { cause });
    }
  };

  const fail = (answer: Answer, host: string): never => {
    const problem = (answer.body ?? {}) as { hint?: string; title?: string; detail?: string };
    const said = [problem.title, problem.detail, problem.hint].filter(Boolean).join(': ') || 'no details';
    const message = `amoCRM's token endpoint at ${host} answered ${answer.status}: ${said}`;
    if (answer.status === 404) throw new OAuthEndpointError(404, 'not_found', message);
    if (/revoked|expired|invalid_grant|used/i.test(`${problem.hint ?? ''} ${problem.detail ?? ''}`)) {
      throw new OAuthEndpointError(answer.status, 'revoked', message);
    }
    if (answer.status === 401 || answer.status === 400) {
      throw new OAuthEndpointError(answer.status, /client|secret|redirect/i.test(said) ? 'invalid_client' : 'rejected', message);
    }
    throw new OAuthEndpointError(answer.status, 'unavailable', message);
  };

  const grant = async (baseUrl: string, body: Record<string, string>, signal?: AbortSignal): Promise<TokenGrant> => {
    const url = new URL('/oauth2/access_token', baseUrl);
    const answer = await call(url, { method: 'POST', body: { client_id: options.clientId, client_secret: options.clientSecret, redirect_uri: options.redirectUri, ...body } }, signal);
    if (answer.status !== 200) return fail(answer, url.host);
    const data = answer.body as { access_token?: unknown; refresh_token?: unknown; expires_in?: unknown } | null;
    if (typeof data?.access_token !== 'string' || typeof data.expires_in !== 'number') {
      throw new OAuthEndpointError(answer.status, 'unavailable', `amoCRM's token endpoint at ${url.host} answered without a token`);
    }
    const claims = accessTokenClaims(data.access_token);
    return {
      token: {
        accessToken: data.access_token,
        refreshToken: typeof data.refresh_token === 'string' ? data.refresh_token : null,
        expiresAt: now() + data.expires_in * 1000,
      },
      accountId: claims.accountId,
      apiDomain: claims.apiDomain,
    };
  };

  return {
    exchangeCode: (baseUrl, code, signal) => grant(baseUrl, { grant_type: 'authorization_code', code }, signal),
    refresh: (baseUrl, refreshToken, signal) => grant(baseUrl, { grant_type: 'refresh_token', refresh_token: refreshToken }, signal),
    async currentOrigin(apiDomain, refreshToken, protocol, signal) {
      const url = new URL(`${protocol}//${apiDomain}/oauth2/account/current/subdomain`);
      const answer = await call(url, { method: 'GET', headers: { 'x-refresh-token': refreshToken } }, signal);
      const domain = (answer.body as { domain?: unknown } | null)?.domain;
      if (answer.status !== 200 || typeof domain !== 'string') return fail(answer, url.host);
      return `${protocol}//${domain}`;
    },
  };
}
