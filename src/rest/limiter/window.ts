// Where the rate limiter keeps its count: a sliding log of slots over a rolling window, because
// amoCRM counts requests as they arrive in *any* rolling second. A fixed window (what
// rate-limiter-flexible offers) lets twice the limit through around a window boundary.
//
// A slot is stamped twice: when it is taken, and again when its call is answered. amoCRM saw the
// request somewhere between the two, and only the second stamp is sure to be no earlier than that
// arrival, so the window runs from it. Counting from the send alone let a request that the
// network (or a busy event loop) held back land inside the next window: a 429.

/** `at` is when the slot was taken, on the store's clock; `slot` names it for `settle`. */
export type WindowDecision = { granted: true; at: number; slot: string } | { granted: false; waitMs: number };

export interface WindowStore {
  /** Takes a slot now if fewer than `limit` were counted in the last `windowMs`. */
  tryAcquire(): Promise<WindowDecision>;
  /** Restamps a slot at now, once its call was answered (or failed): it counts from then. */
  settle(slot: string): Promise<void>;
}

export interface MemoryWindowOptions {
  limit: number;
  windowMs: number;
  now?: () => number;
}

export function createMemoryWindow(options: MemoryWindowOptions): WindowStore {
  const now = options.now ?? Date.now;
  // Settled slots move later, so the log is not kept sorted; it holds at most `limit` live slots.
  const slots = new Map<string, number>();
  let seq = 0;
  return {
    async tryAcquire() {
      const at = now();
      let oldest = Infinity;
      for (const [slot, stamp] of slots) {
        if (stamp <= at - options.windowMs) slots.delete(slot);
        else oldest = Math.min(oldest, stamp);
      }
      if (slots.size < options.limit) {
        const slot = String(++seq);
        slots.set(slot, at);
        return { granted: true, at, slot };
      }
      return { granted: false, waitMs: Math.max(1, oldest + options.windowMs - at) };
    },
    async settle(slot) {
      const stamp = slots.get(slot);
      if (stamp !== undefined) slots.set(slot, Math.max(stamp, now()));
    },
  };
}
