// A read-only escape hatch (the SDK's getRequest): GET any path under /api/v4/ through the same
// pipeline as every resource (rate limit, auth, retries, budget) and hand back the JSON body.
// Only a plain path is accepted, so the request can never leave the account's origin or the API.

import type { QueryValue } from '../query-string.js';
import type { SendFn } from '../request.js';

const MAX_PATH = 512;
const MAX_QUERY_DEPTH = 4;

export class RawPathError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RawPathError';
  }
}

/** `/api/v4/...` with letters, digits, `_`, `-` and single slashes; nothing that could climb, encode or leave. */
export function checkRawPath(path: string): string {
  if (path.length > MAX_PATH) throw new RawPathError(`path may be at most ${MAX_PATH} characters`);
  if (!path.startsWith('/api/v4/')) throw new RawPathError('path must start with /api/v4/ (no scheme, no host)');
  if (path.includes('..')) throw new RawPathError('path must not contain ".."');
  if (path.includes('//')) throw new RawPathError('path must not contain "//"');
  if (!/^[A-Za-z0-9_\-/]+$/.test(path)) {
    throw new RawPathError('path may hold only letters, digits, "_", "-" and "/"; pass parameters in `query`, not in the path');
  }
  return path.replace(/\/+$/, '');
}

/** A JSON object of query parameters, nested PHP-style (`{ filter: { id: [1, 2] } }`). */
export function checkRawQuery(query: unknown, depth = 0): Record<string, QueryValue> | undefined {
  if (query === undefined || query === null) return undefined;
  if (typeof query !== 'object' || Array.isArray(query)) throw new RawPathError('query must be a JSON object');
  const check = (value: unknown, level: number): QueryValue => {
    if (value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
    if (level >= MAX_QUERY_DEPTH) throw new RawPathError(`query may nest at most ${MAX_QUERY_DEPTH} levels`);
    if (Array.isArray(value)) return value.map((item) => check(item, level + 1));
    if (typeof value === 'object') return Object.fromEntries(Object.entries(value as object).map(([key, item]) => [key, check(item, level + 1)]));
    throw new RawPathError('query values must be strings, numbers, booleans, arrays or objects');
  };
  return check(query, depth) as Record<string, QueryValue>;
}

export function createRawResource(send: SendFn) {
  return {
    /** `null` when amoCRM answers 204 (nothing there). */
    async get(path: string, query?: unknown, signal?: AbortSignal): Promise<unknown> {
      const response = await send({ method: 'GET', path: checkRawPath(path), query: checkRawQuery(query), signal });
      return response.data ?? null;
    },
  };
}
