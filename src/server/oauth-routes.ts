// Installing the integration into an amoCRM account: `/oauth/install` sends the admin to
// amoCRM's consent page with a signed, expiring `state`; the redirect URI's path receives the
// code, checks the state, exchanges the code at the account host amoCRM named in `referer`
// (only an allowed amoCRM host ever receives the client secret), and stores the pair.

import { createHmac, randomUUID } from 'node:crypto';
import { jwtVerify, SignJWT } from 'jose';
import type { Plugin } from 'graphql-yoga';
import { LRUCache } from 'lru-cache';
import type { OAuthClient } from '../auth/oauth-client.js';
import type { AccountRegistry } from './accounts.js';

export interface OAuthRoutesOptions {
  clientId: string;
  clientSecret: string;
  redirectUri: string;
  /** amoCRM's consent page: https://www.amocrm.ru/oauth, https://www.kommo.com/oauth, the sandbox's. */
  authorizeUrl: string;
  client: OAuthClient;
  registry: AccountRegistry;
  isAllowedOrigin: (origin: string) => boolean;
  stateTtlMs?: number;
  installPath?: string;
  now?: () => number;
  log?: (level: 'error' | 'warn' | 'info', message: string) => void;
}

/**
 * Which account hosts may receive the client secret: `*.amocrm.ru`-style wildcards (https only)
 * and exact origins (any scheme, for the sandbox or a proxy).
 */
export function allowedOrigins(patterns: readonly string[]): (origin: string) => boolean {
  const exact = new Set<string>();
  const suffixes: string[] = [];
  for (const pattern of patterns) {
    if (pattern.startsWith('*.')) suffixes.push(pattern.slice(1).toLowerCase());
    else exact.add(new URL(pattern).origin);
  }
  return (origin) => {
    let url: URL;
    try {
      url = new URL(origin);
    } catch {
      return false;
    }
    if (exact.has(url.origin)) return true;
    return url.protocol === 'https:' && url.port === '' && suffixes.some((suffix) => url.hostname.toLowerCase().endsWith(suffix));
  };
}

export const DEFAULT_OAUTH_HOSTS = ['*.amocrm.ru', '*.amocrm.com', '*.kommo.com'];

function page(status: number, title: string, text: string): Response {
  const escape = (value: string) => value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  return new Response(
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escape(title)}</title></head><body><h1>${escape(title)}</h1><p>${escape(text)}</p></body></html>`,
    { status, headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' } },
  );
}

export function useOAuthRoutes(options: OAuthRoutesOptions): Plugin {
  const now = options.now ?? Date.now;
  const log = options.log ?? ((level, message) => console[level](message));
  const stateTtlMs = options.stateTtlMs ?? 10 * 60_000;
  const installPath = options.installPath ?? '/oauth/install';
  const callbackPath = new URL(options.redirectUri).pathname;
  // A key of its own for `state`, derived from the client secret (never the secret itself).
  const stateKey = createHmac('sha256', options.clientSecret).update('amocrm-graphql oauth state').digest();
  // A state is good for one callback (in this process; the code itself is single-use at amoCRM).
  const usedStates = new LRUCache<string, true>({ max: 10_000, ttl: stateTtlMs });

  const install = async (): Promise<Response> => {
    const state = await new SignJWT({})
      .setProtectedHeader({ alg: 'HS256' })
      .setJti(randomUUID())
      .setAudience(options.redirectUri)
      .setIssuedAt(Math.floor(now() / 1000))
      .setExpirationTime(Math.floor((now() + stateTtlMs) / 1000))
      .sign(stateKey);
    const target = new URL(options.authorizeUrl);
    target.searchParams.set('client_id', options.clientId);
    target.searchParams.set('state', state);
    target.searchParams.set('mode', 'post_message');
    return new Response(null, { status: 302, headers: { location: target.toString(), 'cache-control': 'no-store' } });
  };

  const callback = async (url: URL): Promise<Response> => {
    const params = url.searchParams;
    if (params.get('error')) return page(400, 'Installation cancelled', 'amoCRM did not grant access.');
    const code = params.get('code');
    const state = params.get('state');
    const referer = params.get('referer');
    if (!code || !state || !referer) return page(400, 'Installation failed', 'The callback is missing its code, state or referer.');
    try {
      const { payload } = await jwtVerify(state, stateKey, {
        algorithms: ['HS256'],
        audience: options.redirectUri,
        currentDate: new Date(now()),
      });
      if (!payload.jti || usedStates.has(payload.jti)) throw new Error('state already used');
      usedStates.set(payload.jti, true);
    } catch {
      return page(400, 'Installation failed', 'The installation link is invalid or has expired; start again from the install page.');
    }
    // amoCRM names the account host as `subdomain.amocrm.ru`; only allowed hosts get the secret.
    const origin = [`https://${referer}`, `http://${referer}`].find((candidate) => {
      try {
        return new URL(candidate).host === referer.toLowerCase() && options.isAllowedOrigin(new URL(candidate).origin);
      } catch {
        return false;
      }
    });
    if (!origin) {
      log('warn', `refused an OAuth callback naming a host that is not an allowed amoCRM host`);
      return page(400, 'Installation failed', 'The account host is not an amoCRM host this gateway accepts.');
    }
    try {
      const grant = await options.client.exchangeCode(new URL(origin).origin, code);
      if (grant.accountId === null) throw new Error('the access token names no account');
      const account = await options.registry.install({
        accountId: grant.accountId,
        baseUrl: new URL(origin).origin,
        token: grant.token,
        apiDomain: grant.apiDomain,
        updatedAt: now(),
      });
      log('info', `installed amoCRM account ${account.accountId} (${new URL(origin).host})`);
      return page(200, 'Installed', `amocrm-graphql now serves amoCRM account ${grant.accountId}. You can close this window.`);
    } catch (error) {
      log('error', `OAuth code exchange for ${new URL(origin).host} failed: ${(error as Error).message}`);
      return page(502, 'Installation failed', 'amoCRM did not accept the authorization code; start again from the install page.');
    }
  };

  return {
    async onRequest({ request, url, endResponse }) {
      if (url.pathname === installPath && request.method === 'GET') endResponse(await install());
      else if (url.pathname === callbackPath && request.method === 'GET') endResponse(await callback(url));
    },
  };
}
