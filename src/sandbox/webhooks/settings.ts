// The event names a webhook subscribes to (`settings`, §3.15), as amoCRM spells them. The sandbox
// accepts every documented name but emits only those of leads, contacts, companies and tasks.

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

const KNOWN = new Set<string>(WEBHOOK_SETTINGS);

export const isWebhookSetting = (value: unknown): value is WebhookSetting => typeof value === 'string' && KNOWN.has(value);

/** amoCRM's documented cap on subscriptions per account. */
export const MAX_WEBHOOKS = 100;
