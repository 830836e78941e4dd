// Open event streams end cleanly when shutdown starts: the subscriber gets a `complete` event
// and the stream closes, instead of a reset connection. Checked with a small subscription schema,
// since the plugin works on any stream the gateway serves.

import { createSchema, createYoga } from 'graphql-yoga';
import { describe, expect, it } from 'vitest';
import { useEndStreamsOnShutdown } from '../../src/server/shutdown.js';

describe('streams at shutdown', () => {
  it('ends an open SSE subscription with a complete event once shutdown begins', async () => {
    const stopping = new AbortController();
    let sourceClosed = false;
    const yoga = createYoga({
      schema: createSchema({
        typeDefs: 'type Query { ok: Boolean } type Subscription { ticks: Int }',
        resolvers: {
          Subscription: {
            ticks: {
              // Shaped like a pub/sub iterator: one event, then silence until it is closed.
              subscribe: (): AsyncIterableIterator<{ ticks: number }> => {
                let sent = false;
                const iterator: AsyncIterableIterator<{ ticks: number }> = {
                  next: () => (sent ? new Promise(() => {}) : ((sent = true), Promise.resolve({ done: false, value: { ticks: 1 } }))),
                  return: async () => {
                    sourceClosed = true;
                    return { done: true, value: undefined };
                  },
                  [Symbol.asyncIterator]: () => iterator,
                };
                return iterator;
              },
            },
          },
        },
      }),
      plugins: [useEndStreamsOnShutdown(stopping.signal)],
      logging: false,
    });
    const response = await yoga.fetch('http://localhost/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
      body: JSON.stringify({ query: 'subscription { ticks }' }),
    });
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    let text = '';
    while (!text.includes('"ticks":1')) text += decoder.decode((await reader.read()).value);

    stopping.abort();
    for (;;) {
      const chunk = await reader.read();
      if (chunk.done) break;
      text += decoder.decode(chunk.value);
    }
    expect(text).toContain('event: complete');
    expect(sourceClosed).toBe(true);
  });
});
