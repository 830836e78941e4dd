// Queues upstream calls so that an account never exceeds its rate: callers wait their turn in
// FIFO order; the queue and the wait are both bounded, so overload ends in a clear UPSTREAM_BUSY
// instead of an ever-growing backlog. A granted caller gets back a `release` to call once its
// call is answered: the slot then counts from the answer (see window.ts).

import type { WindowStore } from './window.js';

export interface RateLimiterOptions {
  store: WindowStore;
  /** Callers allowed to wait at once; one more is refused at once. */
  maxQueue: number;
  /** How long one caller may wait for its turn. */
  maxWaitMs: number;
  /** When the store itself fails (Redis down): wait this long and ask again, until maxWaitMs. */
  storeRetryMs?: number;
  sleep?: (ms: number) => Promise<void>;
  onStoreError?: (error: unknown) => void;
}

export interface RateLimiter {
  /**
   * Resolves when the caller may send, with `release` to call once the call is answered or
   * failed; rejects with `BusyError` or the signal's reason.
   */
  acquire(signal?: AbortSignal): Promise<Release>;
  readonly queueLength: number;
}

export class RateLimiterBusyError extends Error {
  constructor(readonly reason: 'queue-full' | 'timeout') {
    super(reason === 'queue-full' ? 'the upstream queue is full' : 'waited too long for an upstream slot');
    this.name = 'RateLimiterBusyError';
  }
}

/** Safe to call more than once; never throws (a store failure goes to `onStoreError`). */
export type Release = () => void;

interface Waiter {
  grant(release: Release): void;
  settled: boolean;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function createRateLimiter(options: RateLimiterOptions): RateLimiter {
  const sleep = options.sleep ?? defaultSleep;
  const queue: Waiter[] = [];
  let pumping = false;

  const releaser = (slot: string): Release => {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      options.store.settle(slot).catch((error) => options.onStoreError?.(error));
    };
  };

  const pump = async () => {
    if (pumping) return;
    pumping = true;
    try {
      while (queue.length > 0) {
        if (queue[0]!.settled) {
          queue.shift();
          continue;
        }
        let decision;
        try {
          decision = await options.store.tryAcquire();
        } catch (error) {
          options.onStoreError?.(error);
          await sleep(options.storeRetryMs ?? 1_000);
          continue;
        }
        if (!decision.granted) {
          await sleep(decision.waitMs);
          continue;
        }
        // A slot taken for a caller that gave up meanwhile is simply not used: erring on fewer calls.
        const waiter = queue.shift();
        if (waiter && !waiter.settled) waiter.grant(releaser(decision.slot));
      }
    } finally {
      pumping = false;
    }
  };

  return {
    get queueLength() {
      return queue.filter((waiter) => !waiter.settled).length;
    },
    acquire(signal) {
      if (signal?.aborted) return Promise.reject(signal.reason);
      if (this.queueLength >= options.maxQueue) return Promise.reject(new RateLimiterBusyError('queue-full'));
      return new Promise<Release>((resolve, reject) => {
        const settle = (fn: () => void) => {
          if (waiter.settled) return;
          waiter.settled = true;
          clearTimeout(timer);
          signal?.removeEventListener('abort', onAbort);
          fn();
        };
        const onAbort = () => settle(() => reject(signal!.reason));
        const waiter: Waiter = { settled: false, grant: (release) => settle(() => resolve(release)) };
        const timer = setTimeout(() => settle(() => reject(new RateLimiterBusyError('timeout'))), options.maxWaitMs);
        signal?.addEventListener('abort', onAbort, { once: true });
        queue.push(waiter);
        void pump();
      });
    },
  };
}
