// The refresh lock: one holder per key, freed by its holder or by its TTL, and never freed by a
// holder whose TTL already ran out and whose key someone else now holds.

import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it, type TestContext } from 'vitest';
import { createMemoryLock } from '../../src/auth/memory-lock.js';
import { createRedisLock } from '../../src/auth/redis-lock.js';
import { newRedis, redisUnavailable, uniquePrefix } from '../helpers/redis.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('in-process refresh lock', () => {
  function fakeClock() {
    const clock = { now: 1_000_000 };
    return { clock, lock: createMemoryLock({ now: () => clock.now }) };
  }

  it('has one holder per key until it releases', async () => {
    const { lock } = fakeClock();
    const held = await lock.tryAcquire('account:1', 30_000);
    expect(held).not.toBeNull();
    expect(await lock.tryAcquire('account:1', 30_000)).toBeNull();
    expect(await lock.tryAcquire('account:2', 30_000)).not.toBeNull();
    await held!.release();
    expect(await lock.tryAcquire('account:1', 30_000)).not.toBeNull();
  });

  it('lets exactly one of many concurrent callers in', async () => {
    const { lock } = fakeClock();
    const results = await Promise.all(Array.from({ length: 20 }, () => lock.tryAcquire('k', 1_000)));
    expect(results.filter(Boolean)).toHaveLength(1);
  });

  it('lets the next holder in once the TTL has run out', async () => {
    const { clock, lock } = fakeClock();
    await lock.tryAcquire('k', 5_000);
    clock.now += 4_999;
    expect(await lock.tryAcquire('k', 5_000)).toBeNull();
    clock.now += 1;
    expect(await lock.tryAcquire('k', 5_000)).not.toBeNull();
  });

  it('ignores a release by a holder whose TTL ran out: the new holder keeps the lock', async () => {
    const { clock, lock } = fakeClock();
    const stale = (await lock.tryAcquire('k', 1_000))!;
    clock.now += 1_500;
    const current = (await lock.tryAcquire('k', 1_000))!;
    await stale.release();
    expect(await lock.tryAcquire('k', 1_000)).toBeNull();
    await current.release();
    expect(await lock.tryAcquire('k', 1_000)).not.toBeNull();
  });

  it('refuses a TTL that is not a positive whole number of milliseconds', async () => {
    const { lock } = fakeClock();
    for (const ttl of [0, -1, 1.5, Number.NaN]) await expect(lock.tryAcquire('k', ttl)).rejects.toBeInstanceOf(RangeError);
  });
});

describe('Redis refresh lock', () => {
  let skip: string | null = null;
  const clients: Redis[] = [];
  const prefixes: string[] = [];
  const client = () => {
    const redis = newRedis();
    clients.push(redis);
    return redis;
  };
  // Made only once Redis answers, so a machine without it sees one skip notice, not noise.
  let raw: Redis;

  beforeAll(async () => {
    skip = await redisUnavailable();
    if (!skip) raw = client();
  });
  afterAll(async () => {
    for (const prefix of prefixes) {
      let cursor = '0';
      do {
        const [next, keys] = await raw.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500);
        cursor = next;
        if (keys.length) await raw.del(...keys);
      } while (cursor !== '0');
    }
    for (const redis of clients) redis.disconnect();
  });

  /** Locks as separate instances would hold them: one connection each, one shared prefix. */
  function instances(context: TestContext, count: number) {
    if (skip) context.skip(skip);
    const prefix = `${uniquePrefix('lock')}:`;
    prefixes.push(prefix);
    return { prefix, locks: Array.from({ length: count }, () => createRedisLock({ redis: client(), prefix })) };
  }

  it('has one holder per key across instances until it releases, with the TTL set in Redis', async (context) => {
    const { prefix, locks } = instances(context, 2);
    const [a, b] = locks as [ReturnType<typeof createRedisLock>, ReturnType<typeof createRedisLock>];
    const held = await a.tryAcquire('account:1', 30_000);
    expect(held).not.toBeNull();
    expect(await b.tryAcquire('account:1', 30_000)).toBeNull();
    expect(await b.tryAcquire('account:2', 30_000)).not.toBeNull();
    const ttl = await raw.pttl(`${prefix}account:1`);
    expect(ttl).toBeGreaterThan(25_000);
    expect(ttl).toBeLessThanOrEqual(30_000);
    await held!.release();
    expect(await raw.exists(`${prefix}account:1`)).toBe(0);
    expect(await b.tryAcquire('account:1', 30_000)).not.toBeNull();
  });

  it('lets exactly one of 20 concurrent callers on 4 instances in', async (context) => {
    const { locks } = instances(context, 4);
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => locks[i % 4]!.tryAcquire('k', 10_000)));
    expect(results.filter(Boolean)).toHaveLength(1);
  });

  it('lets the next holder in once the TTL has run out', async (context) => {
    const { locks } = instances(context, 2);
    expect(await locks[0]!.tryAcquire('k', 100)).not.toBeNull();
    expect(await locks[1]!.tryAcquire('k', 100)).toBeNull();
    await sleep(160);
    expect(await locks[1]!.tryAcquire('k', 100)).not.toBeNull();
  });

  it('ignores a release by a holder whose TTL ran out: the new holder keeps the lock', async (context) => {
    const { prefix, locks } = instances(context, 3);
    const stale = (await locks[0]!.tryAcquire('k', 100))!;
    await sleep(160);
    const current = (await locks[1]!.tryAcquire('k', 10_000))!;
    expect(current).not.toBeNull();
    const token = await raw.get(`${prefix}k`);
    await stale.release();
    expect(await raw.get(`${prefix}k`)).toBe(token);
    expect(await locks[2]!.tryAcquire('k', 10_000)).toBeNull();
    await current.release();
    expect(await locks[2]!.tryAcquire('k', 10_000)).not.toBeNull();
  });

  it('refuses a TTL that is not a positive whole number of milliseconds', async (context) => {
    const { locks } = instances(context, 1);
    for (const ttl of [0, -5, 2.5]) await expect(locks[0]!.tryAcquire('k', ttl)).rejects.toBeInstanceOf(RangeError);
  });
});
