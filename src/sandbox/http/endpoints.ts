// Endpoints beside /api/v4 that take part in everything the API does (request ids, the request
// log, interceptors) but authenticate and route themselves: the OAuth ones. Faults stay on
// /api/v4, as amoCRM's limits do.

import type { IncomingHttpHeaders } from 'node:http';
import type { Reply } from './reply.js';

export interface EndpointRequest {
  method: string;
  /** Pathname without a trailing slash. */
  path: string;
  /** Decoded query pairs as received. */
  pairs: readonly (readonly [string, string])[];
  headers: IncomingHttpHeaders;
  /** host:port from the Host header: which origin (which "subdomain") the request came to. */
  host: string;
  /** The bearer token, if any. */
  token: string | null;
  /** The request body (read only for these endpoints); null when too large or broken off. */
  body(): Promise<string | null>;
  /** Remarks for the request log. */
  notes: string[];
}

export interface Endpoints {
  has(path: string): boolean;
  handle(request: EndpointRequest): Reply | Promise<Reply>;
}

/** The first value of a query parameter. */
export function queryValue(request: Pick<EndpointRequest, 'pairs'>, name: string): string | null {
  return request.pairs.find(([key]) => key === name)?.[1] ?? null;
}
