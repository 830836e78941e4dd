// Wires a running gateway from configuration: the upstream (an account, or the embedded
// sandbox started in-process on loopback), the REST client, the account context, the Yoga
// instance and its HTTP listener. `main.ts` and the tests both start the gateway through here.

import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import type { Dispatcher } from 'undici';
import { Redis } from 'ioredis';
import { createTokenAuth } from '../auth/token-auth.js';
import { DEFAULT_TRAFFIC, type GatewayConfig, type UpstreamTrafficConfig } from '../config.js';
import { createDispatcher } from '../rest/dispatcher.js';
import { createAccount, type Account } from './account.js';
import { createSandbox, type Sandbox } from '../sandbox/index.js';
import { createGateway, type Gateway } from './gateway.js';

export interface RunningGateway {
  /** Where the gateway listens, e.g. http://127.0.0.1:4000 */
  url: string;
  gateway: Gateway;
  account: Account['context'];
  /** The account's rate limiter and ban breaker, for tests and operators. */
  traffic: Pick<Account, 'limiter' | 'breaker'>;
  /** The embedded sandbox, when no account was configured. */
  sandbox: { instance: Sandbox; url: string } | null;
  upstreamUrl: string;
  close(): Promise<void>;
}

export interface StartOptions extends Omit<GatewayConfig, 'traffic' | 'redisUrl' | 'security'> {
  traffic?: Partial<UpstreamTrafficConfig>;
  security?: GatewayConfig['security'];
  redisUrl?: string | null;
  /** Inject a dispatcher (tests); by default one undici Agent for the process. */
  dispatcher?: Dispatcher;
  /** See AccountContextOptions; tests shorten it. */
  unknownFieldRefreshMs?: number;
  log?: (level: 'error' | 'warn' | 'info', message: string) => void;
}

function listen(server: Server, port: number, host: string): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve(server.address() as AddressInfo);
    });
  });
}

/** Connects, or refuses to start: a configured Redis that does not answer is a broken deployment. */
async function connectRedis(url: string): Promise<Redis> {
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 2, connectTimeout: 3_000 });
  try {
    await redis.connect();
    await redis.ping();
  } catch (error) {
    redis.disconnect();
    throw new Error(`REDIS_URL is set but Redis does not answer: ${(error as Error).message}`);
  }
  return redis;
}

function hostForUrl(host: string): string {
  if (host === '0.0.0.0' || host === '::') return 'localhost';
  return host.includes(':') ? `[${host}]` : host;
}

export async function startGateway(config: StartOptions): Promise<RunningGateway> {
  let sandbox: RunningGateway['sandbox'] = null;
  let sandboxServer: { url: string; close(): Promise<void> } | null = null;
  let baseUrl: string;
  let token: string;
  if (config.upstream.kind === 'sandbox') {
    // A fresh random token per start: the sandbox is only reachable with the one we hand over.
    token = randomBytes(24).toString('base64url');
    const instance = createSandbox({ seed: config.upstream.seed, token });
    sandboxServer = await instance.listen({ port: config.upstream.port, host: '127.0.0.1' });
    sandbox = { instance, url: sandboxServer.url };
    baseUrl = sandboxServer.url;
  } else {
    baseUrl = config.upstream.baseUrl;
    token = config.upstream.token;
  }

  const redis = config.redisUrl ? await connectRedis(config.redisUrl) : null;
  const ownDispatcher = config.dispatcher ? null : createDispatcher();
  const { context: account, limiter, breaker } = createAccount({
    baseUrl,
    auth: createTokenAuth(token),
    dispatcher: config.dispatcher ?? ownDispatcher!,
    userAgent: config.userAgent,
    timeoutMs: config.timeoutMs,
    metadataTtlMs: config.metadataTtlMs,
    unknownFieldRefreshMs: config.unknownFieldRefreshMs,
    traffic: { ...DEFAULT_TRAFFIC, ...config.traffic },
    redis,
    log: config.log,
  });
  const gateway = createGateway({ account, graphiql: config.graphiql, production: config.production, security: config.security });
  const server = createServer(gateway);
  const address = await listen(server, config.port, config.host);

  return {
    url: `http://${hostForUrl(config.host)}:${address.port}`,
    gateway,
    account,
    traffic: { limiter, breaker },
    sandbox,
    upstreamUrl: baseUrl,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await ownDispatcher?.close();
      await sandboxServer?.close();
      redis?.disconnect();
    },
  };
}
