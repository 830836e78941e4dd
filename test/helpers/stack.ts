// Starts the sandbox and the gateway, each on its own loopback port 0, talking real HTTP, and
// gives tests a GraphQL client plus the sandbox's request log for counting upstream calls.

import { print, type DocumentNode } from 'graphql';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import type { Dispatcher } from 'undici';
import type { UpstreamTrafficConfig } from '../../src/config.js';
import { startGateway, type RunningGateway, type StartOptions } from '../../src/server/app.js';
import { createSandbox, type LoggedRequest, type Sandbox } from '../../src/sandbox/index.js';

export const TEST_TOKEN = 'test-token-3f9c2a1d';

export interface GraphQLResponse<T> {
  data?: T | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
}

export interface Stack {
  sandbox: Sandbox;
  sandboxUrl: string;
  gateway: RunningGateway;
  gql<T = any, V extends Record<string, unknown> = Record<string, unknown>>(
    query: string | DocumentNode | TypedDocumentNode<T, V>,
    variables?: V,
  ): Promise<GraphQLResponse<T>>;
  /** Upstream API calls logged by the sandbox since the last `resetLog()`. */
  upstreamCalls(): LoggedRequest[];
  /** The `filter[id][]` values sent to `path` since the last reset, sorted. */
  idsAskedFor(path: string): number[];
  resetLog(): void;
  close(): Promise<void>;
}

/**
 * A test gateway's options over the sandbox at `baseUrl`: one static account, loopback port 0,
 * unthrottled and without retries (so calls are exactly one pass), anonymous clients, no logs.
 * `overrides` set what a test is about.
 */
export function gatewayOptions(baseUrl: string, overrides: Partial<StartOptions> = {}): StartOptions {
  return {
    port: 0,
    host: '127.0.0.1',
    upstream: { kind: 'account', baseUrl, token: TEST_TOKEN },
    userAgent: 'amocrm-graphql-tests',
    timeoutMs: 10_000,
    metadataTtlMs: 60_000,
    traffic: { rateLimit: 100_000, retryAttempts: 1 },
    allowAnonymous: true,
    log: () => {},
    graphiql: false,
    production: false,
    ...overrides,
  };
}

export interface StackOptions {
  seed?: number;
  metadataTtlMs?: number;
  /** The token the gateway presents; defaults to the one the sandbox accepts. */
  gatewayToken?: string;
  timeoutMs?: number;
  unknownFieldRefreshMs?: number;
  /**
   * Upstream traffic shaping. Tests that are not about it run unthrottled and without retries,
   * so call counts and failures are exactly what one pass produces.
   */
  traffic?: Partial<UpstreamTrafficConfig>;
  redisUrl?: string | null;
  /** The gateway's way to the sandbox, for tests that shape the network itself. */
  dispatcher?: Dispatcher;
  log?: (level: 'error' | 'warn' | 'info', message: string) => void;
  /** AMOCRM_RAW_REQUESTS: whether `amocrmRequest` answers. */
  rawRequests?: boolean;
  /**
   * The response cache is off unless a test asks for it: most tests count upstream calls of
   * repeated queries.
   */
  responseCache?: StartOptions['responseCache'];
  redisPrefix?: string;
  /** Extra gateway options (a memory logger, tracing, persisted operations...). */
  gateway?: Partial<StartOptions>;
}

export async function startStack(options: StackOptions = {}): Promise<Stack> {
  const sandbox = createSandbox({ seed: options.seed ?? 1, token: TEST_TOKEN });
  const upstream = await sandbox.listen({ port: 0, host: '127.0.0.1' });
  const gateway = await startGateway(
    gatewayOptions(upstream.url, {
      upstream: { kind: 'account', baseUrl: upstream.url, token: options.gatewayToken ?? TEST_TOKEN },
      timeoutMs: options.timeoutMs ?? 10_000,
      metadataTtlMs: options.metadataTtlMs ?? 60_000,
      unknownFieldRefreshMs: options.unknownFieldRefreshMs,
      traffic: { rateLimit: 100_000, retryAttempts: 1, ...options.traffic },
      redisUrl: options.redisUrl ?? null,
      redisPrefix: options.redisPrefix,
      responseCache: options.responseCache ?? { enabled: false },
      dispatcher: options.dispatcher,
      rawRequests: options.rawRequests,
      log: options.log ?? (() => {}),
      graphiql: true,
      ...options.gateway,
    }),
  );
  return {
    sandbox,
    sandboxUrl: upstream.url,
    gateway,
    async gql(query, variables) {
      const response = await fetch(`${gateway.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' },
        body: JSON.stringify({ query: typeof query === 'string' ? query : print(query), variables }),
      });
      return (await response.json()) as GraphQLResponse<any>;
    },
    upstreamCalls: () => sandbox.log.entries().filter((entry) => entry.path.startsWith('/api/v4/')),
    idsAskedFor: (path) =>
      sandbox.log
        .entries()
        .filter((entry) => entry.path === path)
        .flatMap((entry) => entry.query.filter(([key]) => key === 'filter[id][]').map(([, value]) => Number(value)))
        .sort((a, b) => a - b),
    resetLog: () => sandbox.log.clear(),
    async close() {
      await gateway.close();
      await upstream.close();
    },
  };
}

/** Throws with the GraphQL errors when a response has any; returns its data. */
export function dataOf<T>(response: GraphQLResponse<T>): T {
  if (response.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(response.errors, null, 2)}`);
  if (!response.data) throw new Error('GraphQL response has no data');
  return response.data;
}
