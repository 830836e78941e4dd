import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.js';

function problems(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('configuration', () => {
  it('defaults to the embedded sandbox on port 4000, loopback only', () => {
    const config = loadConfig({});
    expect(config.upstream).toEqual({ kind: 'sandbox', seed: 1, port: 0 });
    expect(config.port).toBe(4000);
    expect(config.host).toBe('127.0.0.1');
    expect(config.graphiql).toBe(true);
    expect(config.rawRequests).toBe(false);
  });

  it('turns the amocrmRequest escape hatch on only with AMOCRM_RAW_REQUESTS=true', () => {
    expect(loadConfig({ AMOCRM_RAW_REQUESTS: 'true' }).rawRequests).toBe(true);
    expect(loadConfig({ AMOCRM_RAW_REQUESTS: 'false' }).rawRequests).toBe(false);
    expect(problems({ AMOCRM_RAW_REQUESTS: 'maybe' }).join(' ')).toContain('AMOCRM_RAW_REQUESTS');
  });

  it('turns the response cache on by default, and reads its TTLs and per-type overrides', () => {
    expect(loadConfig({}).responseCache).toEqual({ enabled: true, entityTtlMs: 10_000, metadataTtlMs: 300_000, ttlPerTypeMs: {}, maxEntries: 1_000 });
    const config = loadConfig({ RESPONSE_CACHE: 'false', RESPONSE_CACHE_TTL_MS: '2000', RESPONSE_CACHE_TTL_PER_TYPE: 'Lead=500, Pipeline=0' });
    expect(config.responseCache).toMatchObject({ enabled: false, entityTtlMs: 2_000, ttlPerTypeMs: { Lead: 500, Pipeline: 0 } });
    expect(problems({ RESPONSE_CACHE_TTL_PER_TYPE: 'lead:5' })).toEqual(['RESPONSE_CACHE_TTL_PER_TYPE entries must look like Lead=5000, got "lead:5"']);
  });

  it('uses an account when both AMOCRM_BASE_URL and AMOCRM_TOKEN are set', () => {
    const config = loadConfig({ AMOCRM_BASE_URL: 'https://example.amocrm.ru', AMOCRM_TOKEN: 'tok', GATEWAY_ALLOW_ANONYMOUS: 'true' });
    expect(config.upstream).toEqual({ kind: 'account', baseUrl: 'https://example.amocrm.ru', token: 'tok' });
  });

  it('refuses to serve a real account to anyone unless client authentication or open access is configured', () => {
    const found = problems({ AMOCRM_BASE_URL: 'https://example.amocrm.ru', AMOCRM_TOKEN: 'tok' });
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/no client authentication is configured/);
    const hash = `sha256:${'a'.repeat(64)}:31000001`;
    expect(loadConfig({ AMOCRM_BASE_URL: 'https://example.amocrm.ru', AMOCRM_TOKEN: 'tok', CLIENT_API_KEYS: hash }).allowAnonymous).toBe(false);
    // The sandbox is open by default: it holds demo data only.
    expect(loadConfig({}).allowAnonymous).toBe(true);
  });

  it('configures OAuth with all three settings, and refuses a persistent token store without a key', () => {
    const oauth = { AMOCRM_CLIENT_ID: 'id', AMOCRM_CLIENT_SECRET: 'secret-value', AMOCRM_REDIRECT_URI: 'https://gw.example.test/oauth/callback' };
    const config = loadConfig(oauth);
    expect(config.upstream).toEqual({ kind: 'none' });
    expect(config.oauth).toMatchObject({ clientId: 'id', tokenStore: { kind: 'memory' }, hosts: ['*.amocrm.ru', '*.amocrm.com', '*.kommo.com'] });
    expect(config.clientAuth.widgetTokens).toBe(true);
    expect(problems({ AMOCRM_CLIENT_ID: 'id' })[0]).toMatch(/go together/);
    const noKey = problems({ ...oauth, TOKEN_STORE: 'file' });
    expect(noKey.join('\n')).toMatch(/TOKEN_ENCRYPTION_KEY/);
    expect(noKey.join('\n')).not.toContain('secret-value');
    expect(problems({ ...oauth, TOKEN_STORE: 'redis', TOKEN_ENCRYPTION_KEY: 'k' }).join('\n')).toMatch(/needs REDIS_URL/);
  });

  it('lists every problem at once and never quotes the token', () => {
    const found = problems({ AMOCRM_TOKEN: 'super-secret', PORT: 'eighty', METADATA_CACHE_TTL_MS: '-1', GRAPHIQL: 'maybe' });
    expect(found).toHaveLength(4);
    expect(found.join('\n')).not.toContain('super-secret');
  });

  it('rejects a base URL that is not an http(s) origin or that embeds credentials', () => {
    expect(problems({ AMOCRM_BASE_URL: 'example.amocrm.ru', AMOCRM_TOKEN: 't' })[0]).toMatch(/absolute URL/);
    expect(problems({ AMOCRM_BASE_URL: 'ftp://example.amocrm.ru', AMOCRM_TOKEN: 't' })[0]).toMatch(/http or https/);
    expect(problems({ AMOCRM_BASE_URL: 'https://user:pw@example.amocrm.ru', AMOCRM_TOKEN: 't' })[0]).toMatch(/credentials/);
  });
});
