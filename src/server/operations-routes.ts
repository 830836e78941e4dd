// The operator's routes next to Yoga's /healthz: `/readyz` (readiness) and `/metrics`
// (Prometheus text). Neither needs client credentials, so neither says anything secret: check
// names and error codes only, and metrics labelled by method, path template and status.

import type { Plugin } from 'graphql-yoga';
import type { Registry } from 'prom-client';
import type { Readiness } from './readiness.js';

export interface OperationsRoutesOptions {
  readiness: Readiness;
  /** Null when metrics are off (METRICS_ENABLED=false): /metrics is then not served. */
  registry: Registry | null;
}

export function useOperationsRoutes(options: OperationsRoutesOptions): Plugin {
  return {
    async onRequest({ request, url, fetchAPI, endResponse }) {
      if (request.method !== 'GET' && request.method !== 'HEAD') return;
      if (url.pathname === '/readyz') {
        const verdict = await options.readiness.check();
        const body = { status: verdict.ready ? 'ready' : 'not ready', checks: verdict.checks };
        endResponse(
          new fetchAPI.Response(JSON.stringify(body), {
            status: verdict.ready ? 200 : 503,
            headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' },
          }),
        );
      } else if (url.pathname === '/metrics' && options.registry) {
        const text = await options.registry.metrics();
        endResponse(
          new fetchAPI.Response(text, {
            status: 200,
            headers: { 'content-type': options.registry.contentType, 'cache-control': 'no-store' },
          }),
        );
      }
    },
  };
}
