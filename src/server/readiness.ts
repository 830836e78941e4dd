// `/readyz`: may this instance take traffic? Only when the upstream answers and, when Redis is
// configured, Redis does. The verdict is cached for a few seconds and computed once at a time, so
// a busy probe never adds more than one upstream call per period.

import type { Redis } from 'ioredis';

/** `ok`, or a short non-secret reason such as an error code. */
export type CheckResult = 'ok' | string;

export interface ReadinessVerdict {
  ready: boolean;
  checks: Record<string, CheckResult>;
}

export interface ReadinessOptions {
  /** Resolves when the upstream answers; null when there is no account to ask (OAuth-only, none installed). */
  upstream: ((signal: AbortSignal) => Promise<unknown>) | null;
  redis?: Redis | null;
  /** How long a verdict is reused. Default 5 s. */
  cacheMs?: number;
  /** Each check's deadline. Default 3 s. */
  timeoutMs?: number;
  now?: () => number;
}

export interface Readiness {
  check(): Promise<ReadinessVerdict>;
  /** Drops the cached verdict. */
  forget(): void;
  /** From now on: not ready (the process is shutting down). */
  drain(): void;
}

function reason(error: unknown, signal: AbortSignal): string {
  if (signal.aborted) return 'timeout';
  const code = (error as { code?: unknown } | null)?.code;
  // Error codes are stable identifiers (AMOCRM_ACCOUNT_BLOCKED, ECONNREFUSED); messages may carry URLs.
  return typeof code === 'string' && /^[A-Z0-9_]{2,64}$/.test(code) ? code : 'unavailable';
}

async function run(probe: (signal: AbortSignal) => Promise<unknown>, timeoutMs: number): Promise<CheckResult> {
  const signal = AbortSignal.timeout(timeoutMs);
  const deadline = new Promise<never>((_, reject) => signal.addEventListener('abort', () => reject(signal.reason), { once: true }));
  try {
    await Promise.race([probe(signal), deadline]);
    return 'ok';
  } catch (error) {
    return reason(error, signal);
  }
}

export function createReadiness(options: ReadinessOptions): Readiness {
  const cacheMs = options.cacheMs ?? 5_000;
  const timeoutMs = options.timeoutMs ?? 3_000;
  const now = options.now ?? Date.now;
  let cached: { verdict: ReadinessVerdict; at: number } | null = null;
  let pending: Promise<ReadinessVerdict> | null = null;
  let draining = false;

  const evaluate = async (): Promise<ReadinessVerdict> => {
    const checks: Record<string, CheckResult> = {};
    const probes: Promise<void>[] = [];
    if (options.upstream) {
      const upstream = options.upstream;
      probes.push(run(upstream, timeoutMs).then((result) => void (checks.upstream = result)));
    } else {
      checks.upstream = 'no-account';
    }
    if (options.redis) {
      const redis = options.redis;
      probes.push(run(() => redis.ping(), timeoutMs).then((result) => void (checks.redis = result)));
    }
    await Promise.all(probes);
    // With no account to ask there is nothing upstream to wait for: installs can still arrive.
    const ready = Object.values(checks).every((result) => result === 'ok' || result === 'no-account');
    return { ready, checks };
  };

  return {
    check() {
      // A stopping instance must leave the load balancer's rotation at once, without a probe.
      if (draining) return Promise.resolve({ ready: false, checks: { shutdown: 'draining' } });
      if (cached && now() - cached.at < cacheMs) return Promise.resolve(cached.verdict);
      pending ??= evaluate().then((verdict) => {
        cached = { verdict, at: now() };
        pending = null;
        return verdict;
      });
      return pending;
    },
    forget() {
      cached = null;
    },
    drain() {
      draining = true;
    },
  };
}
