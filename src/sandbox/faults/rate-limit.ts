// Rate limit as amoCRM's nginx applies it: every arrival counts (429s included) in any rolling
// window, and the arrivals past `perSecond` get an HTML 429 without Retry-After. After `banAfter`
// 429s the limiter asks for a ban, of `banMs` or until lifted.

import type { BanSetting } from './ban.js';
import { number, record } from './check.js';
import { nginxPage } from './html.js';

export interface RateLimitSetting {
  /** Requests allowed in any window (a second unless `windowMs` says otherwise). */
  perSecond: number;
  /** The rolling window, ms (default 1000). */
  windowMs?: number;
  /** 429s (since the limit was set or the last ban ended) after which the account is banned. */
  banAfter?: number;
  /** How long that ban lasts, ms; without it, until `ban: false` or a reset. */
  banMs?: number;
}

export function checkRateLimit(value: unknown): RateLimitSetting {
  const input = record('rateLimit', value, ['perSecond', 'windowMs', 'banAfter', 'banMs']);
  const setting: RateLimitSetting = { perSecond: number('rateLimit.perSecond', input.perSecond, 1, 1_000_000, true) };
  if (input.windowMs !== undefined) setting.windowMs = number('rateLimit.windowMs', input.windowMs, 1, 3_600_000);
  if (input.banAfter !== undefined) setting.banAfter = number('rateLimit.banAfter', input.banAfter, 1, 1_000_000, true);
  if (input.banMs !== undefined) {
    if (setting.banAfter === undefined) number('rateLimit.banAfter (needed by banMs)', input.banAfter, 1, 1_000_000, true);
    setting.banMs = number('rateLimit.banMs', input.banMs, 1, Number.MAX_SAFE_INTEGER);
  }
  return setting;
}

export type RateDecision = { limited: false } | { limited: true; ban?: BanSetting };

export interface RateLimiter {
  /** Counts one arrival at `at` and says whether it is over the limit (and whether that earns a ban). */
  arrive(at: number): RateDecision;
  /** A ban ended: the 429 tally starts again. */
  forgive(): void;
}

export function createRateLimiter(setting: RateLimitSetting): RateLimiter {
  const windowMs = setting.windowMs ?? 1000;
  // Arrival times, oldest first; `head` skips the ones that left the window without shifting.
  let arrivals: number[] = [];
  let head = 0;
  let tally = 0;
  return {
    arrive(at) {
      while (head < arrivals.length && arrivals[head]! <= at - windowMs) head++;
      if (head > 1024 && head * 2 > arrivals.length) {
        arrivals = arrivals.slice(head);
        head = 0;
      }
      arrivals.push(at);
      if (arrivals.length - head <= setting.perSecond) return { limited: false };
      tally++;
      if (setting.banAfter === undefined || tally < setting.banAfter) return { limited: true };
      return { limited: true, ban: setting.banMs === undefined ? true : { untilMs: at + setting.banMs } };
    },
    forgive() {
      tally = 0;
    },
  };
}

export const limitedReply = () => nginxPage(429);
