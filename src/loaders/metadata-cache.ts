// Account metadata (pipelines, users, custom field definitions…) changes rarely and is needed by
// almost every query, so it is cached across requests for a short TTL. lru-cache's `fetch` also
// makes concurrent misses share one upstream call.

import { LRUCache } from 'lru-cache';

export interface MetadataCacheOptions {
  ttlMs: number;
  /** Injectable clock for the TTL (lru-cache's `perf`), in milliseconds. */
  now?: () => number;
}

export interface MetadataCache {
  /** The cached value for `key`, calling `load` once on a miss however many callers wait. */
  get<T>(key: string, load: (signal: AbortSignal) => Promise<T>): Promise<T>;
  /** Forget one key, or everything. */
  invalidate(key?: string): void;
  /** Forget `key` if it was fetched more than `ageMs` ago; says whether it did. */
  invalidateIfOlderThan(key: string, ageMs: number): boolean;
}

type Loader = (signal: AbortSignal) => Promise<unknown>;

export function createMetadataCache(options: MetadataCacheOptions): MetadataCache {
  const cache = new LRUCache<string, { value: unknown }, Loader>({
    max: 256,
    ttl: Math.max(1, options.ttlMs),
    ...(options.now ? { perf: { now: options.now } } : {}),
    fetchMethod: async (_key, _stale, { signal, context }) => ({ value: await context(signal) }),
  });
  return {
    async get<T>(key: string, load: (signal: AbortSignal) => Promise<T>): Promise<T> {
      if (options.ttlMs <= 0) return load(new AbortController().signal);
      const entry = await cache.fetch(key, { context: load });
      return entry!.value as T;
    },
    invalidate(key?: string) {
      if (key === undefined) cache.clear();
      else cache.delete(key);
    },
    invalidateIfOlderThan(key, ageMs) {
      if (!cache.has(key)) return false;
      const age = options.ttlMs - cache.getRemainingTTL(key);
      if (age <= ageMs) return false;
      cache.delete(key);
      return true;
    },
  };
}
