// createSandbox: the seeded store, the request log and the HTTP handler, wired together.

import type { IncomingMessage, ServerResponse } from 'node:http';
import { createHandler } from './http/handler.js';
import type { SandboxInterceptor } from './http/intercept.js';
import { listen, type ListeningServer } from './http/listen.js';
import { createRequestLog, type RequestLog } from './http/request-log.js';
import { apiRoutes } from './routes/index.js';
import { seedDemoAccount } from './seed/index.js';
import type { SandboxStore } from './store.js';

export interface SandboxOptions {
  /** The bearer token accepted (default 'sandbox-token'). */
  token?: string;
  /** PRNG seed for the demo data (default 1); same seed, identical data. */
  seed?: number;
  /** Clock in unix ms for anything time-relative at request time (the request log). */
  now?: () => number;
  /** Account subdomain (default 'demo'). */
  subdomain?: string;
}

export interface Sandbox {
  token: string;
  /** The in-memory account; tests may read and change it directly. */
  store: SandboxStore;
  log: RequestLog;
  /** A node:http request listener, to serve the sandbox from any server. */
  handler: (req: IncomingMessage, res: ServerResponse) => void;
  /** Runs `fn` before auth and routing on every request until the returned function is called. */
  intercept(fn: SandboxInterceptor): () => void;
  /** Port 0 (a free one) and host 127.0.0.1 by default. */
  listen(options?: { port?: number; host?: string }): Promise<ListeningServer>;
}

export function createSandbox(options: SandboxOptions = {}): Sandbox {
  const token = options.token ?? 'sandbox-token';
  const store = seedDemoAccount({ seed: options.seed ?? 1, subdomain: options.subdomain ?? 'demo' });
  const log = createRequestLog();
  let interceptors: SandboxInterceptor[] = [];
  const handler = createHandler({
    store,
    token,
    now: options.now ?? Date.now,
    log,
    routes: apiRoutes,
    interceptors: () => interceptors,
  });

  return {
    token,
    store,
    log,
    handler,
    intercept(fn) {
      interceptors = [...interceptors, fn];
      return () => {
        interceptors = interceptors.filter((item) => item !== fn);
      };
    },
    listen: (listenOptions) => listen(handler, listenOptions),
  };
}
