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
  });

  it('uses an account when both AMOCRM_BASE_URL and AMOCRM_TOKEN are set', () => {
    const config = loadConfig({ AMOCRM_BASE_URL: 'https://example.amocrm.ru', AMOCRM_TOKEN: 'tok' });
    expect(config.upstream).toEqual({ kind: 'account', baseUrl: 'https://example.amocrm.ru', token: 'tok' });
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
