// createSandbox: the seeded store, the request log, the faults, the OAuth side and the HTTP
// handler, wired together.

import type { IncomingMessage, ServerResponse } from 'node:http';
import { faultControl, FAULTS_PATH } from './faults/control.js';
import { createFaults, type Faults, type FaultUpdate } from './faults/injector.js';
import { createDriveHandler } from './drive/handler.js';
import { createHandler } from './http/handler.js';
import type { SandboxInterceptor } from './http/intercept.js';
import { listen, type ListeningServer } from './http/listen.js';
import { createRequestLog, type RequestLog } from './http/request-log.js';
import { createAccountHost, createOAuth, type OAuthOptions, type SandboxOAuth } from './oauth/index.js';
import { apiRoutes } from './routes/index.js';
import { seedDemoAccount } from './seed/index.js';
import type { SandboxStore } from './store.js';
import { createSandboxActions, type SandboxActions } from './webhooks/actions.js';
import { createWebhookEmitter, type WebhookDelivery, type WebhookPoster } from './webhooks/emitter.js';

export interface SandboxOptions {
  /** The static bearer token accepted (default 'sandbox-token'), like a long-lived token; OAuth access tokens work beside it. */
  token?: string;
  /** PRNG seed for the demo data (default 1); same seed, identical data. */
  seed?: number;
  /** Clock in unix ms for anything time-relative at request time (the request log). */
  now?: () => number;
  /** Account subdomain (default 'demo'). */
  subdomain?: string;
  /** Faults active from the start; change them any time through `sandbox.faults`. */
  faults?: FaultUpdate;
  /** The integration the OAuth endpoints serve (consent page, token endpoint); none without it. */
  oauth?: OAuthOptions;
  /** How webhooks are posted (default: global fetch) and how long each may take (default 2000 ms). */
  webhooks?: { post?: WebhookPoster; timeoutMs?: number };
}

export interface SandboxWebhooks {
  /** Resolves when every webhook delivery queued so far has finished. */
  settled(): Promise<void>;
  /** Finished deliveries, oldest first: destination, events, body, status, error. */
  deliveries(): WebhookDelivery[];
  clearDeliveries(): void;
}

export interface Sandbox {
  token: string;
  /** The in-memory account; tests may read and change it directly. */
  store: SandboxStore;
  log: RequestLog;
  /** Latency, rate limit, ban, 5xx, connection resets and errors after commit, on /api/v4 only. */
  faults: Faults;
  /** A node:http request listener, to serve the sandbox from any server. */
  handler: (req: IncomingMessage, res: ServerResponse) => void;
  /** Runs `fn` before auth and routing (after `faults`) on every request until the returned function is called. */
  intercept(fn: SandboxInterceptor): () => void;
  /** Codes, grants, token expiry and revocation, widget tokens, subdomain renames. */
  oauth: SandboxOAuth;
  /** Port 0 (a free one) and host 127.0.0.1 by default. Call it twice for two origins (two "subdomains") over one account. */
  listen(options?: { port?: number; host?: string }): Promise<ListeningServer>;
  /**
   * Serves the drive (files API) on a second origin, like amoCRM's drive_url, and points the
   * account's `drive_url` at it. Without it `drive_url` names amoCRM's real host, unreachable here.
   */
  listenDrive(options?: { port?: number; host?: string }): Promise<ListeningServer>;
  /** Webhooks sent to the destinations subscribed through /api/v4/webhooks. */
  webhooks: SandboxWebhooks;
  /** What a user does in amoCRM's UI and the API cannot (delete, restore), with its webhooks. */
  actions: SandboxActions;
}

export function createSandbox(options: SandboxOptions = {}): Sandbox {
  const token = options.token ?? 'sandbox-token';
  const store = seedDemoAccount({ seed: options.seed ?? 1, subdomain: options.subdomain ?? 'demo' });
  const log = createRequestLog();
  const now = options.now ?? Date.now;
  const faults = createFaults({ now, initial: options.faults });
  let interceptors: SandboxInterceptor[] = [];
  const host = createAccountHost({ subdomain: () => store.account.subdomain });
  const emitter = createWebhookEmitter({ store, now, post: options.webhooks?.post, timeoutMs: options.webhooks?.timeoutMs });
  const oauth = createOAuth({ oauth: options.oauth, store, host, now, isStaticToken: (candidate) => candidate === token });
  const handler = createHandler({
    store,
    authenticate({ token: candidate, host: to }) {
      // The old subdomain of a renamed account knows no token at all.
      if (!host.serves(to)) return { ok: false, note: `account moved to ${host.current()}` };
      if (candidate === null) return { ok: false };
      if (candidate === token) return { ok: true };
      return oauth.checkAccessToken(candidate);
    },
    now,
    log,
    routes: apiRoutes,
    interceptors: () => interceptors,
    faults,
    admin: { [FAULTS_PATH]: faultControl(faults) },
    endpoints: oauth.endpoints,
    observeWrite: emitter.observe,
  });

  return {
    token,
    store,
    log,
    // Typed as the public API only: `plan` is the handler's business.
    faults: { set: faults.set, reset: faults.reset, get: faults.get },
    handler,
    intercept(fn) {
      interceptors = [...interceptors, fn];
      return () => {
        interceptors = interceptors.filter((item) => item !== fn);
      };
    },
    oauth: oauth.api,
    webhooks: { settled: emitter.settled, deliveries: emitter.deliveries, clearDeliveries: emitter.clearDeliveries },
    actions: createSandboxActions({ store, emitter, now }),
    async listenDrive(listenOptions) {
      const drive = createDriveHandler({
        store,
        log,
        now,
        authorized: (candidate) => candidate !== null && (candidate === token || oauth.checkAccessToken(candidate).ok),
      });
      const server = await listen(drive, listenOptions);
      store.account.drive_url = server.url;
      return server;
    },
    async listen(listenOptions) {
      const server = await listen(handler, listenOptions);
      host.listening(server.url);
      return server;
    },
  };
}
