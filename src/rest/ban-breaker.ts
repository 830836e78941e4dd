// amoCRM blocks an account or IP after repeated rate-limit violations: every call then answers
// 403 (an nginx HTML page) until support lifts it, and every further call makes it worse. The
// breaker stops all traffic for the account on the first signs, fails fast with
// AMOCRM_ACCOUNT_BLOCKED, and after a cooldown lets one cheap read through as a probe before
// resuming; a failed probe doubles the cooldown. JSON 403s on several endpoints are only a
// suspicion: a user without admin rights gets those from every admin-only endpoint, so the
// breaker first reads the account (open to every user) and opens only if that is refused too.

import { AmoAccountBlockedError, AmoError, AmoForbiddenError, unsentInfo } from './errors.js';
import type { RequestLayer, SendFn } from './request.js';

export interface BanBreakerOptions {
  /** First cooldown after the breaker opens. */
  cooldownMs: number;
  maxCooldownMs?: number;
  /** JSON 403s on this many different endpoints within `windowMs` also open the breaker. */
  distinctForbiddenThreshold?: number;
  windowMs?: number;
  now?: () => number;
  /** Told loudly when the breaker opens, probes and closes. */
  log?: (level: 'error' | 'warn' | 'info', message: string) => void;
  /** Names the account in logs. */
  account: string;
}

export interface BanBreaker {
  readonly state: 'closed' | 'open' | 'probing';
  /** When an open breaker will probe next (ms since epoch), or null. */
  readonly retryAt: number | null;
  layer: RequestLayer;
  /** Closes the breaker (an operator knows the ban was lifted). */
  reset(): void;
}

const PROBE = { method: 'GET', path: '/api/v4/account' } as const;

export function createBanBreaker(options: BanBreakerOptions): BanBreaker {
  const now = options.now ?? Date.now;
  const log = options.log ?? ((level, message) => console[level](message));
  const threshold = options.distinctForbiddenThreshold ?? 3;
  const windowMs = options.windowMs ?? 60_000;
  let state: BanBreaker['state'] = 'closed';
  let openUntil = 0;
  let cooldown = options.cooldownMs;
  let probe: Promise<void> | null = null;
  let forbidden: { path: string; at: number }[] = [];
  let confirming: Promise<boolean> | null = null;

  const open = (reason: string) => {
    state = 'open';
    openUntil = now() + cooldown;
    log('error', `amoCRM seems to have blocked account ${options.account} (${reason}); upstream traffic stopped for ${Math.round(cooldown / 1000)} s`);
  };

  const blocked = (method: string, path: string, reachedUpstream: boolean, cause?: unknown) =>
    new AmoAccountBlockedError(
      `amoCRM has blocked this account's API access; calls resume after a successful probe at ${new Date(openUntil).toISOString()}`,
      { info: cause instanceof AmoError ? cause.info : unsentInfo(method, path), retryAt: openUntil, reachedUpstream, cause },
    );

  /**
   * Does this failure look like a ban? Records JSON 403s to spot "403 on everything"; those are
   * `suspected` until the account read confirms them.
   */
  const looksBanned = (error: unknown, path: string): { reason: string; suspected: boolean } | null => {
    if (!(error instanceof AmoForbiddenError)) return null;
    if (error.looksLikeBan) return { reason: 'an HTML 403 page', suspected: false };
    const at = now();
    const endpoint = path.split('?')[0]!;
    forbidden = [...forbidden.filter((entry) => entry.at > at - windowMs && entry.path !== endpoint), { path: endpoint, at }];
    return forbidden.length >= threshold ? { reason: `403 on ${forbidden.length} endpoints within ${Math.round(windowMs / 1000)} s`, suspected: true } : null;
  };

  /** Reads the account once for all who suspect a ban; true if that read is refused too. */
  const confirmBan = (send: SendFn): Promise<boolean> => {
    confirming ??= (async () => {
      try {
        await send({ ...PROBE });
        forbidden = [];
        return false;
      } catch (error) {
        return error instanceof AmoForbiddenError;
      } finally {
        confirming = null;
      }
    })();
    return confirming;
  };

  const runProbe = (send: SendFn) => {
    probe ??= (async () => {
      state = 'probing';
      log('warn', `probing amoCRM account ${options.account} after a block`);
      try {
        await send({ ...PROBE });
      } catch (error) {
        const reason = looksBanned(error, PROBE.path)?.reason ?? (error instanceof AmoForbiddenError ? 'the probe got 403' : null);
        if (reason) {
          cooldown = Math.min(cooldown * 2, options.maxCooldownMs ?? 3_600_000);
          open(`${reason} again`);
          return;
        }
        // Anything but a 403 means the block is gone; the probe's own failure is not ours to report.
      } finally {
        probe = null;
      }
      state = 'closed';
      cooldown = options.cooldownMs;
      forbidden = [];
      log('info', `amoCRM account ${options.account} answers again; upstream traffic resumed`);
    })();
    return probe;
  };

  // Read through a function: the probe changes `state` across the await above.
  const currentState = () => state;

  const layer: RequestLayer = (next) => async (request) => {
    if (state !== 'closed') {
      if (state === 'open' && now() < openUntil) throw blocked(request.method, request.path, false);
      await runProbe(next);
      if (currentState() !== 'closed') throw blocked(request.method, request.path, false);
    }
    try {
      return await next(request);
    } catch (error) {
      const found = looksBanned(error, request.path);
      if (!found) throw error;
      // Refusals of rights, not a ban: the caller gets its own 403.
      if (found.suspected && state === 'closed' && !(await confirmBan(next))) throw error;
      if (state === 'closed') open(found.reason);
      throw blocked(request.method, request.path, true, error);
    }
  };

  return {
    get state() {
      return state;
    },
    get retryAt() {
      return state === 'closed' ? null : openUntil;
    },
    layer,
    reset() {
      state = 'closed';
      cooldown = options.cooldownMs;
      forbidden = [];
    },
  };
}
