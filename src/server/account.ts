// Assembles everything one amoCRM account needs from configuration: its rate limiter (in
// process, or shared through Redis), its ban breaker, the retry policy, the REST client over the
// shared dispatcher, and the account context with its caches and per-operation budget.

import type { Tracer } from '@opentelemetry/api';
import type { Redis } from 'ioredis';
import type { Dispatcher } from 'undici';
import type { AuthStrategy } from '../auth/auth-strategy.js';
import type { UpstreamTrafficConfig } from '../config.js';
import { createAccountContext, type AccountContext } from '../loaders/account-context.js';
import { createBanBreaker, type BanBreaker } from '../rest/ban-breaker.js';
import { createAmoClient } from '../rest/client.js';
import type { RequestInfo } from '../rest/errors.js';
import { createRateLimiter, type RateLimiter } from '../rest/limiter/rate-limiter.js';
import { createRedisWindow } from '../rest/limiter/redis-window.js';
import { createMemoryWindow } from '../rest/limiter/window.js';

export interface AccountOptions {
  /** The account origin, or a getter when it can move (an OAuth account renamed in amoCRM). */
  baseUrl: string | (() => string);
  /** Names the account in the rate limiter's shared key and in logs: its origin or amoCRM id. */
  key?: string;
  /** The credentials; built with the account's rate limiter so token refreshes queue too. */
  auth: AuthStrategy | ((limiter: RateLimiter) => AuthStrategy);
  dispatcher: Dispatcher;
  userAgent: string;
  timeoutMs: number;
  metadataTtlMs: number;
  unknownFieldRefreshMs?: number;
  traffic: UpstreamTrafficConfig;
  redis?: Redis | null;
  /** Prefix of the account's Redis keys. */
  redisPrefix?: string;
  log?: (level: 'error' | 'warn' | 'info', message: string) => void;
  /** Observes every finished upstream exchange (metrics); must not throw. */
  onResponse?: (info: RequestInfo, error?: Error) => void;
  /** Set when tracing is on: a span per upstream attempt. */
  tracer?: Tracer;
}

export interface Account {
  context: AccountContext;
  limiter: RateLimiter;
  breaker: BanBreaker;
}

export const DEFAULT_REDIS_PREFIX = 'amocrm-graphql';

export function createAccount(options: AccountOptions): Account {
  const key = options.key ?? new URL(typeof options.baseUrl === 'function' ? options.baseUrl() : options.baseUrl).origin;
  const log = options.log ?? ((level, message) => console[level](message));
  const { traffic } = options;
  const store = options.redis
    ? createRedisWindow({ redis: options.redis, key: `${options.redisPrefix ?? DEFAULT_REDIS_PREFIX}:rate:${key}`, limit: traffic.rateLimit, windowMs: traffic.rateWindowMs })
    : createMemoryWindow({ limit: traffic.rateLimit, windowMs: traffic.rateWindowMs });
  const limiter = createRateLimiter({
    store,
    maxQueue: traffic.queueMax,
    maxWaitMs: traffic.queueTimeoutMs,
    // Without Redis there is no shared count: wait rather than risk the account (fail closed).
    onStoreError: (error) => log('error', `rate limiter store failed for ${key}; upstream calls wait: ${(error as Error).message}`),
  });
  const breaker = createBanBreaker({ account: key, cooldownMs: traffic.banCooldownMs, log });
  const client = createAmoClient({
    baseUrl: options.baseUrl,
    auth: typeof options.auth === 'function' ? options.auth(limiter) : options.auth,
    dispatcher: options.dispatcher,
    userAgent: options.userAgent,
    timeoutMs: options.timeoutMs,
    limiter,
    breaker,
    onResponse: options.onResponse,
    tracer: options.tracer,
    retry: {
      maxAttempts: traffic.retryAttempts,
      maxTotalMs: traffic.retryMaxMs,
      onRetry: ({ attempt, delayMs, error, method, path }) =>
        log(error.code === 'AMOCRM_RATE_LIMITED' ? 'error' : 'warn', `retry ${attempt} of ${method} ${path} in ${delayMs} ms after ${error.code}`),
    },
  });
  const context = createAccountContext({
    key,
    client,
    metadataTtlMs: options.metadataTtlMs,
    unknownFieldRefreshMs: options.unknownFieldRefreshMs,
    maxCallsPerOperation: traffic.maxCallsPerOperation,
  });
  return { context, limiter, breaker };
}
