// Everything that refuses hostile requests, wired from one options object: before a body is
// parsed, the body size limit, the CSRF check and readable answers to malformed requests; while
// parsing and validating, the document limits; before execution, the cost limit; on every
// response, the CORS policy. The defaults are the production ones; each module says why.

import type { Plugin, YogaServerOptions } from 'graphql-yoga';
import { corsPolicy, DEFAULT_CORS, type CorsOptions } from './cors.js';
import { DEFAULT_COST_LIMIT, useCostLimit, type CostLimitOptions } from './plugins/cost-limit.js';
import { DEFAULT_CSRF, useCsrfPrevention, type CsrfOptions } from './plugins/csrf-prevention.js';
import { DEFAULT_DOCUMENT_LIMITS, useDocumentLimits, type DocumentLimitsOptions } from './plugins/document-limits.js';
import { useMalformedRequestErrors } from './plugins/malformed-requests.js';

export interface SecurityOptions extends DocumentLimitsOptions, CostLimitOptions, CsrfOptions, CorsOptions {
  /**
   * Largest request body in bytes, refused with 413 before it is parsed: at once from
   * Content-Length, or as soon as a chunked body passes the limit (Yoga's `maxRequestBodySize`).
   */
  maxBodyBytes: number;
}

export const DEFAULT_SECURITY: SecurityOptions = {
  ...DEFAULT_DOCUMENT_LIMITS,
  ...DEFAULT_COST_LIMIT,
  ...DEFAULT_CSRF,
  ...DEFAULT_CORS,
  // A large legitimate request is a 2,000-token document plus variables: tens of KB.
  maxBodyBytes: 1_000_000,
};

export interface Security {
  /** Put first in `createYoga({ plugins })`. */
  plugins: Plugin[];
  /** Spread into `createYoga({ ... })`. */
  serverOptions: Pick<YogaServerOptions<object, object>, 'cors' | 'maxRequestBodySize' | 'multipart'>;
}

export function createSecurity(options: Partial<SecurityOptions> = {}): Security {
  const settings = { ...DEFAULT_SECURITY, ...definedOnly(options) };
  return {
    plugins: [useCsrfPrevention(settings), useMalformedRequestErrors(), useDocumentLimits(settings), useCostLimit(settings)],
    serverOptions: {
      cors: corsPolicy(settings),
      maxRequestBodySize: settings.maxBodyBytes,
      // The schema takes no file uploads, so multipart bodies are only attack surface (and Yoga
      // answers a malformed one with a 200); they now get the 415 of any other unknown body.
      multipart: false,
    },
  };
}

/** `{ maxDepth: undefined }` (an unset setting passed through) means the default, not "no limit". */
function definedOnly<T extends object>(options: T): Partial<T> {
  return Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined)) as Partial<T>;
}
