// /api/v4/webhooks (§3.15): list (204 when none), subscribe (posting a known destination again
// replaces its settings and sort), unsubscribe (204 whether or not it was subscribed). Admin only,
// as amoCRM says: the sandbox's token acts as the account's current user, an admin in the seed.

import type { RequestContext } from '../http/context.js';
import { requireAdmin } from '../http/admin.js';
import { HttpProblem } from '../http/problem.js';
import { hal, noContent, type Reply } from '../http/reply.js';
import type { Route } from '../http/router.js';
import type { WebhookRecord } from '../records.js';
import { createIssues, validationFailed } from '../writes/issues.js';
import { unixNow } from '../writes/env.js';
import { isWebhookSetting, MAX_WEBHOOKS } from './settings.js';

const WEBHOOKS_API = 'the webhooks API';

export function renderWebhook(hook: WebhookRecord) {
  return { ...hook, settings: [...hook.settings] };
}

function isUrl(value: unknown): value is string {
  if (typeof value !== 'string' || value.length > 2048) return false;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

function objectBody(ctx: RequestContext): Record<string, unknown> {
  const body = ctx.body;
  if (body === null || typeof body !== 'object' || Array.isArray(body)) throw new HttpProblem(400, 'The request body must be a JSON object');
  return body as Record<string, unknown>;
}

function listWebhooks(ctx: RequestContext): Reply {
  requireAdmin(ctx, WEBHOOKS_API);
  const filter = ctx.query.get('filter');
  const destination = filter instanceof Map ? filter.get('destination') : undefined;
  const rows = ctx.store.webhooks
    .values()
    .filter((hook) => typeof destination !== 'string' || hook.destination === destination)
    .sort((a, b) => a.sort - b.sort || a.id - b.id);
  if (rows.length === 0) return noContent();
  return hal({ _total_items: rows.length, _embedded: { webhooks: rows.map(renderWebhook) } });
}

function subscribe(ctx: RequestContext): Reply {
  const userId = requireAdmin(ctx, WEBHOOKS_API);
  const body = objectBody(ctx);
  const issues = createIssues();
  const { destination, settings, sort } = body;
  if (destination === undefined || destination === null || destination === '') issues.add('NotBlank', 'destination', 'This value should not be blank.');
  else if (!isUrl(destination)) issues.add('InvalidType', 'destination', 'This value is not a valid URL.');
  if (!Array.isArray(settings) || settings.length === 0) {
    issues.add(Array.isArray(settings) || settings === undefined ? 'NotBlank' : 'InvalidType', 'settings', 'At least one event is required.');
  } else {
    settings.forEach((setting, index) => {
      if (!isWebhookSetting(setting)) issues.add('NotSupportedChoice', `settings.${index}`, 'The value you selected is not a valid choice.');
    });
  }
  if (sort !== undefined && sort !== null && !Number.isInteger(sort)) issues.add('InvalidType', 'sort', 'This value should be of type int.');
  const existing = isUrl(destination) ? ctx.store.webhooks.values().find((hook) => hook.destination === destination) : undefined;
  if (issues.count === 0 && !existing && ctx.store.webhooks.size >= MAX_WEBHOOKS) {
    issues.add('TooMany', '', `An account can have at most ${MAX_WEBHOOKS} webhooks.`);
  }
  if (issues.count > 0) throw validationFailed([{ request_id: '0', errors: issues.list }]);

  const now = unixNow(ctx);
  const unique = [...new Set(settings as string[])];
  const hook: WebhookRecord = existing
    ? { ...existing, settings: unique, sort: (sort as number | undefined) ?? existing.sort, disabled: false, updated_at: now }
    : {
        id: ctx.store.webhooks.nextId(),
        destination: destination as string,
        created_at: now,
        updated_at: now,
        account_id: ctx.store.account.id,
        created_by: userId,
        sort: (sort as number | undefined) ?? 1,
        disabled: false,
        settings: unique,
      };
  ctx.store.webhooks.put(hook);
  return hal(renderWebhook(hook));
}

function unsubscribe(ctx: RequestContext): Reply {
  requireAdmin(ctx, WEBHOOKS_API);
  const { destination } = objectBody(ctx);
  if (typeof destination !== 'string' || destination === '') {
    throw validationFailed([{ request_id: '0', errors: [{ code: 'NotBlank', path: 'destination', detail: 'This value should not be blank.' }] }]);
  }
  for (const hook of ctx.store.webhooks.values()) if (hook.destination === destination) ctx.store.webhooks.delete(hook.id);
  return noContent();
}

export const webhookRoutes: Route[] = [
  { method: 'GET', path: '/api/v4/webhooks', handler: listWebhooks },
  { method: 'POST', path: '/api/v4/webhooks', handler: subscribe },
  { method: 'DELETE', path: '/api/v4/webhooks', handler: unsubscribe },
];
