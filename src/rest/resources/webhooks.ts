// /api/v4/webhooks: the account's webhook subscriptions (admin only, at most 100 per account).
// One destination URL holds one subscription; posting it again replaces its settings.

import type { SendFn } from '../request.js';
import type { HalCollection, UnixSeconds } from '../types.js';

/** The events a webhook can subscribe to, as amoCRM names them in `settings`. */
export const WEBHOOK_SETTINGS = [
  'add_lead',
  'add_contact',
  'add_company',
  'add_customer',
  'add_task',
  'add_talk',
  'update_lead',
  'update_contact',
  'update_company',
  'update_customer',
  'update_task',
  'update_talk',
  'delete_lead',
  'delete_contact',
  'delete_company',
  'delete_customer',
  'delete_task',
  'restore_lead',
  'restore_contact',
  'restore_company',
  'status_lead',
  'responsible_lead',
  'responsible_contact',
  'responsible_company',
  'responsible_customer',
  'responsible_task',
  'note_lead',
  'note_contact',
  'note_company',
  'note_customer',
  'add_chat_template_review',
] as const;

export type WebhookSetting = (typeof WEBHOOK_SETTINGS)[number];

export interface Webhook {
  id: number;
  destination: string;
  created_at: UnixSeconds;
  updated_at: UnixSeconds;
  account_id: number;
  created_by: number;
  sort: number;
  disabled: boolean;
  settings: WebhookSetting[];
}

export interface WebhookSubscription {
  destination: string;
  settings: readonly WebhookSetting[];
  sort?: number;
}

export function createWebhooksResource(send: SendFn) {
  return {
    /** Every subscription, or the one for `destination`; amoCRM answers 204 when there is none. */
    async list(params: { destination?: string; signal?: AbortSignal } = {}): Promise<Webhook[]> {
      const response = await send({
        method: 'GET',
        path: '/api/v4/webhooks',
        query: params.destination ? { filter: { destination: params.destination } } : undefined,
        signal: params.signal,
      });
      return (response.data as HalCollection<'webhooks', Webhook> | undefined)?._embedded?.webhooks ?? [];
    },
    async subscribe(subscription: WebhookSubscription, params: { signal?: AbortSignal } = {}): Promise<Webhook> {
      if (!subscription.destination) throw new RangeError('a webhook needs a destination');
      if (subscription.settings.length === 0) throw new RangeError('a webhook needs at least one event in settings');
      const response = await send({ method: 'POST', path: '/api/v4/webhooks', body: subscription, signal: params.signal });
      return response.data as Webhook;
    },
    /** amoCRM answers 204 whether or not the destination was subscribed. */
    async unsubscribe(destination: string, params: { signal?: AbortSignal } = {}): Promise<void> {
      if (!destination) throw new RangeError('a webhook needs a destination');
      await send({ method: 'DELETE', path: '/api/v4/webhooks', body: { destination }, signal: params.signal });
    },
  };
}
