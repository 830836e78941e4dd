// The refresh lock across instances: `SET key token NX PX ttl` takes it, and a compare-and-delete
// script releases it only while it still holds this holder's random token, so a holder whose TTL
// ran out never frees the lock someone else has taken since.

import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import { assertLockTtl } from './lock-ttl.js';
import type { LockHandle, RefreshLock } from './types.js';

export const DEFAULT_LOCK_KEY_PREFIX = 'amocrm-graphql:lock:';

export interface RedisLockOptions {
  redis: Redis;
  /** Keys are `${prefix}${key}`. */
  prefix?: string;
}

const RELEASE = `
if redis.call('GET', KEYS[1]) == ARGV[1] then
  return redis.call('DEL', KEYS[1])
end
return 0
`;

export function createRedisLock(options: RedisLockOptions): RefreshLock {
  const { redis } = options;
  const prefix = options.prefix ?? DEFAULT_LOCK_KEY_PREFIX;

  return {
    async tryAcquire(key, ttlMs) {
      assertLockTtl(ttlMs);
      const redisKey = `${prefix}${key}`;
      const token = randomBytes(16).toString('base64url');
      const taken = await redis.set(redisKey, token, 'PX', ttlMs, 'NX');
      if (taken !== 'OK') return null;
      let released = false;
      return {
        async release() {
          if (released) return;
          released = true;
          await redis.eval(RELEASE, 1, redisKey, token);
        },
      } satisfies LockHandle;
    },
  };
}
