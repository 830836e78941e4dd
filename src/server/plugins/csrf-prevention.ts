// Refuses GraphQL requests a browser would send cross-site without asking first: GETs and
// "simple" form or text POSTs (no CORS preflight) need one of our headers, which a page on another
// origin can only add after a preflight that CORS then refuses. JSON and application/graphql
// POSTs are preflighted anyway and pass, so GraphiQL, fetch-based clients and curl work unchanged.
// GraphiQL's page itself (GET with Accept: text/html) and /healthz are served before this runs.

import { useCSRFPrevention } from '@graphql-yoga/plugin-csrf-prevention';
import { createGraphQLError, type Plugin } from 'graphql-yoga';

export interface CsrfOptions {
  /** Any one of these headers marks a GET or simple POST as deliberate; their values do not matter. */
  csrfHeaders: readonly string[];
}

/** Ours, and Yoga's own name for it, so clients written for a stock Yoga server keep working. */
export const DEFAULT_CSRF: CsrfOptions = { csrfHeaders: ['x-graphql-csrf', 'x-graphql-yoga-csrf'] };

export function useCsrfPrevention(options: Partial<CsrfOptions> = {}): Plugin {
  const { csrfHeaders } = { ...DEFAULT_CSRF, ...options };
  const inner = useCSRFPrevention({ requestHeaders: [...csrfHeaders] });
  const hint =
    `Send the request as a POST with Content-Type: application/json, or add a ${csrfHeaders.join(' or ')} header ` +
    '(a GET or a form POST without one is what a page on another site could make a browser send).';
  return {
    onRequestParse(payload) {
      try {
        inner.onRequestParse?.(payload);
      } catch {
        // The stock message names no header; say which and why.
        throw createGraphQLError(hint, { extensions: { code: 'CSRF_HEADER_REQUIRED', http: { status: 403 } } });
      }
    },
  };
}
