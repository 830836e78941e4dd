// The seam for ad-hoc faults in a test: interceptors run before auth and routing (after the
// standard faults of ../faults, decided at arrival) and may answer a request themselves (a 429
// with an HTML body, a slow 503, a dropped socket) or let it through.

import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';

export interface InterceptedRequest {
  seq: number;
  method: string;
  path: string;
  query: readonly (readonly [string, string])[];
  headers: IncomingHttpHeaders;
  /** Whether the bearer token may use /api/v4 on the origin the request came to (the static token or a live OAuth access token). */
  authorized: boolean;
  /** For faults below HTTP (destroying the socket); answering through `res` directly works too. */
  req: IncomingMessage;
  res: ServerResponse;
}

export interface InterceptorResponse {
  status: number;
  headers?: Record<string, string>;
  /** A string or Buffer is sent as is; anything else as JSON. */
  body?: unknown;
}

/** Return a response to answer the request, or nothing to pass it on. */
export type SandboxInterceptor = (
  request: InterceptedRequest,
) => InterceptorResponse | void | undefined | Promise<InterceptorResponse | void | undefined>;
