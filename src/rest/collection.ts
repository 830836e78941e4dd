// Reading one page of a HAL collection. amoCRM has no totals for its main entities and answers
// 204 for an empty page, so a page is its rows plus "may there be more".

import type { RequestInfo } from './errors.js';
import type { QueryValue } from './query-string.js';
import type { SendFn } from './request.js';
import type { HalCollection } from './types.js';

/** amoCRM's page size ceiling for every paged list except events. */
export const MAX_LIMIT = 250;

export interface Page<T> {
  items: T[];
  page: number;
  /** The limit we asked for; a shorter page is the last one. */
  limit: number;
  /** amoCRM sent a `next` link and this page was full. `next` may still lead to a 204. */
  hasMore: boolean;
  /** Only some collections (users, custom fields) report totals. */
  totalItems: number | null;
  pageCount: number | null;
  info: RequestInfo;
}

/** Clamps a requested page size into amoCRM's 1..max, rejecting nonsense loudly. */
export function clampLimit(limit: number | undefined, max = MAX_LIMIT): number {
  if (limit === undefined) return max;
  if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`limit must be a positive integer, got ${limit}`);
  return Math.min(limit, max);
}

export function assertPage(page: number | undefined): number {
  const value = page ?? 1;
  if (!Number.isInteger(value) || value < 1) throw new RangeError(`page must be a positive integer, got ${page}`);
  return value;
}

export function assertId(id: number, what = 'id'): number {
  if (!Number.isSafeInteger(id) || id < 1) throw new RangeError(`${what} must be a positive integer, got ${id}`);
  return id;
}

export interface CollectionRequest {
  path: string;
  /** The key under `_embedded`. */
  key: string;
  page?: number;
  limit?: number;
  maxLimit?: number;
  /** A function is evaluated when the request is sent (see AmoRequestOptions.query). */
  query?: Readonly<Record<string, QueryValue>> | (() => Readonly<Record<string, QueryValue>>);
  headers?: Readonly<Record<string, string>>;
  signal?: AbortSignal;
}

export async function getCollection<T>(send: SendFn, request: CollectionRequest): Promise<Page<T>> {
  const page = assertPage(request.page);
  const limit = clampLimit(request.limit, request.maxLimit);
  const response = await send({
    method: 'GET',
    path: request.path,
    query: () => ({ ...(typeof request.query === 'function' ? request.query() : request.query), page, limit }),
    headers: request.headers,
    signal: request.signal,
  });
  const body = response.data as Partial<HalCollection<string, T>> | undefined;
  const items = body?._embedded?.[request.key] ?? [];
  return {
    items,
    page,
    limit,
    hasMore: Boolean(body?._links?.next) && items.length >= limit,
    totalItems: body?._total_items ?? null,
    pageCount: body?._page_count ?? null,
    info: response.info,
  };
}
