// The only reader of process.env. Every setting the gateway understands is parsed and checked
// here, once, at start-up; a bad value stops the start with a message naming the variable
// (never its value when it is a secret).

export type UpstreamConfig =
  | { kind: 'sandbox'; seed: number; port: number }
  | { kind: 'account'; baseUrl: string; token: string };

export interface GatewayConfig {
  port: number;
  host: string;
  upstream: UpstreamConfig;
  userAgent: string;
  timeoutMs: number;
  metadataTtlMs: number;
  graphiql: boolean;
  production: boolean;
}

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
  let upstream: UpstreamConfig;
  if (baseUrl === undefined && token === undefined) {
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

  const production = env.NODE_ENV === 'production';
  const config: GatewayConfig = {
    port: int('PORT', 4000, 0, 65535),
    host: text('HOST') ?? '127.0.0.1',
    upstream,
    userAgent: text('AMOCRM_USER_AGENT') ?? `amocrm-graphql/${VERSION}`,
    timeoutMs: int('AMOCRM_TIMEOUT_MS', 20_000, 100, 300_000),
    metadataTtlMs: int('METADATA_CACHE_TTL_MS', 60_000, 0, 86_400_000),
    graphiql: bool('GRAPHIQL', true),
    production,
  };
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}
