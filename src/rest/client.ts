// The amoCRM client for one account: a request pipeline (auth and future layers around one
// undici dispatcher) and thin typed resources over it. Knows nothing about GraphQL.

import type { Dispatcher } from 'undici';
import type { AuthStrategy } from '../auth/auth-strategy.js';
import { authLayer } from './auth-layer.js';
import type { RequestInfo } from './errors.js';
import { createRequestPipeline, type RequestLayer, type SendFn } from './request.js';
import { createAccountResource } from './resources/account.js';
import { createCompaniesResource } from './resources/companies.js';
import { createContactsResource } from './resources/contacts.js';
import { createCustomFieldsResource } from './resources/custom-fields.js';
import { createLeadsResource } from './resources/leads.js';
import { createLinksResource } from './resources/links.js';
import { createLossReasonsResource } from './resources/loss-reasons.js';
import { createPipelinesResource } from './resources/pipelines.js';
import { createTagsResource } from './resources/tags.js';
import { createUsersResource } from './resources/users.js';

export const DEFAULT_USER_AGENT = 'amocrm-graphql/0.1';

export interface AmoClientOptions {
  /** The account origin: `https://example.amocrm.ru`, a kommo.com host, a proxy, the sandbox. */
  baseUrl: string;
  auth: AuthStrategy;
  dispatcher: Dispatcher;
  userAgent?: string;
  /** Per-request deadline; the official SDK uses 20 s. */
  timeoutMs?: number;
  /** Layers between auth and the wire (rate limit, retry…), outermost first. */
  layers?: readonly RequestLayer[];
  onResponse?: (info: RequestInfo, error?: Error) => void;
}

export function createAmoClient(options: AmoClientOptions) {
  const send: SendFn = createRequestPipeline({
    baseUrl: options.baseUrl,
    dispatcher: options.dispatcher,
    userAgent: options.userAgent ?? DEFAULT_USER_AGENT,
    timeoutMs: options.timeoutMs ?? 20_000,
    layers: [authLayer(options.auth), ...(options.layers ?? [])],
    onResponse: options.onResponse,
  });
  return {
    baseUrl: options.baseUrl,
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
  };
}

export type AmoClient = ReturnType<typeof createAmoClient>;
