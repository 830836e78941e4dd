// The refresh lock within one process, for the memory and file stores (one instance). Expiry is
// read from an injectable clock when someone asks, so a holder that hangs or never releases
// frees the lock after its TTL exactly as the Redis lock does, and tests need no real waiting.

import { assertLockTtl } from './lock-ttl.js';
import type { LockHandle, RefreshLock } from './types.js';

export interface MemoryLockOptions {
  /** Unix ms; defaults to Date.now. */
  now?: () => number;
}

interface Hold {
  expiresAt: number;
}

export function createMemoryLock(options: MemoryLockOptions = {}): RefreshLock {
  const now = options.now ?? Date.now;
  const holds = new Map<string, Hold>();

  return {
    async tryAcquire(key, ttlMs) {
      assertLockTtl(ttlMs);
      const current = holds.get(key);
      if (current && current.expiresAt > now()) return null;
      // Each hold is its own object: release compares identity, the in-process twin of the
      // Redis lock's random token.
      const hold: Hold = { expiresAt: now() + ttlMs };
      holds.set(key, hold);
      return {
        async release() {
          if (holds.get(key) === hold) holds.delete(key);
        },
      } satisfies LockHandle;
    },
  };
}
