// POST /oauth2/access_token: the code exchange and the refresh, checked in League's order (grant
// type, client, redirect URI, then the code or refresh token) with amoCRM's answers. The body is
// JSON (what the SDK sends); form-encoded works too, as amoCRM accepts both. On an origin the
// account was renamed away from it answers 404, which clients take as "look the domain up".

import type { EndpointRequest } from '../http/endpoints.js';
import { problem, type Reply } from '../http/reply.js';
import type { OAuthContext } from './context.js';
import type { Issued } from './grants.js';
import { invalidRefreshToken, invalidRequest, unsupportedGrantType } from './problem.js';

const NO_STORE = { 'cache-control': 'no-store', pragma: 'no-cache' };

/** String parameters of the body; anything else (numbers, objects, bad JSON) counts as absent. */
export function readParams(text: string | null, contentType: string | undefined): Record<string, string> {
  if (!text) return {};
  let parsed: unknown;
  if (/^application\/x-www-form-urlencoded\b/i.test(contentType ?? '')) {
    parsed = Object.fromEntries(new URLSearchParams(text));
  } else {
    try {
      parsed = JSON.parse(text);
    } catch {
      return {};
    }
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return {};
  return Object.fromEntries(Object.entries(parsed).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
}

async function issue(ctx: OAuthContext, request: EndpointRequest, issued: Issued, grantType: string): Promise<Reply> {
  const client = ctx.client!;
  const signer = ctx.signer!;
  const iat = Math.floor(ctx.now() / 1000);
  const ttl = ctx.accessTtlSec();
  const { token } = await signer.sign({
    aud: client.clientId,
    iat,
    exp: iat + ttl,
    sub: String(issued.userId),
    grant_type: grantType,
    account_id: ctx.store.account.id,
    api_domain: request.host,
  });
  // Registered after signing; if the grant was revoked meanwhile the token is born dead.
  ctx.grants.addAccessToken(token, issued.grantId, (iat + ttl) * 1000);
  return {
    status: 200,
    contentType: 'application/json',
    headers: NO_STORE,
    body: { token_type: 'Bearer', expires_in: ttl, server_time: iat, access_token: token, refresh_token: issued.refreshToken },
  };
}

export async function tokenEndpoint(ctx: OAuthContext, request: EndpointRequest): Promise<Reply> {
  if (!ctx.host.serves(request.host)) {
    request.notes.push(`account moved to ${ctx.host.current()}`);
    return problem(404, 'Account not found');
  }
  const params = readParams(await request.body(), request.headers['content-type']);
  const grantType = params.grant_type;
  if (grantType !== 'authorization_code' && grantType !== 'refresh_token') {
    request.notes.push(`unsupported grant_type ${JSON.stringify(grantType ?? null)}`);
    return unsupportedGrantType();
  }
  request.notes.push(`grant: ${grantType}`);

  const client = ctx.client;
  if (!client || params.client_id !== client.clientId) {
    request.notes.push('unknown client_id');
    return invalidRequest('Check the `client_id` parameter');
  }
  if (params.client_secret !== client.clientSecret) {
    request.notes.push('wrong client_secret');
    return invalidRequest('Check the `client_secret` parameter');
  }
  if (params.redirect_uri !== undefined && params.redirect_uri !== client.redirectUri) {
    request.notes.push('wrong redirect_uri');
    return invalidRequest('Redirect URI is not associated with client');
  }

  if (grantType === 'authorization_code') {
    if (!params.code) return invalidRequest('Check the `code` parameter');
    if (params.redirect_uri === undefined) return invalidRequest('Check the `redirect_uri` parameter');
    const outcome = ctx.grants.redeemCode(params.code);
    if (!outcome.ok) {
      request.notes.push(...outcome.notes);
      return invalidRequest(outcome.hint);
    }
    request.notes.push(`grant ${outcome.grantId} created`);
    return issue(ctx, request, outcome, grantType);
  }

  if (!params.refresh_token) return invalidRequest('Check the `refresh_token` parameter');
  const outcome = ctx.grants.refresh(params.refresh_token);
  if (!outcome.ok) {
    request.notes.push(...outcome.notes);
    return invalidRefreshToken(outcome.hint);
  }
  request.notes.push(`grant ${outcome.grantId} rotated`);
  return issue(ctx, request, outcome, grantType);
}
