// The one place the faults compose: the settings a test (or the CLI, or the control endpoint)
// changes at any time, and the decision for each arriving /api/v4 request, taken synchronously in
// arrival order so that seeded draws repeat exactly.

import { createRandom } from '../random.js';
import { createErrorAfterCommit, checkErrorAfterCommit, type ErrorAfterCommitSetting } from './after-commit.js';
import { banHolds, bannedReply, checkBan, type BanSetting } from './ban.js';
import { InvalidFaultsError, number } from './check.js';
import { checkErrorRate, createErrorRate, type ErrorRateSetting } from './error-rate.js';
import { checkLatency, createLatency, type LatencySetting } from './latency.js';
import type { ArrivingRequest, FaultPlan } from './plan.js';
import { checkRateLimit, createRateLimiter, limitedReply, type RateLimiter, type RateLimitSetting } from './rate-limit.js';
import { checkResetRate, createResetRate, type ResetRateSetting } from './reset.js';
import { checkShuffle, createShuffle, type ShuffleSetting } from './shuffle.js';

export interface FaultSettings {
  /** Delay before every API answer: fixed, or uniform in [min, max]. */
  latencyMs?: LatencySetting;
  rateLimit?: RateLimitSetting;
  /** `true` until lifted, or until `untilMs` on the sandbox clock. */
  ban?: BanSetting;
  errorRate?: ErrorRateSetting;
  resetRate?: ResetRateSetting;
  errorAfterCommit?: ErrorAfterCommitSetting;
  /** GET list answers out of id order, `filter[id][]` answers missing some of the ids. */
  shuffle?: ShuffleSetting;
  /** Seeds every random decision (default 1). Each fault draws from its own stream. */
  seed?: number;
}

/** For `set`: a key given replaces that fault; `null` or `undefined` (and `ban: false`) removes it. */
export type FaultUpdate = { [K in keyof FaultSettings]?: FaultSettings[K] | null };

export interface Faults {
  /** Merges `update` into the active faults and returns them; an invalid update changes nothing. */
  set(update: FaultUpdate): FaultSettings;
  /** Removes every fault (the seed stays) and returns what is left. */
  reset(): FaultSettings;
  /** The active faults, including a ban the rate limit switched on. */
  get(): FaultSettings;
}

export interface FaultInjector extends Faults {
  /** `null`: nothing to inject, handle the request as usual. */
  plan(request: ArrivingRequest): FaultPlan | null;
}

export const DEFAULT_FAULT_SEED = 1;

type Key = keyof FaultSettings;
const CHECKS: { [K in Key]-?: (value: unknown) => FaultSettings[K] } = {
  latencyMs: checkLatency,
  rateLimit: checkRateLimit,
  ban: checkBan,
  errorRate: checkErrorRate,
  resetRate: checkResetRate,
  errorAfterCommit: checkErrorAfterCommit,
  shuffle: checkShuffle,
  seed: (value) => number('seed', value, 0, 2 ** 32 - 1, true),
};
const KEYS = Object.keys(CHECKS) as Key[];

/** Checks a whole update before any of it applies; `null` marks a removal. */
export function checkFaultUpdate(update: unknown): { [K in Key]?: FaultSettings[K] | null } {
  if (typeof update !== 'object' || update === null || Array.isArray(update)) {
    throw new InvalidFaultsError(`faults must be an object, got ${JSON.stringify(update)}`);
  }
  const checked: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(update)) {
    if (!(KEYS as string[]).includes(key)) throw new InvalidFaultsError(`faults has no setting "${key}" (known: ${KEYS.join(', ')})`);
    const parsed = value === null || value === undefined ? null : CHECKS[key as Key](value);
    checked[key] = parsed === false || (key === 'latencyMs' && parsed === 0) ? null : parsed;
  }
  return checked;
}

/** Faults only touch the API, like amoCRM's limits; `/__sandbox/*` and unknown paths pass. */
const inScope = (path: string) => path === '/api/v4' || path.startsWith('/api/v4/');

// FNV-1a of the fault's name mixed into the seed: one stream per fault, so switching latency
// jitter on does not shift which requests get a 5xx.
function streamSeed(seed: number, name: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) hash = Math.imul(hash ^ name.charCodeAt(i), 0x01000193);
  return (hash ^ seed) >>> 0;
}

