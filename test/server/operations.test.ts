// /readyz and /metrics: readiness follows the upstream, metrics count GraphQL operations and
// upstream calls by path template, and neither route needs credentials or leaks a token.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startGateway } from '../../src/server/app.js';
import { pathTemplate } from '../../src/server/metrics.js';
import { createSandbox } from '../../src/sandbox/index.js';
import { TEST_TOKEN, dataOf, gatewayOptions, startStack, type Stack } from '../helpers/stack.js';

const QUERY = '{ account { name } user(amoId: 1) { name } leads(first: 3) { edges { node { id name } } } }';

/** The sample value of one series in Prometheus text, or undefined when it is absent. */
function sample(text: string, name: string, labels: Record<string, string>): number | undefined {
  const rendered = Object.entries(labels).map(([key, value]) => `${key}="${value}"`).join(',');
  const line = text.split('\n').find((row) => row.startsWith(`${name}{${rendered}} `));
  return line === undefined ? undefined : Number(line.slice(line.lastIndexOf(' ') + 1));
}

describe('operations routes', () => {
  let stack: Stack;
  beforeEach(async () => {
    stack = await startStack();
  });
  afterEach(async () => {
    await stack.close();
  });

  const readyz = async () => {
    // The verdict is cached for a few seconds; each assertion here is about a fresh one.
    stack.gateway.readiness.forget();
    const response = await fetch(`${stack.gateway.url}/readyz`);
    return { status: response.status, body: (await response.json()) as { status: string; checks: Record<string, string> } };
  };

  it('/readyz is 200 while the upstream answers, with no credentials sent', async () => {
    expect(await readyz()).toEqual({ status: 200, body: { status: 'ready', checks: { upstream: 'ok' } } });
  });

  it('/readyz reuses its verdict instead of asking amoCRM on every probe', async () => {
    stack.resetLog();
    for (let i = 0; i < 5; i++) expect((await fetch(`${stack.gateway.url}/readyz`)).status).toBe(200);
    expect(stack.upstreamCalls().map((call) => `${call.method} ${call.path}`)).toEqual(['GET /api/v4/account']);
  });

  it('/readyz is 503 naming the upstream check when amoCRM bans the account', async () => {
    expect((await readyz()).status).toBe(200);
    stack.sandbox.faults.set({ ban: true });
    const { status, body } = await readyz();
    expect(status).toBe(503);
    expect(body.status).toBe('not ready');
    expect(Object.keys(body.checks)).toEqual(['upstream']);
    expect(body.checks.upstream).not.toBe('ok');
    expect(JSON.stringify(body)).not.toContain(TEST_TOKEN);
  });

  it('/readyz is 503 when the upstream is stopped', async () => {
    // The stack cannot stop its sandbox alone: run one gateway over a sandbox this test owns,
    // with the verdict cache turned off (injected), and stop that sandbox.
    const sandbox = createSandbox({ seed: 1, token: TEST_TOKEN });
    const upstream = await sandbox.listen({ port: 0, host: '127.0.0.1' });
    const gateway = await startGateway(gatewayOptions(upstream.url, {
      timeoutMs: 2_000,
      readiness: { cacheMs: 0, timeoutMs: 2_000 },
    }));
    try {
      expect((await fetch(`${gateway.url}/readyz`)).status).toBe(200);
      await upstream.close();
      const response = await fetch(`${gateway.url}/readyz`);
      expect(response.status).toBe(503);
      const body = (await response.json()) as { status: string; checks: Record<string, string> };
      expect(body.status).toBe('not ready');
      expect(body.checks.upstream).not.toBe('ok');
      expect(JSON.stringify(body)).not.toContain(TEST_TOKEN);
    } finally {
      await gateway.close();
    }
  });

  it('/metrics counts the operation and every upstream call by path template and status', async () => {
    stack.resetLog();
    dataOf(await stack.gql(QUERY));
    // A call with an id in its path, through the same client the resolvers use (404 or not).
    await stack.gateway.account.client.request({ method: 'GET', path: '/api/v4/users/987654', query: { with: 'role' } }).catch(() => null);
    const calls = stack.upstreamCalls();
    expect(calls.length).toBeGreaterThan(0);

    const response = await fetch(`${stack.gateway.url}/metrics`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/plain');
    const text = await response.text();

    expect(sample(text, 'graphql_operations_total', { type: 'query', outcome: 'success' })).toBe(1);

    const expected = new Map<string, number>();
    for (const call of calls) {
      const endpoint = call.path.replace(/\/\d+(?=\/|$)/g, '/:id');
      const key = `${call.method} ${endpoint} ${call.status}`;
      expected.set(key, (expected.get(key) ?? 0) + 1);
    }
    const upstreamSeries = text.split('\n').filter((row) => row.startsWith('amocrm_upstream_requests_total{'));
    expect(upstreamSeries).toHaveLength(expected.size);
    for (const [key, count] of expected) {
      const [method, endpoint, status] = key.split(' ') as [string, string, string];
      expect(sample(text, 'amocrm_upstream_requests_total', { method, endpoint, status }), key).toBe(count);
    }
    expect(sample(text, 'amocrm_upstream_requests_total', { method: 'GET', endpoint: '/api/v4/leads', status: '200' })).toBe(
      calls.filter((call) => call.method === 'GET' && call.path === '/api/v4/leads').length,
    );
    const byId = calls.find((call) => call.path === '/api/v4/users/987654');
    expect(sample(text, 'amocrm_upstream_requests_total', { method: 'GET', endpoint: '/api/v4/users/:id', status: String(byId?.status) })).toBe(1);
    // Bounded labels: no ids, no query strings.
    for (const row of upstreamSeries) expect(row).not.toMatch(/endpoint="[^"]*(\/\d+|\?)/);
    expect(text).toMatch(/^amocrm_upstream_rate_limited_total 0$/m);
    expect(text).toMatch(/^amocrm_rate_limiter_queue_length 0$/m);
    expect(text).toMatch(/^amocrm_token_refreshes_total 0$/m);
    expect(text).not.toContain(TEST_TOKEN);
  });

  it('path templates replace ids and drop query strings', () => {
    expect(pathTemplate('/api/v4/leads/123/links?filter[id][]=5')).toBe('/api/v4/leads/:id/links');
    expect(pathTemplate('/api/v4/leads/unsorted/0a1b2c3d4e5f60718293/accept')).toBe('/api/v4/leads/unsorted/:uid/accept');
    expect(pathTemplate('/api/v4/leads/custom_fields')).toBe('/api/v4/leads/custom_fields');
  });

  it('/metrics counts operations refused at validation', async () => {
    await stack.gql('{ noSuchField }');
    const text = await (await fetch(`${stack.gateway.url}/metrics`)).text();
    expect(sample(text, 'graphql_operations_total', { type: 'query', outcome: 'invalid' })).toBe(1);
  });
});
