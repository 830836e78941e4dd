// Coalesces by-id loads across concurrent GraphQL operations of one account: ids asked for by
// any operation join the batch that is waiting for its rate-limit slot, and the batch's
// `filter[id][]` is written only when it is sent. Under load, batches grow instead of queueing
// more calls; at low load nothing waits longer than it would anyway. Each operation is charged
// the calls its ids need (one per 250) and can give up without cancelling the others' batch.

import { AmoCancelledError, unsentInfo } from '../rest/errors.js';
import type { ScopeHandle } from '../rest/scope-layer.js';

export interface BatchFetch<T> {
  /** Fetches rows for the ids `ids()` returns at send time; missing ids are simply absent. */
  (ids: () => number[], signal: AbortSignal): Promise<T[]>;
}

export interface Coalescer<T> {
  load(ids: readonly number[], scope?: Pick<ScopeHandle, 'signal' | 'charge'> | null): Promise<T[]>;
}

interface Batch<T> {
  ids: Set<number>;
  sent: boolean;
  participants: number;
  controller: AbortController;
  result: Promise<Map<number, T>>;
}

export interface CoalescerOptions<T> {
  fetch: BatchFetch<T>;
  maxBatch: number;
  /** For budget errors and logs, e.g. `GET /api/v4/leads`. */
  describe: { method: string; path: string };
  idOf: (row: T) => number;
}

export function createCoalescer<T>(options: CoalescerOptions<T>): Coalescer<T> {
  let open: Batch<T> | null = null;

  const startBatch = (): Batch<T> => {
    const controller = new AbortController();
    const batch: Batch<T> = {
      ids: new Set(),
      sent: false,
      participants: 0,
      controller,
      result: Promise.resolve(new Map()),
    };
    // Start on the next turn so the ids of this turn's loads are all in.
    batch.result = new Promise<void>((resolve) => setImmediate(resolve)).then(async () => {
      const rows = await options.fetch(() => {
        batch.sent = true;
        if (open === batch) open = null;
        return [...batch.ids];
      }, controller.signal);
      return new Map(rows.map((row) => [options.idOf(row), row]));
    });
    // A batch that failed before it was sent must not take more ids.
    batch.result
      .finally(() => {
        if (open === batch) open = null;
      })
      .catch(() => {});
    return batch;
  };

  /** Puts each id in a batch that has not been sent and has room; returns the batches used. */
  const place = (ids: readonly number[]): Batch<T>[] => {
    const used = new Set<Batch<T>>();
    for (const id of ids) {
      if (!open || open.sent || (open.ids.size >= options.maxBatch && !open.ids.has(id))) open = startBatch();
      open.ids.add(id);
      used.add(open);
    }
    return [...used];
  };

  return {
    async load(ids, scope) {
      const unique = [...new Set(ids)];
      if (unique.length === 0) return [];
      // Charge the calls these ids need before joining: an operation over its budget adds nothing.
      const needed = Math.ceil(unique.length / options.maxBatch);
      for (let i = 0; i < needed; i++) scope?.charge(options.describe.method, options.describe.path);
      const batches = place(unique);
      const signal = scope?.signal;
      for (const batch of batches) batch.participants++;
      let left = false;
      const leave = () => {
        if (left) return;
        left = true;
        for (const batch of batches) {
          // The last operation to give up on a batch cancels it (queued or in flight).
          if (--batch.participants === 0) batch.controller.abort(signal?.reason);
        }
      };
      const results = Promise.all(batches.map((batch) => batch.result));
      try {
        const maps = signal
          ? await new Promise<Map<number, T>[]>((resolve, reject) => {
              if (signal.aborted) return reject(signal.reason);
              const onAbort = () => reject(signal.reason);
              signal.addEventListener('abort', onAbort, { once: true });
              results.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
            })
          : await results;
        const rows: T[] = [];
        for (const id of unique) {
          for (const map of maps) {
            const row = map.get(id);
            if (row !== undefined) {
              rows.push(row);
              break;
            }
          }
        }
        return rows;
      } catch (error) {
        if (signal?.aborted) {
          throw new AmoCancelledError(`${options.describe.method} ${options.describe.path} was cancelled`, {
            info: unsentInfo(options.describe.method, options.describe.path),
            reachedUpstream: false,
            cause: error,
          });
        }
        throw error;
      } finally {
        if (signal?.aborted) leave();
        else for (const batch of batches) batch.participants--;
      }
    },
  };
}
