// Retries what is safe to retry, short enough to read at once (stripe-node's policy). Reads are
// retried on 429, 502/503/504, resets and timeouts; writes only when they provably never reached
// amoCRM (refused connection, or a 429, which amoCRM answers before acting), so nothing is ever
// created twice. Full-jitter exponential backoff, Retry-After honoured, bounded in count and time.
// undici's retry interceptor sits below this pipeline, so its retries would skip our rate limiter
// and ban breaker; this layer sits above them and every attempt queues like any other call.

import {
  AmoCancelledError,
  AmoError,
  AmoNetworkError,
  AmoRateLimitError,
  AmoServerError,
  AmoTimeoutError,
} from './errors.js';
import type { AmoRequestOptions, RequestLayer } from './request.js';

export interface RetryPolicy {
  /** Attempts in all, the first included. */
  maxAttempts: number;
  /** No retry starts later than this after the first attempt. */
  maxTotalMs: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** amoCRM's 429 carries no Retry-After; its window is a second. */
  rateLimitDelayMs?: number;
  random?: () => number;
  now?: () => number;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  onRetry?: (info: { attempt: number; delayMs: number; error: AmoError; method: string; path: string }) => void;
}

const RETRYABLE_STATUSES = new Set([502, 503, 504]);

export function isRetryable(error: unknown, method: AmoRequestOptions['method']): boolean {
  if (!(error instanceof AmoError) || error instanceof AmoCancelledError) return false;
  if (error instanceof AmoRateLimitError) return true;
  if (method !== 'GET') return error instanceof AmoNetworkError && !error.reachedUpstream;
  if (error instanceof AmoServerError) return RETRYABLE_STATUSES.has(error.status ?? 0);
  return error instanceof AmoNetworkError || error instanceof AmoTimeoutError;
}

function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal!.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

export function retryLayer(policy: RetryPolicy): RequestLayer {
  const random = policy.random ?? Math.random;
  const now = policy.now ?? Date.now;
  const sleep = policy.sleep ?? abortableSleep;
  const base = policy.baseDelayMs ?? 200;
  const cap = policy.maxDelayMs ?? 5_000;
  return (next) => async (options) => {
    const started = now();
    for (let attempt = 1; ; attempt++) {
      try {
        // Later attempts say so (traces label them); the first goes out exactly as given.
        return await next(attempt === 1 ? options : { ...options, attempt });
      } catch (error) {
        if (attempt >= policy.maxAttempts || !isRetryable(error, options.method)) throw error;
        const amo = error as AmoError;
        const backoff = random() * Math.min(cap, base * 2 ** (attempt - 1));
        const floor = amo instanceof AmoRateLimitError ? (policy.rateLimitDelayMs ?? 1_000) : 0;
        const delayMs = Math.round(Math.max(floor, backoff, (amo.retryAfterSeconds ?? 0) * 1000));
        if (now() - started + delayMs > policy.maxTotalMs) throw error;
        policy.onRetry?.({ attempt, delayMs, error: amo, method: options.method, path: options.label ?? options.path });
        try {
          await sleep(delayMs, options.signal);
        } catch {
          throw error;
        }
      }
    }
  };
}
