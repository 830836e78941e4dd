// Structured logs: one JSON line per GraphQL request (name, type, status, duration, upstream
// calls; never variables), and no token, client secret, refresh token, API key or Authorization
// header in any line, whatever the run went through.

import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { hashApiKey } from '../../src/auth/client/api-key.js';
import { startGateway } from '../../src/server/app.js';
import { createLogger, createScrubber, memoryDestination } from '../../src/server/logger.js';
import { ACCOUNT_ID, createSandbox } from '../../src/sandbox/index.js';
import { dataOf, startStack, type Stack } from '../helpers/stack.js';

const JWT = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxMjMifQ.c2lnbmF0dXJlLXNpZ25hdHVyZQ';

describe('the scrubber and redaction', () => {
  it('blanks Bearer credentials, JWTs, long opaque tokens, key=value secrets and known values in messages', () => {
    const scrub = createScrubber(['hunter2-static']);
    const text = scrub(
      `Authorization: Bearer abc.def-123 jwt ${JWT} refresh def50200a1b2c3d4e5f60718293a4b5c6d7e8f90 client_secret=s3cr3t&x=1 and hunter2-static; /api/v4/leads/custom_fields stays`,
    );
    expect(text).not.toMatch(/abc\.def-123|eyJ|def50200|s3cr3t|hunter2-static/);
    expect(text).toContain('Bearer [redacted]');
    expect(text).toContain('client_secret=[redacted]');
    expect(text).toContain('/api/v4/leads/custom_fields stays');
  });

  it('redacts credential fields by path and scrubs error messages written through the logger', () => {
    const out = memoryDestination();
    const logger = createLogger({ destination: out, scrubber: createScrubber(['known-secret-value']) });
    logger.info({ headers: { authorization: 'Bearer x1', cookie: 'sid=1' }, client_secret: 'cs', nested: { refresh_token: 'rt' } }, 'fields');
    logger.error({ err: new Error(`upstream refused token known-secret-value / ${JWT}`) }, 'failed');
    const lines = out.lines.join('');
    expect(lines).not.toMatch(/Bearer x1|sid=1|"cs"|"rt"|known-secret-value|eyJ/);
    const [fields] = out.records() as any[];
    expect(fields.headers.authorization).toBe('[redacted]');
    expect(fields.nested.refresh_token).toBe('[redacted]');
    expect(fields.level).toBe('info');
  });
});

