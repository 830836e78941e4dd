// Wires a running gateway from configuration: the upstream (an account, or the embedded
// sandbox started in-process on loopback), the REST client, the account context, the Yoga
// instance and its HTTP listener. `main.ts` and the tests both start the gateway through here.

import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import type { Dispatcher } from 'undici';
import { Redis } from 'ioredis';
import { createApiKeyAuth, createBearerJwtAuth, createWidgetTokenAuth, parseApiKeys } from '../auth/client/index.js';
import type { ClientAuthStrategy } from '../auth/client/types.js';
import { createMemoryLock } from '../auth/memory-lock.js';
import { createOAuthClient } from '../auth/oauth-client.js';
import { createRedisLock } from '../auth/redis-lock.js';
import { createTokenStore } from '../auth/stores/create-token-store.js';
import { DEFAULT_TRAFFIC, type ClientAuthConfig, type GatewayConfig, type OAuthConfig, type ResponseCacheConfig, type UpstreamTrafficConfig } from '../config.js';
import { createDispatcher } from '../rest/dispatcher.js';
import { DEFAULT_REDIS_PREFIX, type Account } from './account.js';
import { createAccountRegistry, type AccountRegistry, type AccountRegistryOptions } from './accounts.js';
import { allowedOrigins, useOAuthRoutes } from './oauth-routes.js';
import { createSandbox, type Sandbox } from '../sandbox/index.js';
import { Registry } from 'prom-client';
import { createGateway, type Gateway } from './gateway.js';
import { createMetrics } from './metrics.js';
import { useOperationsRoutes } from './operations-routes.js';
import { principalOf } from './client-auth.js';
import { createReadiness, type Readiness } from './readiness.js';
import { cacheRefsOf, createResponseCache, type ResponseCache } from './response-cache.js';
import { createLogger, createScrubber, logFnOf, type Logger, type Scrubber } from './logger.js';
import { loadPersistedManifest, usePersistedManifest } from './persisted-operations.js';
import { useRequestLog } from './request-log.js';
import { createDrain, useEndStreamsOnShutdown } from './shutdown.js';
import { gatewayTracer, useTracing } from './tracing.js';
import { createEventBus, type EventBus } from './event-bus.js';
import { attachGraphQLWs } from './graphql-ws.js';
import { useWebhookRoutes, WEBHOOK_PATH, type WebhookAccount } from './webhook-routes.js';
import type { EntityEvent } from '../webhooks/events.js';
import { webhookToken } from '../webhooks/token.js';

export interface RunningGateway {
  /** Where the gateway listens, e.g. http://127.0.0.1:4000 */
  url: string;
  gateway: Gateway;
  /** Every account the process serves. */
  accounts: AccountRegistry;
  /** The default account's context (the static one), for tests and operators. */
  account: Account['context'];
  /** The default account's rate limiter and ban breaker. */
  traffic: Pick<Account, 'limiter' | 'breaker'>;
  /** The embedded sandbox, when no account was configured. */
  sandbox: { instance: Sandbox; url: string } | null;
  upstreamUrl: string | null;
  /** What /readyz answers from. */
  readiness: Readiness;
  /** What /metrics serves; null when metrics are off. */
  metrics: Registry | null;
  /** The receiver path (with its token) for an account: the static one by default. */
  webhookUrl(accountKey?: string, label?: string): string;
  /** The response cache (null when off): webhooks call its `invalidate`. */
  responseCache: ResponseCache | null;
  logger: Logger;
  /**
   * Graceful stop: /readyz turns 503, no new connections, in-flight requests finish (up to
   * `shutdownTimeoutMs`), open streams end, then everything closes.
   */
  close(): Promise<void>;
}

type Overridable =
  | 'traffic' | 'redisUrl' | 'redisPrefix' | 'security' | 'oauth' | 'allowAnonymous' | 'actAsUser' | 'clientAuth' | 'metricsEnabled'
  | 'responseCache' | 'rawRequests' | 'logLevel' | 'shutdownTimeoutMs' | 'persistedOperations' | 'tracing'
  | 'webhookSecret' | 'webhookPublicUrl';

