// Every request the sandbox answered, in order: tests assert on upstream call counts and shapes
// with it, and it answers over HTTP at /__sandbox/requests.

export interface LoggedRequest {
  seq: number;
  method: string;
  /** Pathname only. */
  path: string;
  /** Query pairs exactly as received, decoded. */
  query: [string, string][];
  status: number;
  authorized: boolean;
  userAgent: string | null;
  /** Arrival time, unix ms from the sandbox clock. */
  at: number;
  durationMs: number;
  /** The `X-Request-Id` the sandbox answered with. */
  requestId: string;
  /** Remarks such as a clamped `limit`. */
  notes: string[];
  /** The message of an unexpected error behind a 500. */
  error?: string;
}

export type RequestFilter =
  | Partial<Pick<LoggedRequest, 'method' | 'path' | 'status' | 'authorized'>>
  | ((entry: LoggedRequest) => boolean);

export interface RequestLog {
  entries(): LoggedRequest[];
  clear(): void;
  count(filter?: RequestFilter): number;
  /** Matching entries, oldest first. */
  find(filter?: RequestFilter): LoggedRequest[];
  last(): LoggedRequest | undefined;
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
    add(entry) {
      entries.push(entry);
    },
  };
}
