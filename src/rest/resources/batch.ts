// The write side shared by every batch endpoint: send an array, read back `_embedded.<key>`.
// amoCRM answers a batch as a whole (all written, or a 400 naming the bad items), so splitting
// into batches and mapping results to inputs is the caller's job (src/loaders/batch-write.ts).

import { AmoBadResponseError } from '../errors.js';
import type { HttpMethod, SendFn } from '../request.js';

export interface WriteParams {
  signal?: AbortSignal;
}

/** amoCRM's hard ceiling for one write; callers send 50 (see batch-write). */
export const MAX_WRITE_BATCH = 250;

function checkBatch(items: readonly unknown[], path: string): void {
  if (items.length === 0) throw new RangeError(`nothing to write to ${path}`);
  if (items.length > MAX_WRITE_BATCH) throw new RangeError(`at most ${MAX_WRITE_BATCH} items per write to ${path}, got ${items.length}`);
}

/** Sends `items` as one batch and answers the rows amoCRM embedded under `key`. */
export async function writeBatch<Row>(
  send: SendFn,
  request: { method: HttpMethod; path: string; key: string; items: readonly unknown[] } & WriteParams,
): Promise<Row[]> {
  checkBatch(request.items, request.path);
  const response = await send({ method: request.method, path: request.path, body: request.items, signal: request.signal });
  const rows = (response.data as { _embedded?: Record<string, unknown> } | undefined)?._embedded?.[request.key];
  if (!Array.isArray(rows)) {
    throw new AmoBadResponseError(`amoCRM answered ${request.method} ${request.path} without _embedded.${request.key}`, {
      info: response.info,
      bodySnippet: JSON.stringify(response.data ?? null).slice(0, 300),
    });
  }
  return rows as Row[];
}

/** Sends one object (single-entity PATCH, accept/decline) and answers the body, or null for 204. */
export async function writeOne<Row>(send: SendFn, request: { method: HttpMethod; path: string; body?: unknown } & WriteParams): Promise<Row | null> {
  const response = await send({ method: request.method, path: request.path, body: request.body, signal: request.signal });
  return (response.data as Row | undefined) ?? null;
}