export interface StartOptions extends Omit<GatewayConfig, Overridable> {
  traffic?: Partial<UpstreamTrafficConfig>;
  security?: GatewayConfig['security'];
  redisUrl?: string | null;
  redisPrefix?: string;
  oauth?: OAuthConfig | null;
  /** Default: only in sandbox mode. */
  allowAnonymous?: boolean;
  actAsUser?: boolean;
  /** Default false: `amocrmRequest` refuses with RAW_REQUESTS_DISABLED. */
  rawRequests?: boolean;
  clientAuth?: Partial<ClientAuthConfig>;
  /** Inject a dispatcher (tests); by default one undici Agent for the process. */
  dispatcher?: Dispatcher;
  /** See AccountContextOptions; tests shorten it. */
  unknownFieldRefreshMs?: number;
  /** The narrow log seam; by default the logger's. Given alone, the request log is silent. */
  log?: (level: 'error' | 'warn' | 'info', message: string) => void;
  /** The structured logger (tests inject one writing to memory); by default JSON on stdout. */
  logger?: Logger;
  /** Known secret values to blank in logs; the static token and the client secret are added. */
  scrubber?: Scrubber;
  logLevel?: GatewayConfig['logLevel'];
  /** Default 25 s. */
  shutdownTimeoutMs?: number;
  persistedOperations?: GatewayConfig['persistedOperations'];
  /** Spans for operations and upstream calls through the global OpenTelemetry provider (main.ts registers one). */
  tracing?: boolean | GatewayConfig['tracing'];
  /** Default true. */
  metricsEnabled?: boolean;
  /** Where the metrics live; by default a fresh registry per gateway (with Node's process metrics). */
  metricsRegistry?: Registry;
  /** How long /readyz reuses a verdict, and each check's deadline; tests shorten them. */
  readiness?: { cacheMs?: number; timeoutMs?: number };
  /** Default: on, with config.ts's defaults; `now` is the cache's clock (tests). */
  responseCache?: Partial<ResponseCacheConfig> & { now?: () => number };
  /** Derives the webhook receiver's URL tokens; required outside sandbox mode (random per start there). */
  webhookSecret?: string | null;
  /** The gateway's public origin: when set, each served account is subscribed to its receiver URL. */
  webhookPublicUrl?: string | null;
  /** Called with each webhook's events, once the response cache has dropped them, before they are published. */
  onEvents?: (accountKey: string, events: EntityEvent[]) => void;
}

const RESPONSE_CACHE_DEFAULTS: ResponseCacheConfig = {
  enabled: true,
  entityTtlMs: 10_000,
  metadataTtlMs: 300_000,
  ttlPerTypeMs: {},
  maxEntries: 1_000,
};

/** The webhook events the receiver understands, as amoCRM names them in a subscription's settings. */
export const WEBHOOK_SETTINGS = [
  'add_lead', 'update_lead', 'delete_lead', 'restore_lead', 'status_lead', 'responsible_lead', 'note_lead',
  'add_contact', 'update_contact', 'delete_contact', 'restore_contact', 'responsible_contact', 'note_contact',
  'add_company', 'update_company', 'delete_company', 'restore_company', 'responsible_company', 'note_company',
  'add_task', 'update_task', 'delete_task', 'responsible_task',
] as const;

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

function clientAuthStrategies(config: StartOptions): ClientAuthStrategy[] {
  const strategies: ClientAuthStrategy[] = [];
  const auth = config.clientAuth ?? {};
  if (auth.widgetTokens && config.oauth) {
    strategies.push(
      createWidgetTokenAuth({
        clientSecret: config.oauth.clientSecret,
        redirectUri: config.oauth.redirectUri,
        clientId: config.oauth.clientId,
        accountHosts: config.oauth.hosts,
      }),
    );
  }
  if (auth.jwt) {
    strategies.push(
      createBearerJwtAuth({
        ...(auth.jwt.jwksUrl ? { jwksUrl: auth.jwt.jwksUrl } : { secret: auth.jwt.secret ?? '' }),
        issuer: auth.jwt.issuer,
        audience: auth.jwt.audience,
        accountClaim: auth.jwt.accountClaim ?? undefined,
        userClaim: auth.jwt.userClaim ?? undefined,
      }),
    );
  }
  if (auth.apiKeys) strategies.push(createApiKeyAuth({ keys: parseApiKeys(auth.apiKeys) }));
  return strategies;
}

