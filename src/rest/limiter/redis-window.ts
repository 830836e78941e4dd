// The sliding log in Redis, so that every instance of the gateway draws from one budget per
// account. Lua scripts trim, count, take and restamp slots atomically, on Redis's own clock so
// the instances' clocks never disagree.

import type { Redis } from 'ioredis';
import type { WindowStore } from './window.js';

const NOW = `
local t = redis.call('TIME')
local now = t[1] * 1000 + math.floor(t[2] / 1000)
`;

const ACQUIRE = `${NOW}
local window = tonumber(ARGV[1])
local limit = tonumber(ARGV[2])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
if redis.call('ZCARD', KEYS[1]) < limit then
  local slot = now .. '-' .. redis.call('INCR', KEYS[2])
  redis.call('ZADD', KEYS[1], now, slot)
  redis.call('PEXPIRE', KEYS[1], window * 2)
  redis.call('PEXPIRE', KEYS[2], window * 2)
  return {1, now, slot}
end
local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
return {0, math.max(1, tonumber(oldest[2]) + window - now)}
`;

// XX: a slot already trimmed stays gone; GT: a stamp only ever moves later.
const SETTLE = `${NOW}
redis.call('ZADD', KEYS[1], 'XX', 'GT', now, ARGV[1])
redis.call('PEXPIRE', KEYS[1], tonumber(ARGV[2]) * 2)
return now
`;

export interface RedisWindowOptions {
  redis: Redis;
  /** Per account: all instances serving the account share it. */
  key: string;
  limit: number;
  windowMs: number;
}

export function createRedisWindow(options: RedisWindowOptions): WindowStore {
  const keys = [`${options.key}:log`, `${options.key}:seq`];
  return {
    async tryAcquire() {
      const [granted, value, slot] = (await options.redis.eval(ACQUIRE, 2, ...keys, options.windowMs, options.limit)) as [number, number, string?];
      return granted === 1 ? { granted: true, at: Number(value), slot: slot! } : { granted: false, waitMs: Number(value) };
    },
    async settle(slot) {
      await options.redis.eval(SETTLE, 1, keys[0]!, slot, options.windowMs);
    },
  };
}
