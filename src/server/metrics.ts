// Prometheus metrics for one gateway: GraphQL operations, upstream calls (fed by the REST
// client's `onResponse` hook), 429s, token refreshes and the rate limiters' queues. Every series
// lives in a registry handed in, so each gateway (and each test) owns its own.

import { getOperationAST, type DocumentNode } from 'graphql';
import { isAsyncIterable, type Plugin } from 'graphql-yoga';
import { Counter, Gauge, Registry, collectDefaultMetrics } from 'prom-client';
import type { RequestInfo } from '../rest/errors.js';
import { pathTemplate } from '../rest/path-template.js';

export { pathTemplate };

export interface MetricsSources {
  /** Queue lengths of every account's rate limiter, read at scrape time. */
  queueLengths(): number[];
  /** Token refreshes each OAuth account's manager has made so far (monotonic per account). */
  tokenRefreshes(): number[];
}

export interface GatewayMetrics {
  registry: Registry;
  /** For createAmoClient's `onResponse`: counts one finished upstream exchange. */
  onUpstreamResponse(info: RequestInfo, error?: Error): void;
  /** Counts one response-cache lookup. */
  onCacheLookup(hit: boolean): void;
  /** A Yoga plugin counting GraphQL operations by type and outcome. */
  plugin: Plugin;
}

function operationType(document: DocumentNode, operationName: string | null | undefined): string {
  return getOperationAST(document, operationName ?? undefined)?.operation ?? 'unknown';
}

export function createMetrics(options: { registry?: Registry; sources: MetricsSources; defaultMetrics?: boolean }): GatewayMetrics {
  const registry = options.registry ?? new Registry();
  const { sources } = options;
  if (options.defaultMetrics) collectDefaultMetrics({ register: registry });

  const operations = new Counter({
    name: 'graphql_operations_total',
    help: 'GraphQL operations executed or refused at validation, by operation type and outcome',
    labelNames: ['type', 'outcome'] as const,
    registers: [registry],
  });
  const upstream = new Counter({
    name: 'amocrm_upstream_requests_total',
    help: 'Upstream amoCRM requests by method, path template and status ("error" when no answer came)',
    labelNames: ['method', 'endpoint', 'status'] as const,
    registers: [registry],
  });
  const cacheLookups = new Counter({
    name: 'graphql_response_cache_lookups_total',
    help: 'Response cache lookups of queries, by result (hit or miss); hit rate = hit / all',
    labelNames: ['result'] as const,
    registers: [registry],
  });
  const rateLimited = new Counter({
    name: 'amocrm_upstream_rate_limited_total',
    help: 'Upstream answers with status 429',
    registers: [registry],
  });
  new Counter({
    name: 'amocrm_token_refreshes_total',
    help: 'OAuth token refreshes this process made',
    registers: [registry],
    collect() {
      this.reset();
      this.inc(sources.tokenRefreshes().reduce((sum, n) => sum + n, 0));
    },
  });
  new Gauge({
    name: 'amocrm_rate_limiter_queue_length',
    help: 'Upstream calls waiting for a rate-limit slot, over all accounts',
    registers: [registry],
    collect() {
      this.set(sources.queueLengths().reduce((sum, n) => sum + n, 0));
    },
  });

  const plugin: Plugin = {
    onValidate({ params }) {
      return ({ valid }) => {
        if (!valid) operations.inc({ type: operationType(params.documentAST, null), outcome: 'invalid' });
      };
    },
    onExecute({ args }) {
      const type = operationType(args.document, args.operationName);
      return {
        onExecuteDone({ result }) {
          if (isAsyncIterable(result)) return void operations.inc({ type, outcome: 'stream' });
          const outcome = !result.errors?.length ? 'success' : result.data ? 'partial' : 'error';
          operations.inc({ type, outcome });
        },
      };
    },
  };

  return {
    registry,
    onUpstreamResponse(info) {
      const status = info.status === null ? 'error' : String(info.status);
      upstream.inc({ method: info.method, endpoint: pathTemplate(info.path), status });
      if (info.status === 429) rateLimited.inc();
    },
    onCacheLookup(hit) {
      cacheLookups.inc({ result: hit ? 'hit' : 'miss' });
    },
    plugin,
  };
}
