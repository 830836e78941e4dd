// Graceful shutdown: stop accepting connections, let every accepted request finish (bounded by a
// deadline), end open event streams cleanly, then close what is left. Requests are counted at
// the HTTP server, so anything Yoga serves (GraphQL, GraphiQL, /readyz, OAuth) is drained alike.

import type { IncomingMessage, RequestListener, Server, ServerResponse } from 'node:http';
import type { Plugin } from 'graphql-yoga';

export interface Drain {
  /** Wraps the request listener to count requests in flight. */
  listener(handler: RequestListener): RequestListener;
  /** Aborted when shutdown starts: streams watch it to end themselves. */
  readonly signal: AbortSignal;
  /** Stops accepting, waits for in-flight requests up to `timeoutMs`, then closes every connection. */
  close(server: Server, timeoutMs: number): Promise<{ drained: boolean }>;
}

export function createDrain(): Drain {
  const inFlight = new Set<ServerResponse>();
  const controller = new AbortController();
  let idle: (() => void) | null = null;

  return {
    signal: controller.signal,
    listener: (handler) => (request: IncomingMessage, response: ServerResponse) => {
      inFlight.add(response);
      // Answers given while stopping close their connection, so keep-alive clients reconnect elsewhere.
      if (controller.signal.aborted) response.shouldKeepAlive = false;
      response.once('close', () => {
        inFlight.delete(response);
        if (inFlight.size === 0) idle?.();
      });
      handler(request, response);
    },
    async close(server, timeoutMs) {
      controller.abort();
      for (const response of inFlight) if (!response.headersSent) response.shouldKeepAlive = false;
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      let drained = true;
      if (inFlight.size > 0) {
        let timer: NodeJS.Timeout | undefined;
        drained = await new Promise<boolean>((resolve) => {
          idle = () => resolve(true);
          timer = setTimeout(() => resolve(false), timeoutMs);
        });
        clearTimeout(timer);
      }
      server.closeAllConnections();
      await closed;
      return { drained };
    },
  };
}

/** Ends an event stream when `signal` aborts: the client gets a clean `complete`, not a reset. */
function endOnAbort<T>(source: AsyncIterable<T>, signal: AbortSignal): AsyncIterableIterator<T> {
  const iterator = source[Symbol.asyncIterator]();
  const aborted = new Promise<IteratorResult<T>>((resolve) => {
    if (signal.aborted) resolve({ done: true, value: undefined });
    else signal.addEventListener('abort', () => resolve({ done: true, value: undefined }), { once: true });
  });
  const finish = async (): Promise<IteratorResult<T>> => {
    // Not awaited: a source stuck in its own await (an async generator) settles its return()
    // only after that await, which may be never; pub/sub iterators close at once either way.
    void Promise.resolve(iterator.return?.()).catch(() => {});
    return { done: true, value: undefined };
  };
  return {
    async next() {
      const result = await Promise.race([iterator.next(), aborted]);
      if (result.done && signal.aborted) return finish();
      return result;
    },
    return: finish,
    throw: async (error?: unknown) => {
      if (iterator.throw) return iterator.throw(error);
      throw error;
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}

/** Subscriptions (SSE, graphql-ws) end cleanly once shutdown starts. */
export function useEndStreamsOnShutdown(signal: AbortSignal): Plugin {
  return {
    onSubscribe() {
      return {
        onSubscribeResult({ result, setResult }) {
          if (Symbol.asyncIterator in result) setResult(endOnAbort(result, signal));
        },
      };
    },
  };
}
