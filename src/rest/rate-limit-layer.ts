// Every upstream call, reads and writes and replays alike, waits for a rate-limiter slot first,
// and hands it back once answered so that the window counts from the answer.

import { AmoCancelledError, AmoUpstreamBusyError, unsentInfo } from './errors.js';
import { RateLimiterBusyError, type RateLimiter } from './limiter/rate-limiter.js';
import type { RequestLayer } from './request.js';

export function rateLimitLayer(limiter: RateLimiter): RequestLayer {
  return (next) => async (options) => {
    let release;
    try {
      release = await limiter.acquire(options.signal);
    } catch (error) {
      const info = unsentInfo(options.method, options.label ?? options.path);
      if (error instanceof RateLimiterBusyError) {
        throw new AmoUpstreamBusyError(
          `amoCRM's rate limit queue for this account is ${error.reason === 'queue-full' ? 'full' : 'too slow to serve this call in time'}; try again shortly`,
          { info, cause: error },
        );
      }
      throw new AmoCancelledError(`${options.method} ${options.label ?? options.path} was cancelled while waiting for its turn`, {
        info,
        cause: error,
        reachedUpstream: false,
      });
    }
    try {
      return await next(options);
    } finally {
      release();
    }
  };
}
