// The only reader of process.env. Every setting the gateway understands is parsed and checked
// here, once, at start-up; a bad value stops the start with a message naming the variable
// (never its value when it is a secret).

export type UpstreamConfig =
  | { kind: 'sandbox'; seed: number; port: number }
  | { kind: 'account'; baseUrl: string; token: string }
  /** OAuth accounts only: no static account. */
  | { kind: 'none' };

export interface OAuthConfig {
  clientId: string;
  clientSecret: string;
  redirectUri: string;
  /** amoCRM's consent page. */
  authorizeUrl: string;
  /** Hosts that may receive the client secret: `*.amocrm.ru` wildcards or exact origins. */
  hosts: string[];
  tokenStore: { kind: 'memory' | 'file' | 'redis'; path: string; keys: string | null };
  refreshSkewMs: number;
  /** The OAuth account a request that names none speaks for. */
  defaultAccountId: number | null;
}

export interface UpstreamTrafficConfig {
  /** Requests per window per account; amoCRM documents 7 a second per integration. */
  rateLimit: number;
  /** The rolling window: a second plus a margin, because the network bunches requests. */
  rateWindowMs: number;
  queueMax: number;
  queueTimeoutMs: number;
  /** Attempts in all for a retryable call. */
  retryAttempts: number;
  retryMaxMs: number;
  banCooldownMs: number;
  /** Upstream calls one GraphQL operation may cause. */
  maxCallsPerOperation: number;
}

/** Limits on what clients may send; unset ones take the defaults of src/server/security.ts. */
export interface ClientLimitsConfig {
  maxDepth?: number;
  maxAliases?: number;
  maxTokens?: number;
  maxDirectives?: number;
  maxCost?: number;
  hideSuggestions?: boolean;
  maxBodyBytes?: number;
  /** Total file bytes of one multipart request (`uploadFile`); 0 turns uploads off. */
  maxUploadBytes?: number;
  corsOrigins?: string[];
  corsCredentials?: boolean;
  csrfHeaders?: string[];
}

/** How clients prove who they are; each kind is on when its settings are given. */
export interface ClientAuthConfig {
  /** amoCRM widget disposable tokens (X-Auth-Token), verified with the OAuth client secret. */
  widgetTokens: boolean;
  jwt: {
    jwksUrl: string | null;
    secret: string | null;
    issuer: string[];
    audience: string[];
    accountClaim: string | null;
    userClaim: string | null;
  } | null;
  /** `sha256:<hex>:<accountId>[:<label>]` entries: keys are configured hashed. */
  apiKeys: string | null;
}

export interface GatewayConfig {
  port: number;
  host: string;
  upstream: UpstreamConfig;
  userAgent: string;
  timeoutMs: number;
  metadataTtlMs: number;
  graphiql: boolean;
  production: boolean;
  traffic: UpstreamTrafficConfig;
  /** Shares the rate limit, tokens and the refresh lock (and later caches, events) across instances. */
  redisUrl: string | null;
  /** Every Redis key starts with it, so several deployments can share one Redis. */
  redisPrefix: string;
  security: ClientLimitsConfig;
  oauth: OAuthConfig | null;
  /** Requests without credentials are served (sandbox mode, or GATEWAY_ALLOW_ANONYMOUS=true). */
  allowAnonymous: boolean;
  clientAuth: ClientAuthConfig;
  /** Send the widget user's id as X-Context-User-ID, so amoCRM applies that user's rights. */
  actAsUser: boolean;
  /** Serve Prometheus metrics at /metrics. */
  metricsEnabled: boolean;
  /** `amocrmRequest` (read-only GETs under /api/v4/) answers; off by default. */
  rawRequests: boolean;
  responseCache: ResponseCacheConfig;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** How long a stop waits for in-flight requests before closing their connections. */
  shutdownTimeoutMs: number;
  /** A manifest of persisted operations (hash -> document); `only` refuses every other query. */
  persistedOperations: { file: string; only: boolean } | null;
  /** OpenTelemetry tracing through OTLP/HTTP; null when off (no OTEL_EXPORTER_OTLP_*ENDPOINT). */
  tracing: { tracesUrl: string } | null;
  /** Derives each account's webhook receiver token; null: no receiver (random per start in sandbox mode). */
  webhookSecret: string | null;
  /** The gateway's public origin; when set, served accounts are subscribed to the receiver. */
  webhookPublicUrl: string | null;
}

