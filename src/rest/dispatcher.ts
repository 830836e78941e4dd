// One undici Agent for the whole process: it keeps a connection pool per origin, so every account
// (each its own origin) gets its own pool without us managing them. Retry and other undici
// interceptors compose onto it in their own issues; tests inject a MockAgent instead.

import { Agent, type Dispatcher } from 'undici';

export interface DispatcherOptions {
  /** Connections per origin. amoCRM allows 7 requests a second, so a few sockets are plenty. */
  connections?: number;
  connectTimeoutMs?: number;
  keepAliveTimeoutMs?: number;
}

export function createDispatcher(options: DispatcherOptions = {}): Dispatcher {
  return new Agent({
    connections: options.connections ?? 16,
    connect: { timeout: options.connectTimeoutMs ?? 5_000 },
    keepAliveTimeout: options.keepAliveTimeoutMs ?? 30_000,
    // The request pipeline enforces its own per-request deadline; undici's only backs it up.
    headersTimeout: 60_000,
    bodyTimeout: 60_000,
  });
}
