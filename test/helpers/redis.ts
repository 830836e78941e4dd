// Tests that need Redis use the one CI provides (REDIS_URL, 127.0.0.1:6379 by default). Without
// it they are skipped with a visible reason, unless REQUIRE_REDIS=1 makes a missing Redis fail.

import { Redis } from 'ioredis';

export const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const REQUIRED = process.env.REQUIRE_REDIS === '1';

async function probe(): Promise<string | null> {
  const redis = new Redis(REDIS_URL, { lazyConnect: true, connectTimeout: 1_000, maxRetriesPerRequest: 0, retryStrategy: () => null });
  // The failure is reported below; without a listener ioredis would also print it as unhandled.
  redis.on('error', () => {});
  try {
    await redis.connect();
    await redis.ping();
    return null;
  } catch (error) {
    return `Redis at ${REDIS_URL} does not answer (${(error as Error).message})`;
  } finally {
    redis.disconnect();
  }
}

/** Why Redis tests cannot run here, or null. Throws when REQUIRE_REDIS=1 and Redis is missing. */
export async function redisUnavailable(): Promise<string | null> {
  const reason = await probe();
  if (reason && REQUIRED) throw new Error(`${reason}, and REQUIRE_REDIS=1 demands it`);
  if (reason) console.warn(`skipping Redis tests: ${reason}; REQUIRE_REDIS=1 makes this a failure`);
  return reason;
}

export function newRedis(): Redis {
  return new Redis(REDIS_URL, { maxRetriesPerRequest: 2 });
}

/** A key prefix no other test run uses. */
export function uniquePrefix(name: string): string {
  return `amocrm-graphql-test:${name}:${process.pid}:${Date.now()}:${Math.random().toString(36).slice(2)}`;
}
