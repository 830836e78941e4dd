// Every request the sandbox answered, in order: tests assert on upstream call counts and shapes
// with it, and it answers over HTTP at /__sandbox/requests.

import type { FaultName } from '../faults/plan.js';

export interface LoggedRequest {
  seq: number;
  method: string;
  /** Pathname only. */
  path: string;
  /** Query pairs exactly as received, decoded. */
  query: [string, string][];
  /** What the client got; 0 when the socket was dropped without an answer. */
  status: number;
  authorized: boolean;
  userAgent: string | null;
  /** Arrival time, unix ms from the sandbox clock (entries are in order of completion, not arrival). */
  at: number;
  durationMs: number;
  /** The `X-Request-Id` the sandbox answered with. */
  requestId: string;
  /** Remarks such as a clamped `limit`, `latency: 40 ms`, or `fault: rate-limit`. */
  notes: string[];
  /** The fault injected into this request, if any. */
  fault?: FaultName;
  /** The message of an unexpected error behind a 500. */
  error?: string;
}

export type RequestFilter =
  | Partial<Pick<LoggedRequest, 'method' | 'path' | 'status' | 'authorized' | 'fault'>>
  | ((entry: LoggedRequest) => boolean);

export interface RequestLog {
  entries(): LoggedRequest[];
  clear(): void;
  count(filter?: RequestFilter): number;
  /** Matching entries, oldest first. */
  find(filter?: RequestFilter): LoggedRequest[];
  last(): LoggedRequest | undefined;
  /**
   * The most `/api/v4` requests (matching `filter`) that arrived within any `windowMs` span, i.e.
   * with arrival times less than `windowMs` apart: the upstream rate a client really produced.
   */
  maxInWindow(windowMs: number, filter?: RequestFilter): number;
  add(entry: LoggedRequest): void;
}

function matcher(filter: RequestFilter | undefined): (entry: LoggedRequest) => boolean {
  if (!filter) return () => true;
  if (typeof filter === 'function') return filter;
  return (entry) => Object.entries(filter).every(([key, value]) => entry[key as keyof LoggedRequest] === value);
}

export function createRequestLog(): RequestLog {
  let entries: LoggedRequest[] = [];
  return {
    entries: () => entries.map((entry) => ({ ...entry, query: entry.query.map(([key, value]) => [key, value]), notes: [...entry.notes] })),
    clear() {
      entries = [];
    },
    count: (filter) => entries.filter(matcher(filter)).length,
    find: (filter) => entries.filter(matcher(filter)).map((entry) => ({ ...entry })),
    last: () => (entries.length > 0 ? { ...entries[entries.length - 1]! } : undefined),
    maxInWindow(windowMs, filter) {
      const matches = matcher(filter);
      const times = entries
        .filter((entry) => (entry.path === '/api/v4' || entry.path.startsWith('/api/v4/')) && matches(entry))
        .map((entry) => entry.at)
        .sort((a, b) => a - b);
      let most = 0;
      for (let first = 0, last = 0; last < times.length; last++) {
        while (times[last]! - times[first]! >= windowMs) first++;
        most = Math.max(most, last - first + 1);
      }
      return most;
    },
    add(entry) {
      entries.push(entry);
    },
  };
}
