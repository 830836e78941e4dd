// The event names a webhook subscribes to (`settings`, §3.15), as amoCRM spells them. The sandbox
// accepts every documented name but emits only those of leads, contacts, companies and tasks.
// The list itself is the REST core's, so client and emulator agree.

import { WEBHOOK_SETTINGS, type WebhookSetting } from '../../rest/resources/webhooks.js';

export { WEBHOOK_SETTINGS, type WebhookSetting };

const KNOWN = new Set<string>(WEBHOOK_SETTINGS);

export const isWebhookSetting = (value: unknown): value is WebhookSetting => typeof value === 'string' && KNOWN.has(value);

/** amoCRM's documented cap on subscriptions per account. */
export const MAX_WEBHOOKS = 100;
