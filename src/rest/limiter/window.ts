// Where the rate limiter keeps its count: a sliding log of send times over a rolling window,
// because amoCRM counts requests as they arrive in *any* rolling second. A fixed window (what
// rate-limiter-flexible offers) lets twice the limit through around a window boundary.

/** `at` is when the slot was taken, on the store's clock. */
export type WindowDecision = { granted: true; at: number } | { granted: false; waitMs: number };

export interface WindowStore {
  /** Takes a slot now if fewer than `limit` were taken in the last `windowMs`. */
  tryAcquire(): Promise<WindowDecision>;
}

export interface MemoryWindowOptions {
  limit: number;
  windowMs: number;
  now?: () => number;
}

export function createMemoryWindow(options: MemoryWindowOptions): WindowStore {
  const now = options.now ?? Date.now;
  const sent: number[] = [];
  return {
    async tryAcquire() {
      const at = now();
      while (sent.length > 0 && sent[0]! <= at - options.windowMs) sent.shift();
      if (sent.length < options.limit) {
        sent.push(at);
        return { granted: true, at };
      }
      return { granted: false, waitMs: Math.max(1, sent[0]! + options.windowMs - at) };
    },
  };
}
