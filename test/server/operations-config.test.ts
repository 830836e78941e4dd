// Operator settings around /metrics and /readyz: METRICS_ENABLED=false serves no /metrics at all,
// and an OAuth-only gateway with nothing installed answers /readyz without asking amoCRM about
// an account that does not exist.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';
import { startGateway, type RunningGateway } from '../../src/server/app.js';
import { ACCOUNT_ID, createSandbox, type Sandbox } from '../../src/sandbox/index.js';
import { startStack, type Stack } from '../helpers/stack.js';

describe('METRICS_ENABLED=false', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ gateway: { metricsEnabled: false } });
  });
  afterAll(() => stack.close());

  it('serves no /metrics while GraphQL, /healthz and /readyz keep working', async () => {
    expect(stack.gateway.metrics).toBeNull();
    const metrics = await fetch(`${stack.gateway.url}/metrics`);
    expect(metrics.status).toBe(404);
    expect(await metrics.text()).not.toMatch(/graphql_operations_total|amocrm_upstream/);
    expect((await fetch(`${stack.gateway.url}/healthz`)).status).toBe(200);
    expect((await fetch(`${stack.gateway.url}/readyz`)).status).toBe(200);
    expect((await stack.gql('{ account { name } }')).errors).toBeUndefined();
  });
});

describe('/readyz on an OAuth-only gateway with no account installed', () => {
  let sandbox: Sandbox;
  let upstream: { url: string; close(): Promise<void> };
  let running: RunningGateway;
  beforeAll(async () => {
    const client = { clientId: 'c0ffee00-0000-4000-8000-0000000000c3', clientSecret: 'readiness-secret-0123456789', redirectUri: 'https://gw.example.test/oauth/callback' };
    sandbox = createSandbox({ oauth: client });
    upstream = await sandbox.listen();
    running = await startGateway({
      port: 0,
      host: '127.0.0.1',
      upstream: { kind: 'none' },
      userAgent: 'readiness-tests',
      timeoutMs: 5_000,
      metadataTtlMs: 60_000,
      graphiql: false,
      production: true,
      oauth: {
        ...client,
        authorizeUrl: `${upstream.url}/oauth`,
        hosts: [upstream.url],
        tokenStore: { kind: 'memory', path: '', keys: null },
        refreshSkewMs: 0,
        // Names an account that has not been installed yet.
        defaultAccountId: ACCOUNT_ID,
      },
      allowAnonymous: true,
      log: () => {},
    });
  });
  afterAll(async () => {
    await running.close();
    await upstream.close();
  });

  it('is ready, says there is no account, and makes no upstream call', async () => {
    sandbox.log.clear();
    const answer = await fetch(`${running.url}/readyz`);
    expect(answer.status).toBe(200);
    expect(await answer.json()).toEqual({ status: 'ready', checks: { upstream: 'no-account' } });
    expect(sandbox.log.entries()).toHaveLength(0);
    // The uninstalled default account is refused to clients, not probed behind their back.
    const query = await fetch(`${running.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ account { name } }' }) });
    expect(((await query.json()) as any).errors[0].extensions.code).toBe('FORBIDDEN');
    expect(sandbox.log.entries().filter((entry) => entry.path.startsWith('/api/'))).toHaveLength(0);
  });
});

describe('operations configuration', () => {
  it('reads LOG_LEVEL, SHUTDOWN_TIMEOUT_MS and the standard OTEL_* variables, refusing bad values', () => {
    const base = loadConfig({});
    expect(base.logLevel).toBe('info');
    expect(base.shutdownTimeoutMs).toBe(25_000);
    expect(base.tracing).toBeNull();
    expect(loadConfig({ LOG_LEVEL: 'DEBUG', SHUTDOWN_TIMEOUT_MS: '500' })).toMatchObject({ logLevel: 'debug', shutdownTimeoutMs: 500 });
    expect(loadConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318/' }).tracing).toEqual({ tracesUrl: 'http://collector:4318/v1/traces' });
    expect(loadConfig({ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://c:4318/custom' }).tracing).toEqual({ tracesUrl: 'http://c:4318/custom' });
    expect(loadConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://c:4318', OTEL_SDK_DISABLED: 'true' }).tracing).toBeNull();
    expect(loadConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://c:4318', OTEL_TRACES_EXPORTER: 'none' }).tracing).toBeNull();
    expect(() => loadConfig({ LOG_LEVEL: 'loud' })).toThrow(ConfigError);
    expect(() => loadConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: 'collector:4318' })).toThrow(/OTEL_EXPORTER_OTLP_ENDPOINT/);
  });
});
