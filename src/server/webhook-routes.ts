// The webhook receiver: `POST /webhooks/amocrm/<token>`. amoCRM signs nothing, so the token in the
// URL (src/webhooks/token.ts) is the protection; a wrong one answers 404 as if the route did not
// exist. amoCRM wants an answer within 2 s: the body is parsed, published and answered, nothing
// more (subscribers load entities themselves). Whatever is refused publishes nothing.

import type { Plugin } from 'graphql-yoga';
import type { EventBus } from './event-bus.js';
import { parseWebhookBody, WebhookBodyError, type EntityEvent } from '../webhooks/events.js';
import { tokenLabel, verifyWebhookToken } from '../webhooks/token.js';

export const WEBHOOK_PATH = '/webhooks/amocrm/';

/** What the receiver knows of an account a token may name. */
export interface WebhookAccount {
  key: string;
  /** amoCRM's id and subdomain, when known: the body's `account[...]` must agree. */
  accountId: number | null;
  subdomain: string | null;
}

export interface WebhookRoutesOptions {
  secret: string;
  /** The account a token's label names (`s`: the static one, else an amoCRM id), or null. */
  account(label: string): Promise<WebhookAccount | null>;
  bus: EventBus;
  /**
   * Awaited before publishing (the response cache's seam): a subscriber that reads the entity
   * on hearing of the change must not be answered from a cache that still holds the old one.
   */
  onEvents?: (accountKey: string, events: EntityEvent[]) => void | Promise<void>;
  /** amoCRM's batches are small; default 1 MiB. */
  maxBodyBytes?: number;
  log?: (level: 'error' | 'warn' | 'info', message: string) => void;
}

export function useWebhookRoutes(options: WebhookRoutesOptions): Plugin {
  const maxBodyBytes = options.maxBodyBytes ?? 1024 * 1024;
  return {
    async onRequest({ request, url, fetchAPI, endResponse }) {
      if (!url.pathname.startsWith(WEBHOOK_PATH)) return;
      const answer = (status: number, text: string) =>
        endResponse(new fetchAPI.Response(text, { status, headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' } }));
      const token = url.pathname.slice(WEBHOOK_PATH.length);
      const label = tokenLabel(token);
      const account = label === null ? null : await options.account(label).catch(() => null);
      if (!account || !verifyWebhookToken(options.secret, token, account.key)) return answer(404, 'Not found');
      if (request.method !== 'POST') return answer(405, 'Method not allowed');

      const type = request.headers.get('content-type')?.split(';')[0]?.trim().toLowerCase();
      if (type !== 'application/x-www-form-urlencoded') return answer(400, 'Expected application/x-www-form-urlencoded');
      const declared = Number(request.headers.get('content-length') ?? '0');
      if (declared > maxBodyBytes) return answer(400, 'Body too large');
      const bytes = new Uint8Array(await request.arrayBuffer());
      if (bytes.byteLength > maxBodyBytes) return answer(400, 'Body too large');

      let events: EntityEvent[];
      try {
        const body = parseWebhookBody(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
        const mismatch = accountMismatch(account, body.account, body.events);
        if (mismatch) return answer(400, mismatch);
        events = body.events;
      } catch (error) {
        if (error instanceof WebhookBodyError || error instanceof TypeError) return answer(400, `Malformed webhook body: ${error.message}`);
        throw error;
      }
      try {
        await options.onEvents?.(account.key, events);
      } catch (error) {
        options.log?.('error', `webhook onEvents hook failed: ${(error as Error).message}`);
      }
      options.bus.publish(account.key, events);
      return answer(200, 'OK');
    },
  };
}

function accountMismatch(account: WebhookAccount, sent: { id: number | null; subdomain: string | null }, events: EntityEvent[]): string | null {
  if (account.accountId !== null) {
    if (sent.id !== null && sent.id !== account.accountId) return 'account[id] is not the account of this URL';
    if (events.some((event) => event.accountId !== null && event.accountId !== account.accountId)) return 'an event names another account';
  }
  if (account.subdomain !== null && sent.subdomain !== null && sent.subdomain.toLowerCase() !== account.subdomain.toLowerCase()) {
    return 'account[subdomain] is not the account of this URL';
  }
  return null;
}
