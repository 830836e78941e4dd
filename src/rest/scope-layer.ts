// Ties upstream calls to the GraphQL operation that causes them: the operation's abort signal
// (a client that goes away cancels its queued and in-flight calls) and its upstream budget (one
// operation may cause at most so many calls, retries included).

import { AmoBudgetExceededError, AmoCancelledError, unsentInfo } from './errors.js';
import type { RequestLayer } from './request.js';

export interface RequestScope {
  signal?: AbortSignal;
  /** Upstream calls the operation may make; `Infinity` for no limit. */
  maxCalls: number;
  /**
   * Act as this amoCRM user (`X-Context-User-ID`, the SDK's withContextUserId): an admin's token
   * then sees and writes what that user may.
   */
  contextUserId?: number | null;
}

export interface ScopeHandle {
  readonly signal: AbortSignal | undefined;
  readonly contextUserId: number | null;
  readonly calls: number;
  /** Counts one upstream call against the budget; throws if cancelled or over budget. */
  charge(method: string, path: string): void;
  layer: RequestLayer;
}

export function createScopeHandle(scope: RequestScope): ScopeHandle {
  let calls = 0;
  const userHeader = scope.contextUserId ? { 'x-context-user-id': String(scope.contextUserId) } : null;
  const handle: ScopeHandle = {
    signal: scope.signal,
    contextUserId: scope.contextUserId ?? null,
    get calls() {
      return calls;
    },
    charge(method, path) {
      const info = unsentInfo(method, path);
      if (scope.signal?.aborted) {
        throw new AmoCancelledError(`${method} ${path} was cancelled before it was sent`, { info, reachedUpstream: false });
      }
      if (calls >= scope.maxCalls) {
        throw new AmoBudgetExceededError(
          `This operation needs more than ${scope.maxCalls} calls to amoCRM; ask for fewer entities or relations per request`,
          { info },
        );
      }
      calls++;
    },
    layer: (next) => async (options) => {
      handle.charge(options.method, options.label ?? options.path);
      const signal = scope.signal && options.signal ? AbortSignal.any([scope.signal, options.signal]) : (scope.signal ?? options.signal);
      return next({ ...options, signal, headers: userHeader ? { ...options.headers, ...userHeader } : options.headers });
    },
  };
  return handle;
}
