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
import { MULTIPART_ENVELOPE_BYTES, useUploadLimits } from './plugins/upload-limits.js';

export interface SecurityOptions extends DocumentLimitsOptions, CostLimitOptions, CsrfOptions, CorsOptions {
  /**
   * Largest request body in bytes, refused with 413 before it is parsed: at once from
   * Content-Length, or as soon as a chunked body passes the limit (Yoga's `maxRequestBodySize`).
   */
  maxBodyBytes: number;
  /**
   * Largest total of files one GraphQL multipart request (`uploadFile`) may carry. Such a request
   * is held to this plus a small envelope instead of `maxBodyBytes`; 0 turns uploads off.
   */
  maxUploadBytes: number;
}

export const DEFAULT_SECURITY: SecurityOptions = {
  ...DEFAULT_DOCUMENT_LIMITS,
  ...DEFAULT_COST_LIMIT,
  ...DEFAULT_CSRF,
  ...DEFAULT_CORS,
  // A large legitimate request is a 2,000-token document plus variables: tens of KB.
  maxBodyBytes: 1_000_000,
  // Files go to amoCRM in 512 KiB parts, one upstream call each: 10 MiB is 21 calls, well inside
  // one operation's upstream budget (100 by default).
  maxUploadBytes: 10 * 1024 * 1024,
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
    plugins: [
      useCsrfPrevention(settings),
      useMalformedRequestErrors(),
      ...(settings.maxUploadBytes > 0 ? [useUploadLimits(settings)] : []),
      useDocumentLimits(settings),
      useCostLimit(settings),
    ],
    serverOptions: {
      cors: corsPolicy(settings),
      // Yoga's own limit is the backstop for the largest kind of body; useUploadLimits holds each
      // kind (JSON, multipart) to its own.
      maxRequestBodySize: settings.maxUploadBytes > 0 ? Math.max(settings.maxBodyBytes, settings.maxUploadBytes + MULTIPART_ENVELOPE_BYTES) : settings.maxBodyBytes,
      // GraphQL multipart requests carry `uploadFile`'s files. They are "simple" requests a
      // cross-site form could send, so the CSRF check asks them for its header like any other.
      multipart: settings.maxUploadBytes > 0,
    },
  };
}

/** `{ maxDepth: undefined }` (an unset setting passed through) means the default, not "no limit". */
function definedOnly<T extends object>(options: T): Partial<T> {
  return Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined)) as Partial<T>;
}