describe('the request log', () => {
  let stack: Stack;
  afterEach(() => stack?.close());

  it('writes one line per GraphQL request with name, type, status, duration and upstream calls, without variables', async () => {
    const out = memoryDestination();
    stack = await startStack({ gateway: { logger: createLogger({ destination: out }) } });
    stack.resetLog();
    const query = 'query LeadsWithPeople($first: Int!) { leads(first: $first) { nodes { name company { name } contacts { nodes { name } } } } }';
    dataOf(await stack.gql(query, { first: 7 }));
    const calls = stack.upstreamCalls().length;
    await stack.gql('{ nosuchfield }');

    const requests = out.records().filter((line) => line.msg === 'graphql request') as any[];
    expect(requests).toHaveLength(2);
    expect(requests[0]).toMatchObject({ operationName: 'LeadsWithPeople', operationType: 'query', status: 200, outcome: 'success', upstreamCalls: calls });
    expect(calls).toBeGreaterThan(1);
    expect(requests[0].durationMs).toBeGreaterThan(0);
    expect(requests[1]).toMatchObject({ status: 400, outcome: 'refused' });
    expect(out.lines.join('')).not.toMatch(/"first"|LeadsWithPeople\(|nosuchfield/);
  });
});

describe('a full run with OAuth, failures and bad credentials', () => {
  it('writes no token, client secret, refresh token, API key or Authorization header into the logs', async () => {
    const client = {
      clientId: 'c0ffee00-0000-4000-8000-0000000000c2',
      clientSecret: `integration-secret-${randomBytes(12).toString('hex')}`,
      redirectUri: 'https://gateway.example.test/oauth/callback',
    };
    const apiKey = `key-${randomBytes(18).toString('hex')}`;
    const sandbox = createSandbox({ oauth: client });
    const upstream = await sandbox.listen();
    const out = memoryDestination();
    const running = await startGateway({
      port: 0,
      host: '127.0.0.1',
      upstream: { kind: 'none' },
      userAgent: 'log-tests',
      timeoutMs: 5_000,
      metadataTtlMs: 60_000,
      graphiql: false,
      production: true,
      traffic: { rateLimit: 100_000, retryAttempts: 2, retryMaxMs: 2_000 },
      oauth: {
        ...client,
        authorizeUrl: `${upstream.url}/oauth`,
        hosts: [upstream.url],
        tokenStore: { kind: 'memory', path: '', keys: null },
        refreshSkewMs: 0,
        defaultAccountId: ACCOUNT_ID,
      },
      allowAnonymous: false,
      clientAuth: { widgetTokens: true, apiKeys: `${hashApiKey(apiKey)}:${ACCOUNT_ID}:tests` },
      logger: createLogger({ destination: out, level: 'trace' }),
      // Every step must reach amoCRM (the refresh, the failures): no answer from the cache.
      responseCache: { enabled: false },
    });
    const post = (headers: Record<string, string>, query = '{ account { amoId } leads(first: 2) { nodes { name } } }') =>
      fetch(`${running.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query }) }).then(
        async (response) => ({ status: response.status, body: (await response.json()) as any }),
      );
    try {
      // Install: the code exchange carries the client secret and returns a token pair.
      const start = await fetch(`${running.url}/oauth/install`, { redirect: 'manual' });
      const approved = await fetch(new URL(start.headers.get('location')!), { redirect: 'manual' });
      const callback = new URL(approved.headers.get('location')!);
      expect((await fetch(`${running.url}${callback.pathname}${callback.search}`)).status).toBe(200);
      // A replayed (already used) code: the exchange fails and is logged.
      await fetch(`${running.url}${callback.pathname}${callback.search}`);

      const auth = { 'x-api-key': apiKey };
      expect((await post(auth)).body.errors).toBeUndefined();
      // Expiry: a refresh, then 401s answered by a refresh too.
      sandbox.oauth.expireAccessTokens();
      expect((await post(auth)).body.errors).toBeUndefined();
      // A failing upstream (retried, then given up).
      sandbox.faults.set({ errorRate: { rate: 1, statuses: [502], body: 'html' } });
      await post(auth);
      sandbox.faults.set({ errorRate: undefined });
      // Bad client credentials of every kind.
      expect((await post({ 'x-api-key': `${apiKey}x` })).status).toBe(401);
      expect((await post({ authorization: `Bearer ${JWT}` })).status).toBe(401);
      expect((await post({ 'x-auth-token': JWT })).status).toBe(401);
    } finally {
      await running.close();
      await upstream.close();
    }

    const text = out.lines.join('');
    expect(out.lines.length).toBeGreaterThan(5);
    expect(text).toMatch(/refreshed the amoCRM token/);
    const secrets = [client.clientSecret, apiKey, JWT, ...sandbox.oauth.grants().flatMap((grant) => secretsOf(grant))];
    for (const secret of secrets) expect(text).not.toContain(secret);
    expect(text).not.toMatch(/Bearer (?!\[redacted\])|def50200|eyJ[A-Za-z0-9_-]{10,}\./);
    expect(text.toLowerCase()).not.toMatch(/"authorization":"(?!\[redacted\])/);
  });
});

/** Every string of a grant that looks like a credential: access and refresh tokens it issued. */
function secretsOf(grant: object): string[] {
  return Object.values(grant).flatMap((value) =>
    typeof value === 'string' && value.length >= 20 ? [value] : Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string' && item.length >= 20) : [],
  );
}
