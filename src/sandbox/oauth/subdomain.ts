// The account-domain look-ups (reference §4.3) a client uses after a subdomain rename:
//   GET /oauth2/account/subdomain          Authorization: Bearer <access token>
//   GET /oauth2/account/current/subdomain  X-Refresh-Token: <an active refresh token>
// Both answer on any origin (amoCRM serves them on www and on the token's api_domain) with the
// account's current host. Looking up never spends the refresh token.

import type { EndpointRequest } from '../http/endpoints.js';
import { problem, type Reply } from '../http/reply.js';
import type { OAuthContext } from './context.js';
import { invalidRefreshToken, invalidRequest } from './problem.js';

/** The sandbox's hosts are IPs and ports; the account stands in for an amocrm.ru one. */
const TOP_LEVEL_DOMAIN = 'ru';

function accountDomain(ctx: OAuthContext, request: EndpointRequest): Reply {
  const account = ctx.store.account;
  return {
    status: 200,
    contentType: 'application/json',
    body: { id: account.id, subdomain: account.subdomain, domain: ctx.host.domainFor(request.host), top_level_domain: TOP_LEVEL_DOMAIN },
  };
}

export function subdomainByAccessToken(ctx: OAuthContext, request: EndpointRequest): Reply {
  if (!ctx.bearerValid(request.token)) return problem(401, 'Неверный логин или пароль');
  return accountDomain(ctx, request);
}

export function subdomainByRefreshToken(ctx: OAuthContext, request: EndpointRequest): Reply {
  const header = request.headers['x-refresh-token'];
  const refreshToken = (Array.isArray(header) ? header[0] : header)?.trim();
  if (!refreshToken) return invalidRequest('Check the `X-Refresh-Token` header');
  const check = ctx.grants.checkRefreshToken(refreshToken);
  if (!check.ok) {
    request.notes.push(`refresh token rejected: ${check.hint}`);
    return invalidRefreshToken(check.hint);
  }
  return accountDomain(ctx, request);
}