export async function startGateway(config: StartOptions): Promise<RunningGateway> {
  const scrubber = config.scrubber ?? createScrubber();
  scrubber.add(config.oauth?.clientSecret);
  if (config.upstream.kind === 'account') scrubber.add(config.upstream.token);
  const logger = config.logger ?? createLogger({ level: config.log ? 'silent' : (config.logLevel ?? 'info'), scrubber });
  const log = config.log ?? logFnOf(logger);
  const tracer = config.tracing ? gatewayTracer() : undefined;
  // Read before anything listens: a broken manifest stops the start.
  const persisted = config.persistedOperations
    ? { manifest: loadPersistedManifest(config.persistedOperations.file), only: config.persistedOperations.only }
    : null;
  let sandbox: RunningGateway['sandbox'] = null;
  let sandboxServer: { url: string; close(): Promise<void> } | null = null;
  let driveServer: { url: string; close(): Promise<void> } | null = null;
  let staticAccount: { baseUrl: string; token: string } | null = null;
  if (config.upstream.kind === 'sandbox') {
    // A fresh random token per start: the sandbox is only reachable with the one we hand over.
    const token = randomBytes(24).toString('base64url');
    scrubber.add(token);
    const instance = createSandbox({ seed: config.upstream.seed, token });
    sandboxServer = await instance.listen({ port: config.upstream.port, host: '127.0.0.1' });
    // The files API lives on a second origin (the account's drive_url), as in amoCRM.
    driveServer = await instance.listenDrive({ port: 0, host: '127.0.0.1' });
    sandbox = { instance, url: sandboxServer.url };
    staticAccount = { baseUrl: sandboxServer.url, token };
  } else if (config.upstream.kind === 'account') {
    staticAccount = { baseUrl: config.upstream.baseUrl, token: config.upstream.token };
  }

  const redis = config.redisUrl ? await connectRedis(config.redisUrl) : null;
  const redisPrefix = config.redisPrefix ?? DEFAULT_REDIS_PREFIX;
  const dispatcher = config.dispatcher ?? createDispatcher();
  const ownsDispatcher = !config.dispatcher;

  let oauth: AccountRegistryOptions['oauth'] = null;
  if (config.oauth) {
    const { tokenStore } = config.oauth;
    oauth = {
      client: createOAuthClient({
        clientId: config.oauth.clientId,
        clientSecret: config.oauth.clientSecret,
        redirectUri: config.oauth.redirectUri,
        dispatcher,
        userAgent: config.userAgent,
      }),
      store: createTokenStore({
        kind: tokenStore.kind,
        path: tokenStore.path,
        redis: redis ?? undefined,
        prefix: `${redisPrefix}:token:`,
        keys: tokenStore.keys ?? undefined,
      }),
      lock: redis ? createRedisLock({ redis, prefix: `${redisPrefix}:lock:` }) : createMemoryLock(),
      isAllowedOrigin: allowedOrigins(config.oauth.hosts),
      skewMs: config.oauth.refreshSkewMs,
    };
  }

  // Sources are read at scrape time, so they may refer to the registry created just below.
  let served: AccountRegistry | null = null;
  const metrics = config.metricsEnabled === false
    ? null
    : createMetrics({
        registry: config.metricsRegistry ?? new Registry(),
        defaultMetrics: !config.metricsRegistry,
        sources: {
          queueLengths: () => served?.all().map((account) => account.limiter.queueLength) ?? [],
          tokenRefreshes: () => served?.all().map((account) => account.tokens?.refreshes ?? 0) ?? [],
        },
      });

  const accounts = createAccountRegistry({
    dispatcher,
    userAgent: config.userAgent,
    timeoutMs: config.timeoutMs,
    metadataTtlMs: config.metadataTtlMs,
    unknownFieldRefreshMs: config.unknownFieldRefreshMs,
    traffic: { ...DEFAULT_TRAFFIC, ...config.traffic },
    redis,
    redisPrefix,
    log,
    static: staticAccount,
    oauth,
    defaultAccountId: config.oauth?.defaultAccountId ?? null,
    onResponse: metrics ? (info, error) => metrics.onUpstreamResponse(info, error) : undefined,
    tracer,
  });
  served = accounts;

  // The account endpoint is the cheapest authenticated read; it goes through the limiter and the
  // ban breaker like any call, so readiness never costs amoCRM more than one call per period.
  const probed = accounts.defaultAccount;
  const readiness = createReadiness({
    upstream: probed ? (signal) => probed.context.client.request({ method: 'GET', path: '/api/v4/account', signal }) : null,
    redis,
    cacheMs: config.readiness?.cacheMs,
    timeoutMs: config.readiness?.timeoutMs,
  });

  const cacheConfig = { ...RESPONSE_CACHE_DEFAULTS, ...config.responseCache };
  const responseCache = cacheConfig.enabled
    ? createResponseCache({
        entityTtlMs: cacheConfig.entityTtlMs,
        metadataTtlMs: cacheConfig.metadataTtlMs,
        ttlPerTypeMs: cacheConfig.ttlPerTypeMs,
        maxEntries: cacheConfig.maxEntries,
        redis,
        redisPrefix,
        now: config.responseCache?.now,
        onLookup: metrics ? (hit) => metrics.onCacheLookup(hit) : undefined,
        accountKeyOf: async (request) => {
          const principal = principalOf(request);
          return principal ? (await accounts.resolve(principal.accountId)).context.key : null;
        },
      })
    : null;

  const drain = createDrain();
  // Sandbox mode: a fresh secret per start, like the sandbox's token.
  const webhookSecret = config.webhookSecret ?? (config.upstream.kind === 'sandbox' ? randomBytes(32).toString('base64url') : null);
  let bus: EventBus;
  try {
    bus = await createEventBus({ redisUrl: config.redisUrl, prefix: redisPrefix, log });
  } catch (error) {
    redis?.disconnect();
    throw error;
  }
  const webhookAccount = async (label: string): Promise<WebhookAccount | null> => {
    if (label === 's') {
      if (!accounts.defaultAccount) return null;
      return { key: accounts.defaultAccount.context.key, accountId: null, subdomain: null };
    }
    if (!config.oauth) return null;
    const account = await accounts.resolve(Number(label));
    return { key: account.context.key, accountId: account.accountId, subdomain: null };
  };

  // What amoCRM reports changed is stale in the cache from now on, on every instance sharing it.
  const afterWebhook = async (accountKey: string, events: EntityEvent[]) => {
    try {
      await responseCache?.invalidate(accountKey, cacheRefsOf(events));
    } catch (error) {
      log('error', `could not invalidate cached answers after a webhook: ${(error as Error).message}`);
    }
    config.onEvents?.(accountKey, events);
  };

  const allowAnonymous = config.allowAnonymous ?? config.upstream.kind === 'sandbox';
  const gateway = createGateway({
    events: bus,
    account: async (principal) => (await accounts.resolve(principal.accountId)).context,
    clientAuth: { strategies: clientAuthStrategies(config), allowAnonymous },
    actAsUser: config.actAsUser ?? false,
    rawRequests: config.rawRequests ?? false,
    graphiql: config.graphiql,
    production: config.production,
    security: config.security,
    plugins: [
      ...(persisted ? [usePersistedManifest({ manifest: persisted.manifest, allowArbitrary: !persisted.only })] : []),
      useRequestLog({ logger }),
      ...(tracer ? [useTracing({ tracer })] : []),
      useEndStreamsOnShutdown(drain.signal),
      ...(webhookSecret
        ? [useWebhookRoutes({ secret: webhookSecret, account: webhookAccount, bus, onEvents: afterWebhook, log })]
        : []),
      useOperationsRoutes({ readiness, registry: metrics?.registry ?? null }),
      ...(metrics ? [metrics.plugin] : []),
      ...(config.oauth && oauth
      ? [
          useOAuthRoutes({
            clientId: config.oauth.clientId,
            clientSecret: config.oauth.clientSecret,
            redirectUri: config.oauth.redirectUri,
            authorizeUrl: config.oauth.authorizeUrl,
            client: oauth.client,
            registry: accounts,
            isAllowedOrigin: oauth.isAllowedOrigin,
            log,
          }),
        ]
      : []),
      // Last: it answers from the cache in place of execution, after the others have had their say.
      ...(responseCache ? [responseCache.plugin] : []),
    ],
  });
  const server = createServer(drain.listener(gateway));
  const sockets = attachGraphQLWs(server, gateway);
  const address = await listen(server, config.port, config.host);
  const fallback = accounts.defaultAccount;

  // Subscribing is best effort: amoCRM (or a sandbox without a webhooks API) refusing must not
  // stop the gateway; the operator sees a warning and can subscribe by hand.
  const publicOrigin = config.webhookPublicUrl ?? (config.upstream.kind === 'sandbox' ? `http://${hostForUrl(config.host)}:${address.port}` : null);
  if (publicOrigin && fallback && webhookSecret) {
    const destination = `${publicOrigin.replace(/\/+$/, '')}${WEBHOOK_PATH}${webhookToken(webhookSecret, 's', fallback.context.key)}`;
    void subscribeWebhook(fallback, destination).catch((error: unknown) =>
      log('warn', `could not subscribe the account to webhooks; live events stay off until it is: ${(error as Error).message}`),
    );
  }

  return {
    url: `http://${hostForUrl(config.host)}:${address.port}`,
    gateway,
    accounts,
    get account() {
      if (!fallback) throw new Error('this gateway has no default account');
      return fallback.context;
    },
    get traffic() {
      if (!fallback) throw new Error('this gateway has no default account');
      return { limiter: fallback.limiter, breaker: fallback.breaker };
    },
    sandbox,
    upstreamUrl: staticAccount?.baseUrl ?? null,
    readiness,
    metrics: metrics?.registry ?? null,
    webhookUrl(accountKey = fallback?.context.key ?? '', label = 's') {
      if (!webhookSecret) throw new Error('this gateway has no WEBHOOK_SECRET');
      return `${WEBHOOK_PATH}${webhookToken(webhookSecret, label, accountKey)}`;
    },
    responseCache,
    logger,
    async close() {
      readiness.drain();
      // Shutdown ends every subscription stream (SSE and graphql-ws alike); the sockets of
      // graphql-ws are not HTTP requests, so they are closed here rather than drained.
      const closing = drain.close(server, config.shutdownTimeoutMs ?? 25_000);
      await sockets.close();
      const { drained } = await closing;
      if (!drained) log('warn', 'shutdown deadline passed with requests still in flight; their connections were closed');
      if (ownsDispatcher) await dispatcher.close();
      await sandboxServer?.close();
      await driveServer?.close();
      await oauth?.store.close?.();
      await bus.close();
      redis?.disconnect();
    },
  };
}

/** Points the account's webhook at the receiver, unless it already is with these settings. */
async function subscribeWebhook(account: Account, destination: string): Promise<void> {
  const { client } = account.context;
  const existing = await client.webhooks.list({ destination });
  const wanted = [...WEBHOOK_SETTINGS].sort();
  if (existing.some((hook) => !hook.disabled && [...hook.settings].sort().join() === wanted.join())) return;
  await client.webhooks.subscribe({ destination, settings: wanted });
}
