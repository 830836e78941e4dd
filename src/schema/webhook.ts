// The webhooks API (issue 8): which URLs amoCRM notifies of which events, and subscribing or
// unsubscribing one. Admin only and at most 100 per account, as amoCRM says.

import { batchWrite, type InputPath, type ItemError, type ItemOutcome } from '../loaders/batch-write.js';
import { WEBHOOK_SETTINGS, type Webhook, type WebhookSetting, type WebhookSubscription } from '../rest/resources/webhooks.js';
import { builder } from './builder.js';
import type { GraphQLContext } from './context.js';
import { errorsOf, inputError, statusOf, WriteErrorRef, WriteStatus } from './write-results.js';

const ADMIN_NOTE = 'Only an account administrator may use the webhooks API; amoCRM refuses anyone else (403).';
const MAX_WEBHOOKS = 100;

export const WebhookEventEnum = builder.enumType('WebhookEvent', {
  description: "An event amoCRM can notify a webhook of; the value is amoCRM's settings name in upper case (add_lead is ADD_LEAD).",
  values: Object.fromEntries(WEBHOOK_SETTINGS.map((setting) => [setting.toUpperCase(), { value: setting }])) as Record<
    Uppercase<WebhookSetting>,
    { value: WebhookSetting }
  >,
});

const WebhookRef = builder.objectRef<Webhook>('Webhook').implement({
  description: `A URL amoCRM posts form-encoded notifications to when the events it subscribes to happen. ${ADMIN_NOTE}`,
  fields: (t) => ({
    amoId: t.exposeInt('id'),
    destination: t.exposeString('destination', { description: 'The URL notified; one webhook per URL.' }),
    events: t.field({ type: [WebhookEventEnum], resolve: (hook) => hook.settings.filter((s): s is WebhookSetting => (WEBHOOK_SETTINGS as readonly string[]).includes(s)) }),
    sort: t.exposeInt('sort'),
    disabled: t.exposeBoolean('disabled', { description: 'amoCRM stops notifying a URL that keeps failing.' }),
    createdByAmoId: t.exposeInt('created_by'),
    createdAt: t.field({ type: 'DateTime', resolve: (hook) => hook.created_at }),
    updatedAt: t.field({ type: 'DateTime', resolve: (hook) => hook.updated_at }),
  }),
});

const SubscribeWebhookInput = builder.inputType('SubscribeWebhookInput', {
  fields: (t) => ({
    destination: t.string({ required: true, description: 'An http(s) URL. Subscribing a URL again replaces its events and sort.' }),
    events: t.field({ type: [WebhookEventEnum], required: true, description: 'At least one.' }),
    sort: t.int({ description: 'Order among the webhooks.' }),
  }),
});

function checkDestination(destination: string, errors: ItemError[]): void {
  let url: URL | undefined;
  try {
    url = new URL(destination);
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) errors.push(inputError(['destination'], 'destination must be an http(s) URL'));
}

/** amoCRM's dotted paths (`settings.1`) in the client's terms (`events`, 1). */
const inputPath = (amoPath: string): InputPath => {
  const [head, ...rest] = amoPath.split('.');
  const name = head === 'settings' ? 'events' : head === 'destination' || head === 'sort' ? head : undefined;
  return name ? [name, ...rest.map((part) => (/^\d+$/.test(part) ? Number(part) : part))] : [];
};

async function subscribe(ctx: GraphQLContext, input: { destination: string; events: WebhookSetting[]; sort?: number | null }) {
  const errors: ItemError[] = [];
  checkDestination(input.destination, errors);
  if (input.events.length === 0) errors.push(inputError(['events'], 'subscribe to at least one event'));
  const body: WebhookSubscription = { destination: input.destination, settings: [...new Set(input.events)], ...(input.sort != null ? { sort: input.sort } : {}) };
  const signal = ctx.upstream.scope?.signal;
  const [outcome] = await batchWrite<WebhookSubscription, Webhook>([errors.length > 0 ? { errors } : { body, inputPath }], {
    requestIds: 'by-position',
    send: async ([item]) => [await ctx.upstream.webhooks.subscribe(item!, { signal })],
    requestIdsOf: () => ['0'],
  });
  return outcome!;
}

async function unsubscribe(ctx: GraphQLContext, destination: string) {
  const errors: ItemError[] = [];
  if (destination.trim() === '') errors.push(inputError(['destination'], 'destination must not be empty'));
  const signal = ctx.upstream.scope?.signal;
  const [outcome] = await batchWrite<{ destination: string }, true>([errors.length > 0 ? { errors } : { body: { destination }, inputPath }], {
    requestIds: 'by-position',
    send: async ([item]) => {
      await ctx.upstream.webhooks.unsubscribe(item!.destination, { signal });
      return [true];
    },
    requestIdsOf: () => ['0'],
  });
  return { destination, outcome: outcome! };
}

const SubscribeWebhookPayload = builder.objectRef<ItemOutcome<Webhook>>('SubscribeWebhookPayload').implement({
  fields: (t) => ({
    status: t.field({ type: WriteStatus, resolve: (outcome) => statusOf(outcome) }),
    errors: t.field({ type: [WriteErrorRef], resolve: (outcome) => errorsOf(outcome) }),
    webhook: t.field({ type: WebhookRef, nullable: true, description: 'The webhook as amoCRM stored it.', resolve: (o) => (o.status === 'succeeded' ? o.value : null) }),
  }),
});

const UnsubscribeWebhookPayload = builder.objectRef<{ destination: string; outcome: ItemOutcome<true> }>('UnsubscribeWebhookPayload').implement({
  fields: (t) => ({
    status: t.field({ type: WriteStatus, description: 'SUCCEEDED also when the URL was not subscribed, as amoCRM answers.', resolve: (r) => statusOf(r.outcome) }),
    errors: t.field({ type: [WriteErrorRef], resolve: (r) => errorsOf(r.outcome) }),
    destination: t.exposeString('destination'),
  }),
});

builder.queryFields((t) => ({
  webhooks: t.field({
    type: [WebhookRef],
    description: `The account's webhooks, or the one for \`destination\` (exact URL). ${ADMIN_NOTE}`,
    args: { destination: t.arg.string() },
    resolve: (_root, args, ctx) => ctx.upstream.webhooks.list({ destination: args.destination ?? undefined, signal: ctx.upstream.scope?.signal }),
  }),
}));

builder.mutationFields((t) => ({
  subscribeWebhook: t.field({
    type: SubscribeWebhookPayload,
    description: `Subscribes a URL to events, or replaces the events of a URL already subscribed. An account holds at most ${MAX_WEBHOOKS} webhooks. ${ADMIN_NOTE}`,
    args: { input: t.arg({ type: SubscribeWebhookInput, required: true }) },
    resolve: (_root, args, ctx) => subscribe(ctx, args.input),
  }),
  unsubscribeWebhook: t.field({
    type: UnsubscribeWebhookPayload,
    description: `Stops notifying a URL. ${ADMIN_NOTE}`,
    args: { destination: t.arg.string({ required: true }) },
    resolve: (_root, args, ctx) => unsubscribe(ctx, args.destination),
  }),
}));
