// The upstream rate limiter: a sliding window (in process or in Redis) behind a bounded FIFO queue.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRateLimiter, RateLimiterBusyError } from '../../src/rest/limiter/rate-limiter.js';
import { createRedisWindow } from '../../src/rest/limiter/redis-window.js';
import { createMemoryWindow, type WindowStore } from '../../src/rest/limiter/window.js';
import { newRedis, redisUnavailable, uniquePrefix } from '../helpers/redis.js';

/** The largest number of timestamps inside any window of `windowMs`. */
function maxInWindow(times: number[], windowMs: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let best = 0;
  for (let i = 0, j = 0; i < sorted.length; i++) {
    while (sorted[i]! - sorted[j]! >= windowMs) j++;
    best = Math.max(best, i - j + 1);
  }
  return best;
}

/** Records when a store grants a slot, on the store's own clock: free of callback jitter. */
function recording(store: WindowStore, times: number[]): WindowStore {
  return {
    async tryAcquire() {
      const decision = await store.tryAcquire();
      if (decision.granted) times.push(decision.at);
      return decision;
    },
    settle: (slot) => store.settle(slot),
  };
}

describe('sliding window in memory', () => {
  it('grants `limit` slots in any rolling window and says how long to wait for the next', async () => {
    let now = 0;
    const window = createMemoryWindow({ limit: 3, windowMs: 1000, now: () => now });
    expect(await window.tryAcquire()).toMatchObject({ granted: true, at: 0 });
    now = 400;
    expect(await window.tryAcquire()).toMatchObject({ granted: true, at: 400 });
    expect(await window.tryAcquire()).toMatchObject({ granted: true, at: 400 });
    expect(await window.tryAcquire()).toEqual({ granted: false, waitMs: 600 });
    now = 999;
    expect((await window.tryAcquire()).granted).toBe(false);
    // A fixed window would reset here and let 3 more through 1 ms after the boundary.
    now = 1000;
    expect(await window.tryAcquire()).toMatchObject({ granted: true, at: 1000 });
    expect(await window.tryAcquire()).toEqual({ granted: false, waitMs: 400 });
  });

  it('counts a slot from when its call was answered, however long the network held it', async () => {
    let now = 0;
    const window = createMemoryWindow({ limit: 2, windowMs: 1000, now: () => now });
    const slow = await window.tryAcquire();
    await window.tryAcquire();
    // The first call is answered 700 ms after it was sent: amoCRM may have seen it as late as that.
    now = 700;
    await window.settle((slow as { slot: string }).slot);
    now = 1000;
    expect(await window.tryAcquire()).toMatchObject({ granted: true, at: 1000 });
    expect(await window.tryAcquire()).toEqual({ granted: false, waitMs: 700 });
    now = 1700;
    expect(await window.tryAcquire()).toMatchObject({ granted: true, at: 1700 });
    // Settling a slot that has left the window does not bring it back.
    now = 1200;
    await window.settle((slow as { slot: string }).slot);
    now = 2000;
    expect(await window.tryAcquire()).toMatchObject({ granted: true, at: 2000 });
    expect(await window.tryAcquire()).toEqual({ granted: false, waitMs: 700 });
  });
});

describe('rate limiter queue', () => {
  it('lets a burst through at no more than the limit in any window, in arrival order', async () => {
    const times: number[] = [];
    const limiter = createRateLimiter({ store: recording(createMemoryWindow({ limit: 5, windowMs: 200 }), times), maxQueue: 100, maxWaitMs: 5_000 });
    const order: number[] = [];
    await Promise.all(Array.from({ length: 18 }, (_, index) => limiter.acquire().then(() => order.push(index))));
    expect(order).toEqual(Array.from({ length: 18 }, (_, i) => i));
    expect(times).toHaveLength(18);
    expect(maxInWindow(times, 200)).toBeLessThanOrEqual(5);
    // 18 calls at 5 per 200 ms need at least three full windows.
    expect(times.at(-1)! - times[0]!).toBeGreaterThanOrEqual(600);
  });

  it('refuses at once when the queue is full, and after maxWaitMs when the wait is too long', async () => {
    const window = createMemoryWindow({ limit: 1, windowMs: 10_000 });
    const limiter = createRateLimiter({ store: window, maxQueue: 2, maxWaitMs: 100 });
    await limiter.acquire();
    const waiting = [limiter.acquire(), limiter.acquire()];
    await expect(limiter.acquire()).rejects.toMatchObject({ reason: 'queue-full' });
    for (const wait of waiting) await expect(wait).rejects.toBeInstanceOf(RateLimiterBusyError);
    expect(limiter.queueLength).toBe(0);
  });

  it('drops a waiter whose signal aborts, and gives its turn to the next', async () => {
    const window = createMemoryWindow({ limit: 1, windowMs: 150 });
    const limiter = createRateLimiter({ store: window, maxQueue: 10, maxWaitMs: 5_000 });
    await limiter.acquire();
    const controller = new AbortController();
    const first = limiter.acquire(controller.signal);
    const second = limiter.acquire();
    controller.abort(new Error('client went away'));
    await expect(first).rejects.toThrow('client went away');
    const started = Date.now();
    await second;
    expect(Date.now() - started).toBeLessThan(400);
  });

  it('waits rather than passing calls when its store fails, and recovers', async () => {
    let failures = 2;
    const errors: unknown[] = [];
    const inner = createMemoryWindow({ limit: 10, windowMs: 1000 });
    const limiter = createRateLimiter({
      store: { tryAcquire: async () => (failures-- > 0 ? Promise.reject(new Error('redis down')) : inner.tryAcquire()), settle: inner.settle },
      maxQueue: 10,
      maxWaitMs: 5_000,
      storeRetryMs: 20,
      onStoreError: (error) => errors.push(error),
    });
    await limiter.acquire();
    expect(errors).toHaveLength(2);
  });
});

describe('sliding window in Redis', () => {
  let skip: string | null = null;
  const redis = newRedis();
  beforeAll(async () => {
    skip = await redisUnavailable();
  });
  afterAll(() => redis.disconnect());

  it('shares one window between limiters, as instances sharing Redis do', async (context) => {
    if (skip) context.skip();
    const key = uniquePrefix('window');
    const times: number[] = [];
    const limiters = [0, 1, 2].map(() =>
      createRateLimiter({ store: recording(createRedisWindow({ redis, key, limit: 4, windowMs: 300 }), times), maxQueue: 100, maxWaitMs: 10_000 }),
    );
    await Promise.all(Array.from({ length: 15 }, (_, i) => limiters[i % 3]!.acquire()));
    expect(times).toHaveLength(15);
    expect(maxInWindow(times, 300)).toBeLessThanOrEqual(4);
    expect(Math.max(...times) - Math.min(...times)).toBeGreaterThanOrEqual(3 * 300 - 30);
  });

  it('counts a slot from its answer on the Redis clock too', async (context) => {
    if (skip) context.skip();
    const window = createRedisWindow({ redis, key: uniquePrefix('settle'), limit: 1, windowMs: 200 });
    const first = await window.tryAcquire();
    await new Promise((resolve) => setTimeout(resolve, 300));
    // Unsettled, the slot would have left the window by now.
    await window.settle((first as { slot: string }).slot);
    const refused = await window.tryAcquire();
    expect(refused.granted).toBe(false);
    expect((refused as { waitMs: number }).waitMs).toBeGreaterThan(150);
  });
});
