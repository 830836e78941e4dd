// Delivers webhook events to subscribed destinations like amoCRM: after the API has answered,
// one form-encoded POST per destination per change set, a short timeout, no retries. Every
// delivery is logged for tests and people to inspect; `settled()` waits for the ones in flight.

import type { SandboxStore } from '../store.js';
import { diffSnapshot, takeSnapshot } from './changes.js';
import { encodeForm, formPairs, type WebhookEvent } from './form.js';

/** Sends one POST; the default uses the global fetch. Resolves with the HTTP status. */
export type WebhookPoster = (request: { url: string; body: string; headers: Record<string, string>; signal: AbortSignal }) => Promise<{ status: number }>;

export interface WebhookDelivery {
  destination: string;
  /** The settings names the body carries, in body order, without repeats (`add_lead`, `status_lead`). */
  events: string[];
  /** The form body as sent. */
  body: string;
  /** The destination's HTTP status; null when it never answered. */
  status: number | null;
  error?: string;
  at: number;
}

export interface WebhookEmitter {
  /** Starts watching the store; the returned function sends whatever changed since (after a tick). */
  observe(): () => void;
  /** Resolves when every delivery queued so far (and any queued while waiting) has finished. */
  settled(): Promise<void>;
  /** Every finished delivery, oldest first. */
  deliveries(): WebhookDelivery[];
  clearDeliveries(): void;
}

export interface WebhookEmitterOptions {
  store: SandboxStore;
  post?: WebhookPoster;
  /** Per delivery; amoCRM expects an answer within about 2 s. */
  timeoutMs?: number;
  now?: () => number;
}

const defaultPost: WebhookPoster = async ({ url, body, headers, signal }) => {
  const response = await fetch(url, { method: 'POST', body, headers, signal });
  await response.arrayBuffer().catch(() => undefined);
  return { status: response.status };
};

export function createWebhookEmitter(options: WebhookEmitterOptions): WebhookEmitter {
  const { store } = options;
  const post = options.post ?? defaultPost;
  const timeoutMs = options.timeoutMs ?? 2000;
  const now = options.now ?? Date.now;
  const pending = new Set<Promise<void>>();
  let log: WebhookDelivery[] = [];

  async function deliver(destination: string, events: WebhookEvent[]): Promise<void> {
    const body = encodeForm(formPairs(store, events));
    const delivery: WebhookDelivery = { destination, events: [...new Set(events.map((event) => event.setting))], body, status: null, at: now() };
    try {
      const answer = await post({
        url: destination,
        body,
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'user-agent': 'amoCRM-Webhooks/3.0' },
        signal: AbortSignal.timeout(timeoutMs),
      });
      delivery.status = answer.status;
      if (answer.status >= 300) delivery.error = `destination answered ${answer.status}`;
    } catch (cause) {
      delivery.error = cause instanceof Error ? cause.message : String(cause);
    }
    log.push(delivery);
  }

  function dispatch(events: WebhookEvent[]): void {
    const hooks = store.webhooks.values().filter((hook) => !hook.disabled).sort((a, b) => a.sort - b.sort || a.id - b.id);
    for (const hook of hooks) {
      const wanted = new Set(hook.settings);
      const mine = events.filter((event) => wanted.has(event.setting));
      if (mine.length === 0) continue;
      // setImmediate: the API's own response is written first, as with amoCRM's queue.
      const job = new Promise<void>((resolve) => setImmediate(resolve)).then(() => deliver(hook.destination, mine));
      pending.add(job);
      void job.finally(() => pending.delete(job));
    }
  }

  return {
    observe() {
      // Nobody listens: skip the snapshot, which costs a pass over the store.
      if (!store.webhooks.values().some((hook) => !hook.disabled)) return () => {};
      const before = takeSnapshot(store);
      return () => {
        const events = diffSnapshot(store, before);
        if (events.length > 0) dispatch(events);
      };
    },
    async settled() {
      while (pending.size > 0) await Promise.allSettled([...pending]);
    },
    deliveries: () => [...log],
    clearDeliveries() {
      log = [];
    },
  };
}
