// The amoCRM client for one account: one request pipeline around the shared undici dispatcher,
// and thin typed resources over it. Knows nothing about GraphQL. The layers, outermost first:
// retry -> trace -> scope (cancellation, per-operation budget) -> ban breaker -> auth -> rate limit -> send.
// Retries and 401 replays therefore queue for the rate limiter like any other call.

import type { Tracer } from '@opentelemetry/api';
import type { Dispatcher } from 'undici';
import type { AuthStrategy } from '../auth/auth-strategy.js';
import { authLayer } from './auth-layer.js';
import type { BanBreaker } from './ban-breaker.js';
import type { RequestInfo } from './errors.js';
import type { RateLimiter } from './limiter/rate-limiter.js';
import { rateLimitLayer } from './rate-limit-layer.js';
import { createRequestPipeline, type RequestLayer, type SendFn } from './request.js';
import { retryLayer, type RetryPolicy } from './retry-layer.js';
import { traceLayer } from './trace-layer.js';
import { createScopeHandle, type RequestScope, type ScopeHandle } from './scope-layer.js';
import { createAccountResource } from './resources/account.js';
import { createCompaniesResource } from './resources/companies.js';
import { createContactsResource } from './resources/contacts.js';
import { createCurrenciesResource } from './resources/currencies.js';
import { createCustomersResource } from './resources/customers.js';
import { createCustomFieldsResource } from './resources/custom-fields.js';
import { createEventsResource } from './resources/events.js';
import { createFilesResource } from './resources/files.js';
import { createLeadsResource } from './resources/leads.js';
import { createLinksResource } from './resources/links.js';
import { createLossReasonsResource } from './resources/loss-reasons.js';
import { createNotesResource } from './resources/notes.js';
import { createPipelinesResource } from './resources/pipelines.js';
import { createProductsResource } from './resources/products.js';
import { createRawResource } from './resources/raw.js';
import { createRolesResource } from './resources/roles.js';
import { createTagsResource } from './resources/tags.js';
import { createCatalogsResource } from './resources/catalogs.js';
import { createCallsResource } from './resources/calls.js';
import { createChatTemplatesResource } from './resources/chat-templates.js';
import { createShortLinksResource } from './resources/short-links.js';
import { createSourcesResource } from './resources/sources.js';
import { createSubscriptionsResource } from './resources/subscriptions.js';
import { createTalksResource } from './resources/talks.js';
import { createTasksResource } from './resources/tasks.js';
import { createUnsortedResource } from './resources/unsorted.js';
import { createUsersResource } from './resources/users.js';
import { createWebhooksResource } from './resources/webhooks.js';
import { createWebsiteButtonsResource } from './resources/website-buttons.js';
import { createWidgetsResource } from './resources/widgets.js';

export const DEFAULT_USER_AGENT = 'amocrm-graphql/0.1';

export interface AmoClientOptions {
  /**
   * The account origin: `https://example.amocrm.ru`, a kommo.com host, a proxy, the sandbox; a
   * function when it may change (OAuth accounts follow subdomain renames).
   */
  baseUrl: string | (() => string);
  auth: AuthStrategy;
  dispatcher: Dispatcher;
  userAgent?: string;
  /** Per-request deadline; the official SDK uses 20 s. */
  timeoutMs?: number;
  /** Shared by every client of the account (and, through Redis, every instance). */
  limiter?: RateLimiter;
  breaker?: BanBreaker;
  retry?: RetryPolicy;
  onResponse?: (info: RequestInfo, error?: Error) => void;
  /** Traces every upstream attempt; without it tracing costs nothing. */
  tracer?: Tracer;
}

