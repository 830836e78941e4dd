// Everything a route handler sees of one request.

import type { SandboxStore } from '../store.js';
import type { QueryMap } from './query-string.js';

export interface RequestContext {
  store: SandboxStore;
  method: string;
  /** Pathname without a trailing slash. */
  path: string;
  params: Readonly<Record<string, string>>;
  query: QueryMap;
  /** Decoded pairs as received. */
  pairs: readonly (readonly [string, string])[];
  /** Raw query string without `?`, as received. */
  rawQuery: string;
  /** `http://host:port` from the Host header: HAL links point back at whoever asked. */
  origin: string;
  /** Remarks for the request log, e.g. a clamped limit. */
  notes: string[];
  now: () => number;
  /** Request headers, lower-case names (Node's). */
  headers: Readonly<Record<string, string | string[] | undefined>>;
  /** The parsed JSON body of a write (POST, PATCH, PUT, DELETE); `undefined` when none was sent. */
  body: unknown;
}