export interface ResponseCacheConfig {
  enabled: boolean;
  /** Answers holding leads, contacts, companies, tasks, notes (and answers with no typed entity). */
  entityTtlMs: number;
  /** Answers holding only pipelines, statuses, custom field definitions, users, loss reasons, tags. */
  metadataTtlMs: number;
  /** Per-type overrides from `Type=ms,Type=ms`. */
  ttlPerTypeMs: Record<string, number>;
  /** Entries kept in memory when there is no Redis. */
  maxEntries: number;
}

export const DEFAULT_TRAFFIC: UpstreamTrafficConfig = {
  rateLimit: 7,
  // Counted from each call's answer (window.ts), so the margin over a second can stay small.
  rateWindowMs: 1_050,
  queueMax: 1_000,
  queueTimeoutMs: 30_000,
  retryAttempts: 5,
  retryMaxMs: 15_000,
  banCooldownMs: 300_000,
  maxCallsPerOperation: 100,
};

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}

type Env = Readonly<Record<string, string | undefined>>;

export const VERSION = '0.1.0';

export function loadConfig(env: Env = process.env): GatewayConfig {
  const problems: string[] = [];
  const text = (name: string): string | undefined => {
    const value = env[name]?.trim();
    return value ? value : undefined;
  };
  const int = (name: string, fallback: number, min: number, max: number): number => {
    const raw = text(name);
    if (raw === undefined) return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min || value > max) {
      problems.push(`${name} must be an integer from ${min} to ${max}, got "${raw}"`);
      return fallback;
    }
    return value;
  };
  const optionalInt = (name: string, min: number, max: number): number | undefined =>
    text(name) === undefined ? undefined : int(name, 0, min, max);
  const list = (name: string): string[] | undefined =>
    text(name)
      ?.split(',')
      .map((item) => item.trim())
      .filter(Boolean);
  const bool = (name: string, fallback: boolean): boolean => {
    const raw = text(name)?.toLowerCase();
    if (raw === undefined) return fallback;
    if (['1', 'true', 'yes', 'on'].includes(raw)) return true;
    if (['0', 'false', 'no', 'off'].includes(raw)) return false;
    problems.push(`${name} must be true or false, got "${raw}"`);
    return fallback;
  };

  const baseUrl = text('AMOCRM_BASE_URL');
  const token = text('AMOCRM_TOKEN');
  const oauth = oauthConfig();
  let upstream: UpstreamConfig;
  if (baseUrl === undefined && token === undefined && oauth) {
    upstream = { kind: 'none' };
  } else if (baseUrl === undefined && token === undefined) {
    upstream = { kind: 'sandbox', seed: int('SANDBOX_SEED', 1, 0, 2 ** 31 - 1), port: int('SANDBOX_PORT', 0, 0, 65535) };
  } else if (baseUrl === undefined || token === undefined) {
    problems.push('AMOCRM_BASE_URL and AMOCRM_TOKEN go together: set both to use an account, or neither for the sandbox');
    upstream = { kind: 'sandbox', seed: 1, port: 0 };
  } else {
    let url: URL | null = null;
    try {
      url = new URL(baseUrl);
    } catch {
      problems.push(`AMOCRM_BASE_URL must be an absolute URL like https://example.amocrm.ru, got "${baseUrl}"`);
    }
    if (url && url.protocol !== 'https:' && url.protocol !== 'http:') problems.push('AMOCRM_BASE_URL must use http or https');
    if (url && (url.username || url.password)) problems.push('AMOCRM_BASE_URL must not carry credentials; use AMOCRM_TOKEN');
    upstream = { kind: 'account', baseUrl, token };
  }

  const redisUrl = (raw: string | undefined): string | null => {
    if (raw === undefined) return null;
    try {
      const url = new URL(raw);
      if (url.protocol === 'redis:' || url.protocol === 'rediss:') return raw;
    } catch {
      // reported below
    }
    problems.push('REDIS_URL must look like redis://host:6379 or rediss://…');
    return null;
  };

  function clientAuthConfig(): ClientAuthConfig {
    const jwksUrl = text('CLIENT_JWT_JWKS_URL') ?? null;
    const secret = text('CLIENT_JWT_SECRET') ?? null;
    let jwt: ClientAuthConfig['jwt'] = null;
    if (jwksUrl || secret) {
      if (jwksUrl && secret) problems.push('CLIENT_JWT_JWKS_URL and CLIENT_JWT_SECRET exclude each other: a JWKS verifies asymmetric tokens, a secret HMAC ones');
      if (secret && Buffer.byteLength(secret) < 32) problems.push('CLIENT_JWT_SECRET must be at least 32 bytes');
      const issuer = list('CLIENT_JWT_ISSUER') ?? [];
      const audience = list('CLIENT_JWT_AUDIENCE') ?? [];
      if (issuer.length === 0 || audience.length === 0) problems.push('client JWTs need CLIENT_JWT_ISSUER and CLIENT_JWT_AUDIENCE');
      jwt = { jwksUrl, secret, issuer, audience, accountClaim: text('CLIENT_JWT_ACCOUNT_CLAIM') ?? null, userClaim: text('CLIENT_JWT_USER_CLAIM') ?? null };
    }
    return {
      widgetTokens: bool('CLIENT_WIDGET_TOKENS', text('AMOCRM_CLIENT_SECRET') !== undefined),
      jwt,
      apiKeys: text('CLIENT_API_KEYS') ?? null,
    };
  }

  function oauthConfig(): OAuthConfig | null {
    const clientId = text('AMOCRM_CLIENT_ID');
    const clientSecret = text('AMOCRM_CLIENT_SECRET');
    const redirectUri = text('AMOCRM_REDIRECT_URI');
    const given = [clientId, clientSecret, redirectUri].filter((value) => value !== undefined).length;
    if (given === 0) return null;
    if (given < 3) {
      problems.push('AMOCRM_CLIENT_ID, AMOCRM_CLIENT_SECRET and AMOCRM_REDIRECT_URI go together: set all three for OAuth');
      return null;
    }
    const authorizeUrl = text('AMOCRM_OAUTH_URL') ?? 'https://www.amocrm.ru/oauth';
    for (const [name, value] of [['AMOCRM_REDIRECT_URI', redirectUri], ['AMOCRM_OAUTH_URL', authorizeUrl]] as const) {
      try {
        if (!/^https?:$/.test(new URL(value!).protocol)) problems.push(`${name} must be an http(s) URL`);
      } catch {
        problems.push(`${name} must be an absolute URL, got "${value}"`);
      }
    }
    const hosts = list('AMOCRM_OAUTH_HOSTS') ?? ['*.amocrm.ru', '*.amocrm.com', '*.kommo.com'];
    for (const host of hosts) {
      if (host.startsWith('*.')) continue;
      try {
        new URL(host);
      } catch {
        problems.push(`AMOCRM_OAUTH_HOSTS entries are *.domain wildcards or origins, got "${host}"`);
      }
    }
    const kind = (text('TOKEN_STORE') ?? (text('REDIS_URL') ? 'redis' : 'memory')) as OAuthConfig['tokenStore']['kind'];
    if (!['memory', 'file', 'redis'].includes(kind)) problems.push(`TOKEN_STORE must be memory, file or redis, got "${kind}"`);
    const keys = text('TOKEN_ENCRYPTION_KEY') ?? null;
    if (kind !== 'memory' && !keys) {
      problems.push(`TOKEN_STORE=${kind} keeps tokens at rest: set TOKEN_ENCRYPTION_KEY (32 random bytes, base64) to encrypt them`);
    }
    if (kind === 'redis' && !text('REDIS_URL')) problems.push('TOKEN_STORE=redis needs REDIS_URL');
    const defaultAccount = text('AMOCRM_ACCOUNT_ID');
    return {
      clientId: clientId!,
      clientSecret: clientSecret!,
      redirectUri: redirectUri!,
      authorizeUrl,
      hosts,
      tokenStore: { kind, path: text('TOKEN_STORE_PATH') ?? 'data/tokens.json', keys },
      refreshSkewMs: int('TOKEN_REFRESH_SKEW_MS', 60_000, 0, 3_600_000),
      defaultAccountId: defaultAccount === undefined ? null : int('AMOCRM_ACCOUNT_ID', 0, 1, Number.MAX_SAFE_INTEGER),
    };
  }

  const corsOrigins = (origins: string[] | undefined): string[] | undefined => {
    for (const origin of origins ?? []) {
      let valid = false;
      try {
        valid = new URL(origin).origin === origin;
      } catch {
        // reported below
      }
      if (!valid) problems.push(`CORS_ORIGINS entries must be origins like https://example.amocrm.ru, got "${origin}"`);
    }
    return origins;
  };

  const ttlPerType = (entries: string[] | undefined): Record<string, number> => {
    const out: Record<string, number> = {};
    for (const entry of entries ?? []) {
      const match = /^([A-Z][A-Za-z0-9_]*)=(\d{1,9})$/.exec(entry);
      if (match) out[match[1]!] = Number(match[2]);
      else problems.push(`RESPONSE_CACHE_TTL_PER_TYPE entries must look like Lead=5000, got "${entry}"`);
    }
    return out;
  };
  const webhookSecret = (value: string | undefined): string | null => {
    if (value === undefined) return null;
    if (value.length < 32) problems.push('WEBHOOK_SECRET must be at least 32 characters');
    return value;
  };
  const webhookPublicUrl = (value: string | undefined): string | null => {
    if (value === undefined) return null;
    let origin: string | null = null;
    try {
      const url = new URL(value);
      if (url.protocol === 'https:' || url.protocol === 'http:') origin = `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
    } catch {
      // reported below
    }
    if (!origin) problems.push(`WEBHOOK_PUBLIC_URL must be an http(s) URL, got "${value}"`);
    else if (!text('WEBHOOK_SECRET') && upstream.kind !== 'sandbox') problems.push('WEBHOOK_PUBLIC_URL needs WEBHOOK_SECRET');
    return origin;
  };

  const production = env.NODE_ENV === 'production';

  const logLevel = (text('LOG_LEVEL') ?? 'info').toLowerCase() as GatewayConfig['logLevel'];
  if (!['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].includes(logLevel)) {
    problems.push(`LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent, got "${logLevel}"`);
  }

  const persistedFile = text('PERSISTED_OPERATIONS_FILE');
  // Production frontends run from the manifest alone; development still takes any query.
  const persistedOnly = bool('PERSISTED_OPERATIONS_ONLY', production && persistedFile !== undefined);
  if (persistedOnly && persistedFile === undefined) problems.push('PERSISTED_OPERATIONS_ONLY=true needs PERSISTED_OPERATIONS_FILE');

  // The standard OpenTelemetry variables: an OTLP endpoint turns tracing on.
  let tracing: GatewayConfig['tracing'] = null;
  const otlpTraces = text('OTEL_EXPORTER_OTLP_TRACES_ENDPOINT');
  const otlpBase = text('OTEL_EXPORTER_OTLP_ENDPOINT');
  const otelDisabled = bool('OTEL_SDK_DISABLED', false);
  const tracesExporter = text('OTEL_TRACES_EXPORTER')?.toLowerCase();
  if (!otelDisabled && tracesExporter !== 'none' && (otlpTraces || otlpBase)) {
    // Per the specification the signal-specific variable is used as is; the base gets /v1/traces.
    const tracesUrl = otlpTraces ?? `${otlpBase!.replace(/\/+$/, '')}/v1/traces`;
    try {
      if (!/^https?:$/.test(new URL(tracesUrl).protocol)) problems.push('OTEL_EXPORTER_OTLP_ENDPOINT must be an http(s) URL');
    } catch {
      problems.push(`OTEL_EXPORTER_OTLP_ENDPOINT must be an absolute URL, got "${tracesUrl}"`);
    }
    tracing = { tracesUrl };
  }
  const config: GatewayConfig = {
    port: int('PORT', 4000, 0, 65535),
    host: text('HOST') ?? '127.0.0.1',
    upstream,
    userAgent: text('AMOCRM_USER_AGENT') ?? `amocrm-graphql/${VERSION}`,
    timeoutMs: int('AMOCRM_TIMEOUT_MS', 20_000, 100, 300_000),
    metadataTtlMs: int('METADATA_CACHE_TTL_MS', 60_000, 0, 86_400_000),
    graphiql: bool('GRAPHIQL', true),
    metricsEnabled: bool('METRICS_ENABLED', true),
    webhookSecret: webhookSecret(text('WEBHOOK_SECRET')),
    webhookPublicUrl: webhookPublicUrl(text('WEBHOOK_PUBLIC_URL')),
    production,
    traffic: {
      rateLimit: int('UPSTREAM_RATE_LIMIT', DEFAULT_TRAFFIC.rateLimit, 1, 1_000),
      rateWindowMs: int('UPSTREAM_RATE_WINDOW_MS', DEFAULT_TRAFFIC.rateWindowMs, 100, 60_000),
      queueMax: int('UPSTREAM_QUEUE_MAX', DEFAULT_TRAFFIC.queueMax, 1, 1_000_000),
      queueTimeoutMs: int('UPSTREAM_QUEUE_TIMEOUT_MS', DEFAULT_TRAFFIC.queueTimeoutMs, 100, 600_000),
      retryAttempts: int('UPSTREAM_RETRY_ATTEMPTS', DEFAULT_TRAFFIC.retryAttempts, 1, 10),
      retryMaxMs: int('UPSTREAM_RETRY_MAX_MS', DEFAULT_TRAFFIC.retryMaxMs, 0, 300_000),
      banCooldownMs: int('UPSTREAM_BAN_COOLDOWN_MS', DEFAULT_TRAFFIC.banCooldownMs, 1_000, 86_400_000),
      maxCallsPerOperation: int('UPSTREAM_CALLS_PER_OPERATION', DEFAULT_TRAFFIC.maxCallsPerOperation, 1, 100_000),
    },
    redisUrl: redisUrl(text('REDIS_URL')),
    redisPrefix: text('REDIS_PREFIX') ?? 'amocrm-graphql',
    security: {
      maxDepth: optionalInt('GRAPHQL_MAX_DEPTH', 1, 1_000),
      maxAliases: optionalInt('GRAPHQL_MAX_ALIASES', 0, 100_000),
      maxTokens: optionalInt('GRAPHQL_MAX_TOKENS', 1, 1_000_000),
      maxDirectives: optionalInt('GRAPHQL_MAX_DIRECTIVES', 0, 100_000),
      maxCost: optionalInt('GRAPHQL_MAX_COST', 1, 1_000_000_000),
      hideSuggestions: !bool('GRAPHQL_FIELD_SUGGESTIONS', !production),
      maxBodyBytes: optionalInt('GRAPHQL_MAX_BODY_BYTES', 1_024, 100_000_000),
      maxUploadBytes: optionalInt('GRAPHQL_MAX_UPLOAD_BYTES', 0, 314_572_800),
      corsOrigins: corsOrigins(list('CORS_ORIGINS')),
      corsCredentials: bool('CORS_CREDENTIALS', false),
      csrfHeaders: list('CSRF_HEADERS'),
    },
    oauth,
    allowAnonymous: bool('GATEWAY_ALLOW_ANONYMOUS', upstream.kind === 'sandbox'),
    clientAuth: clientAuthConfig(),
    actAsUser: bool('AMOCRM_ACT_AS_USER', false),
    rawRequests: bool('AMOCRM_RAW_REQUESTS', false),
    responseCache: {
      enabled: bool('RESPONSE_CACHE', true),
      entityTtlMs: int('RESPONSE_CACHE_TTL_MS', 10_000, 0, 86_400_000),
      metadataTtlMs: int('RESPONSE_CACHE_METADATA_TTL_MS', 300_000, 0, 86_400_000),
      ttlPerTypeMs: ttlPerType(list('RESPONSE_CACHE_TTL_PER_TYPE')),
      maxEntries: int('RESPONSE_CACHE_MAX_ENTRIES', 1_000, 1, 10_000_000),
    },
    logLevel,
    shutdownTimeoutMs: int('SHUTDOWN_TIMEOUT_MS', 25_000, 0, 600_000),
    persistedOperations: persistedFile === undefined ? null : { file: persistedFile, only: persistedOnly },
    tracing,
  };
  const { clientAuth } = config;
  const anyClientAuth = (clientAuth.widgetTokens && oauth !== null) || clientAuth.jwt !== null || clientAuth.apiKeys !== null;
  if (clientAuth.widgetTokens && !oauth) problems.push('CLIENT_WIDGET_TOKENS needs the OAuth settings (AMOCRM_CLIENT_SECRET verifies widget tokens)');
  // Serving a real account to whoever asks must be a decision, not a default.
  if (upstream.kind !== 'sandbox' && !anyClientAuth && !config.allowAnonymous) {
    problems.push(
      'no client authentication is configured: set CLIENT_API_KEYS, CLIENT_JWT_JWKS_URL/CLIENT_JWT_SECRET or the OAuth settings (widget tokens), or GATEWAY_ALLOW_ANONYMOUS=true to serve the account without credentials',
    );
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}