export function createFaults(options: { now: () => number; initial?: FaultUpdate }): FaultInjector {
  let settings: FaultSettings = {};
  let seed = DEFAULT_FAULT_SEED;
  let limiter: RateLimiter | undefined;
  let latency: (() => number) | undefined;
  let errorRate: ReturnType<typeof createErrorRate> | undefined;
  let resetRate: ReturnType<typeof createResetRate> | undefined;
  let afterCommit: ReturnType<typeof createErrorAfterCommit> | undefined;
  let shuffle: ReturnType<typeof createShuffle> | undefined;

  // (Re)starts a fault's random stream: the same settings always replay the same decisions.
  const stream = (name: string) => createRandom(streamSeed(seed, name));
  function build(key: Key): void {
    switch (key) {
      case 'latencyMs':
        latency = settings.latencyMs === undefined ? undefined : createLatency(settings.latencyMs, stream('latency'));
        break;
      case 'rateLimit':
        limiter = settings.rateLimit && createRateLimiter(settings.rateLimit);
        break;
      case 'errorRate':
        errorRate = settings.errorRate && createErrorRate(settings.errorRate, stream('error-rate'));
        break;
      case 'resetRate':
        resetRate = settings.resetRate && createResetRate(settings.resetRate, stream('reset-rate'));
        break;
      case 'errorAfterCommit':
        afterCommit = settings.errorAfterCommit && createErrorAfterCommit(settings.errorAfterCommit, stream('error-after-commit'));
        break;
      case 'shuffle':
        shuffle = settings.shuffle && createShuffle(settings.shuffle, stream('shuffle'));
        break;
      case 'ban':
        limiter?.forgive();
        break;
      case 'seed':
        for (const random of ['latencyMs', 'errorRate', 'resetRate', 'errorAfterCommit', 'shuffle'] as const) build(random);
        break;
    }
  }

  function liftExpiredBan(at: number): void {
    if (typeof settings.ban === 'object' && !banHolds(settings.ban, at)) {
      delete settings.ban;
      limiter?.forgive();
    }
  }

  function get(): FaultSettings {
    liftExpiredBan(options.now());
    return structuredClone({ ...settings, seed });
  }

  function set(update: FaultUpdate): FaultSettings {
    const checked = checkFaultUpdate(update);
    if ('seed' in checked) {
      seed = checked.seed ?? DEFAULT_FAULT_SEED;
      build('seed');
    }
    for (const key of KEYS) {
      if (key === 'seed' || !(key in checked)) continue;
      const value = checked[key];
      if (value === null) delete settings[key];
      else (settings as Record<Key, unknown>)[key] = value;
      build(key);
    }
    return get();
  }

  function reset(): FaultSettings {
    settings = {};
    for (const key of KEYS) build(key);
    return get();
  }

  if (options.initial) set(options.initial);

  return {
    set,
    reset,
    get,
    plan({ method, path, at }) {
      if (!inScope(path)) return null;
      liftExpiredBan(at);
      // Every arrival counts, whatever it is answered, as amoCRM counts them.
      const rate = limiter?.arrive(at);
      const delayMs = latency?.() ?? 0;
      if (banHolds(settings.ban, at)) return { delayMs, fault: 'ban', action: { kind: 'answer', reply: bannedReply() } };
      if (rate?.limited) {
        if (rate.ban !== undefined) settings.ban = rate.ban;
        return { delayMs, fault: 'rate-limit', action: { kind: 'answer', reply: limitedReply() } };
      }
      if (resetRate?.(method)) return { delayMs, fault: 'reset', action: { kind: 'reset' } };
      const error = errorRate?.(method);
      if (error) return { delayMs, fault: '5xx', action: { kind: 'answer', reply: error } };
      const after = afterCommit?.(method);
      if (after) return { delayMs, fault: 'after-commit', action: { kind: 'route', after } };
      const disorder = shuffle?.(method);
      if (disorder) return { delayMs, fault: 'shuffle', action: { kind: 'route', after: disorder } };
      return delayMs > 0 ? { delayMs, action: { kind: 'route' } } : null;
    },
  };
}
