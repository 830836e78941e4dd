// GET /oauth: amoCRM's consent page (www.amocrm.ru/oauth; the sandbox serves it on any origin).
// It approves at once, as if the account's admin clicked "allow", and sends the browser back to
// the integration's redirect URI with a code valid 20 minutes and the account host in `referer`.
// Extras a client library adds (response_type, redirect_uri, approval_prompt) are ignored.

import { queryValue, type EndpointRequest } from '../http/endpoints.js';
import type { Reply } from '../http/reply.js';
import { consentingUser, type OAuthContext } from './context.js';

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

function page(status: number, message: string): Reply {
  return {
    status,
    contentType: 'text/html; charset=utf-8',
    body: `<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>amoCRM</title></head><body><h1>${status}</h1><p>${escapeHtml(message)}</p></body></html>\n`,
  };
}

export function consent(ctx: OAuthContext, request: EndpointRequest): Reply {
  const clientId = queryValue(request, 'client_id');
  if (!ctx.client || clientId !== ctx.client.clientId) {
    request.notes.push('consent: unknown client');
    return page(400, clientId ? `No integration with client_id ${clientId}` : 'client_id is required');
  }
  const state = queryValue(request, 'state');
  const code = ctx.grants.issueCode(consentingUser(ctx.store));
  const target = new URL(ctx.client.redirectUri);
  target.searchParams.set('code', code);
  if (state !== null) target.searchParams.set('state', state);
  target.searchParams.set('referer', ctx.host.domainFor(request.host));
  target.searchParams.set('client_id', clientId);
  request.notes.push(`consent: approved (mode ${queryValue(request, 'mode') ?? 'post_message'})`);
  return { status: 302, headers: { location: target.toString(), 'cache-control': 'no-store' } };
}
