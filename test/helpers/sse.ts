// Subscriptions over SSE for tests: read `next` payloads off a real event stream, and know when
// a subscription is live (no response says so) by posting warm-up webhooks until it hears one.

import { expect } from 'vitest';
import type { RunningGateway } from '../../src/server/app.js';

/** An SSE subscription: yields each `next` payload's data. */
export function sse(gateway: RunningGateway, query: string, variables?: Record<string, unknown>) {
  const controller = new AbortController();
  const received: any[] = [];
  let wake: (() => void) | null = null;
  const done = (async () => {
    const response = await fetch(`${gateway.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
      body: JSON.stringify({ query, variables }),
      signal: controller.signal,
    });
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    try {
      for (;;) {
        const { value, done: ended } = await reader.read();
        if (ended) break;
        buffer += value;
        let cut: number;
        while ((cut = buffer.indexOf('\n\n')) !== -1) {
          const block = buffer.slice(0, cut);
          buffer = buffer.slice(cut + 2);
          const data = block.split('\n').find((line) => line.startsWith('data:'));
          if (block.startsWith('event: next') && data) {
            received.push(JSON.parse(data.slice(5)));
            (wake as (() => void) | null)?.();
          }
        }
      }
    } catch {
      // aborted
    }
  })();
  return {
    received,
    async waitFor(count: number) {
      while (received.length < count) await new Promise<void>((resolve) => (wake = resolve));
    },
    async close() {
      controller.abort();
      await done;
    },
  };
}

export const WARM_UP = 999_001;

/**
 * Posts a warm-up webhook until every subscriber has heard one: a subscription is live only once
 * its listener is registered, which no response tells. Warm-up events carry the WARM_UP id and are
 * left out of the assertions.
 */
export async function untilHeard(send: () => Promise<Response>, heard: Array<() => boolean>) {
  while (!heard.every((ok) => ok())) {
    expect((await send()).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