export function createAmoClient(options: AmoClientOptions, scope?: RequestScope): AmoClient {
  const layers: RequestLayer[] = [];
  const handle = scope ? createScopeHandle(scope) : null;
  if (options.retry) layers.push(retryLayer(options.retry));
  if (options.tracer) layers.push(traceLayer(options.tracer));
  if (handle) layers.push(handle.layer);
  if (options.breaker) layers.push(options.breaker.layer);
  layers.push(authLayer(options.auth));
  if (options.limiter) layers.push(rateLimitLayer(options.limiter));
  const send: SendFn = createRequestPipeline({
    baseUrl: options.baseUrl,
    dispatcher: options.dispatcher,
    userAgent: options.userAgent ?? DEFAULT_USER_AGENT,
    timeoutMs: options.timeoutMs ?? 20_000,
    layers,
    onResponse: options.onResponse,
  });
  const client: AmoClient = {
    get baseUrl() {
      return typeof options.baseUrl === 'function' ? options.baseUrl() : options.baseUrl;
    },
    /** The same client for one GraphQL operation: its signal and its upstream budget. */
    withScope: (next: RequestScope) => createAmoClient(options, next),
    scope: handle,
    /** The raw pipeline, for endpoints without a typed resource yet. */
    request: send,
    account: createAccountResource(send),
    users: createUsersResource(send),
    pipelines: createPipelinesResource(send),
    lossReasons: createLossReasonsResource(send),
    customFields: createCustomFieldsResource(send),
    leads: createLeadsResource(send),
    contacts: createContactsResource(send),
    companies: createCompaniesResource(send),
    tags: createTagsResource(send),
    links: createLinksResource(send),
    unsorted: createUnsortedResource(send),
    notes: createNotesResource(send),
    tasks: createTasksResource(send),
    webhooks: createWebhooksResource(send),
    events: createEventsResource(send),
    roles: createRolesResource(send),
    currencies: createCurrenciesResource(send),
    raw: createRawResource(send),
    customers: createCustomersResource(send),
    catalogs: createCatalogsResource(send),
    products: createProductsResource(send),
    sources: createSourcesResource(send),
    shortLinks: createShortLinksResource(send),
    talks: createTalksResource(send),
    calls: createCallsResource(send),
    subscriptions: createSubscriptionsResource(send),
    chatTemplates: createChatTemplatesResource(send),
    widgets: createWidgetsResource(send),
    websiteButtons: createWebsiteButtonsResource(send),
    files: createFilesResource(send),
  };
  return client;
}

export interface AmoClient {
  /** The account origin in use now. */
  readonly baseUrl: string;
  withScope(scope: RequestScope): AmoClient;
  /** The operation scope of a client made by `withScope`, or null. */
  scope: ScopeHandle | null;
  request: SendFn;
  account: ReturnType<typeof createAccountResource>;
  users: ReturnType<typeof createUsersResource>;
  pipelines: ReturnType<typeof createPipelinesResource>;
  lossReasons: ReturnType<typeof createLossReasonsResource>;
  customFields: ReturnType<typeof createCustomFieldsResource>;
  leads: ReturnType<typeof createLeadsResource>;
  contacts: ReturnType<typeof createContactsResource>;
  companies: ReturnType<typeof createCompaniesResource>;
  tags: ReturnType<typeof createTagsResource>;
  links: ReturnType<typeof createLinksResource>;
  unsorted: ReturnType<typeof createUnsortedResource>;
  notes: ReturnType<typeof createNotesResource>;
  tasks: ReturnType<typeof createTasksResource>;
  webhooks: ReturnType<typeof createWebhooksResource>;
  events: ReturnType<typeof createEventsResource>;
  roles: ReturnType<typeof createRolesResource>;
  currencies: ReturnType<typeof createCurrenciesResource>;
  /** Read-only GETs under /api/v4/ (the `amocrmRequest` escape hatch). */
  raw: ReturnType<typeof createRawResource>;
  customers: ReturnType<typeof createCustomersResource>;
  catalogs: ReturnType<typeof createCatalogsResource>;
  /** The products switch: `/api/v4/catalogs/products/settings`. */
  products: ReturnType<typeof createProductsResource>;
  sources: ReturnType<typeof createSourcesResource>;
  shortLinks: ReturnType<typeof createShortLinksResource>;
  talks: ReturnType<typeof createTalksResource>;
  calls: ReturnType<typeof createCallsResource>;
  subscriptions: ReturnType<typeof createSubscriptionsResource>;
  chatTemplates: ReturnType<typeof createChatTemplatesResource>;
  widgets: ReturnType<typeof createWidgetsResource>;
  websiteButtons: ReturnType<typeof createWebsiteButtonsResource>;
  /** The drive (files API, on the account's drive_url) and files attached to entities. */
  files: ReturnType<typeof createFilesResource>;
}
