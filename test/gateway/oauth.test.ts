// Issue 3's acceptance, end to end over real HTTP against the sandbox's OAuth side: a full
// install, exactly one refresh per expiry however many requests and instances, tokens that
// survive a restart, widget tokens choosing account and user, and no secret in any log.

import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashApiKey } from '../../src/auth/client/api-key.js';
import { createOAuthClient } from '../../src/auth/oauth-client.js';
import { createTokenCipher } from '../../src/auth/token-crypto.js';
import { createRedisTokenStore } from '../../src/auth/stores/redis-store.js';
import type { OAuthConfig } from '../../src/config.js';
import { createDispatcher } from '../../src/rest/dispatcher.js';
import { startGateway, type RunningGateway, type StartOptions } from '../../src/server/app.js';
import { ACCOUNT_ID, createSandbox, USER_IDS, type Sandbox } from '../../src/sandbox/index.js';
import { newRedis, REDIS_URL, redisUnavailable, uniquePrefix } from '../helpers/redis.js';
import { runEntry, type RunningProcess } from '../helpers/spawn.js';

const CLIENT = {
  clientId: 'c0ffee00-0000-4000-8000-0000000000c1',
  clientSecret: `integration-secret-${randomBytes(12).toString('hex')}`,
  // Only the path matters to the gateway; the host is where amoCRM would send the admin's browser.
  redirectUri: 'https://gateway.example.test/oauth/callback',
};
const ENCRYPTION_KEY = randomBytes(32).toString('base64');
const QUERY = `{ account { amoId } leads(first: 3) { nodes { amoId name } } }`;

let sandbox: Sandbox;
let sandboxUrl: string;
let closeSandbox: () => Promise<void>;
const logs: string[] = [];
const log = (level: string, message: string) => void logs.push(`${level}: ${message}`);

beforeAll(async () => {
  sandbox = createSandbox({ oauth: CLIENT });
  const listening = await sandbox.listen();
  sandboxUrl = listening.url;
  closeSandbox = () => listening.close();
});
afterAll(() => closeSandbox());

function oauthConfig(overrides: Partial<OAuthConfig> = {}): OAuthConfig {
  return {
    ...CLIENT,
    authorizeUrl: `${sandboxUrl}/oauth`,
    hosts: [sandboxUrl],
    tokenStore: { kind: 'memory', path: '', keys: null },
    refreshSkewMs: 0,
    defaultAccountId: ACCOUNT_ID,
    ...overrides,
  };
}

function gateway(options: Partial<StartOptions> = {}): Promise<RunningGateway> {
  return startGateway({
    port: 0,
    host: '127.0.0.1',
    upstream: { kind: 'none' },
    userAgent: 'oauth-tests',
    timeoutMs: 10_000,
    metadataTtlMs: 60_000,
    graphiql: false,
    production: true,
    traffic: { rateLimit: 100_000, retryAttempts: 1 },
    oauth: oauthConfig(),
    allowAnonymous: true,
    log,
    // These tests repeat queries to make the gateway call amoCRM (and refresh) again.
    responseCache: { enabled: false },
    ...options,
  });
}

async function post(url: string, query: string, headers: Record<string, string> = {}): Promise<{ status: number; body: any }> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query }),
  });
  return { status: response.status, body: await response.json() };
}

/** The admin's browser: install page -> amoCRM consent -> back to the gateway's callback. */
async function install(running: RunningGateway): Promise<Response> {
  const start = await fetch(`${running.url}/oauth/install`, { redirect: 'manual' });
  expect(start.status).toBe(302);
  const consent = new URL(start.headers.get('location')!);
  expect(consent.origin).toBe(sandboxUrl);
  expect(consent.searchParams.get('client_id')).toBe(CLIENT.clientId);
  const approved = await fetch(consent, { redirect: 'manual' });
  expect(approved.status).toBe(302);
  const callback = new URL(approved.headers.get('location')!);
  return fetch(`${running.url}${callback.pathname}${callback.search}`);
}

const refreshCalls = () => sandbox.log.count((entry) => entry.path === '/oauth2/access_token' && entry.notes.includes('grant: refresh_token'));

describe('installing the integration', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'amocrm-graphql-tokens-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('installs through OAuth, serves the account, refreshes after expiry, and keeps working after a restart with the file store', async () => {
    const path = join(dir, 'tokens.json');
    const fileStore = oauthConfig({ tokenStore: { kind: 'file', path, keys: ENCRYPTION_KEY } });
    const first = await gateway({ oauth: fileStore });
    try {
      expect((await post(first.url, QUERY)).body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      const done = await install(first);
      expect(done.status).toBe(200);
      expect(await done.text()).toContain(`account ${ACCOUNT_ID}`);

      const served = await post(first.url, QUERY);
      expect(served.body.errors).toBeUndefined();
      expect(served.body.data.account.amoId).toBe(ACCOUNT_ID);

      // amoCRM expires the access token: the next request refreshes once and succeeds.
      const before = refreshCalls();
      sandbox.oauth.expireAccessTokens();
      expect((await post(first.url, QUERY)).body.errors).toBeUndefined();
      expect(refreshCalls() - before).toBe(1);
    } finally {
      await first.close();
    }
    // At rest the file holds one sealed JWE per account and no token in clear.
    const onDisk = JSON.parse(readFileSync(path, 'utf8')) as Record<string, string>;
    expect(Object.keys(onDisk)).toEqual([String(ACCOUNT_ID)]);
    expect(onDisk[ACCOUNT_ID]!.split('.')).toHaveLength(5);
    expect(JSON.stringify(onDisk)).not.toMatch(/def50200|access_token|refreshToken/);
    for (const grant of sandbox.oauth.grants()) expect(grant.status).toBe('active');

    const restarted = await gateway({ oauth: fileStore });
    try {
      const before = refreshCalls();
      const served = await post(restarted.url, QUERY);
      expect(served.body.errors).toBeUndefined();
      expect(refreshCalls() - before).toBe(0);
      sandbox.oauth.expireAccessTokens();
      expect((await post(restarted.url, QUERY)).body.errors).toBeUndefined();
      expect(refreshCalls() - before).toBe(1);
    } finally {
      await restarted.close();
    }
  });

  it('refuses a callback with a forged state or a host that is not amoCRM, without calling the token endpoint', async () => {
    const running = await gateway();
    try {
      const exchanges = () => sandbox.log.count({ path: '/oauth2/access_token' });
      const before = exchanges();
      const code = sandbox.oauth.issueCode();
      const forged = await fetch(`${running.url}/oauth/callback?code=${code}&state=forged&referer=${new URL(sandboxUrl).host}`);
      expect(forged.status).toBe(400);
      const start = await fetch(`${running.url}/oauth/install`, { redirect: 'manual' });
      const state = new URL(start.headers.get('location')!).searchParams.get('state')!;
      const evil = await fetch(`${running.url}/oauth/callback?code=${code}&state=${state}&referer=evil.example.test`);
      expect(evil.status).toBe(400);
      expect(exchanges()).toBe(before);
    } finally {
      await running.close();
    }
  });
});

describe('a subdomain renamed in amoCRM', () => {
  it('finds the account at its new host through the refresh-token look-up and keeps serving it', async () => {
    const second = await sandbox.listen();
    const running = await gateway({ oauth: oauthConfig({ hosts: [sandboxUrl, second.url] }) });
    try {
      expect((await install(running)).status).toBe(200);
      expect((await post(running.url, QUERY)).body.errors).toBeUndefined();
      // The account moves: its old host answers 401 to the API and 404 to the token endpoint.
      sandbox.oauth.renameTo(second.url);
      sandbox.oauth.expireAccessTokens();
      sandbox.log.clear();
      const answer = await post(running.url, QUERY);
      expect(answer.body.errors).toBeUndefined();
      expect(sandbox.log.entries().some((entry) => entry.path === '/oauth2/account/current/subdomain')).toBe(true);
      expect((await running.accounts.resolve(ACCOUNT_ID)).tokens!.baseUrl).toBe(second.url);
    } finally {
      await running.close();
      sandbox.oauth.renameTo(sandboxUrl);
      await second.close();
    }
  });
});

describe('one refresh per expiry', () => {
  it('makes exactly 1 refresh call for 200 concurrent queries hitting an expired token, and all succeed', async () => {
    const running = await gateway();
    try {
      expect((await install(running)).status).toBe(200);
      const leads = sandbox.store.leads.values().filter((lead) => !lead.is_deleted);
      sandbox.oauth.expireAccessTokens();
      const before = refreshCalls();
      const answers = await Promise.all(
        Array.from({ length: 200 }, (_, i) => post(running.url, `{ lead(amoId: ${leads[i % leads.length]!.id}) { name } }`)),
      );
      expect(answers.filter((answer) => answer.body.errors)).toEqual([]);
      expect(refreshCalls() - before).toBe(1);
      expect(sandbox.oauth.grants().filter((grant) => grant.status === 'revoked')).toEqual([]);
    } finally {
      await running.close();
    }
  }, 30_000);

  describe('across three gateway processes sharing one Redis', () => {
    let skip: string | null = null;
    const children: (RunningProcess & { match: RegExpMatchArray })[] = [];
    const prefix = uniquePrefix('oauth');
    beforeAll(async () => {
      skip = await redisUnavailable();
    });
    afterAll(async () => {
      for (const child of children) await child.stop();
      const redis = newRedis();
      const keys = await redis.keys(`${prefix}*`);
      if (keys.length > 0) await redis.del(...keys);
      redis.disconnect();
    });

    it('makes exactly 1 refresh for 100 concurrent queries on each, with 0 failures and 0 revoked grants', async (context) => {
      if (skip) context.skip();
      // Install once: exchange a code and put the pair in Redis the way the callback does.
      const dispatcher = createDispatcher();
      const grant = await createOAuthClient({ ...CLIENT, dispatcher }).exchangeCode(sandboxUrl, sandbox.oauth.issueCode());
      await dispatcher.close();
      const redis = newRedis();
      const store = createRedisTokenStore({ redis, cipher: createTokenCipher({ keys: ENCRYPTION_KEY }), prefix: `${prefix}:token:` });
      // Already expired for every instance: each one wants to refresh at its first request.
      await store.put({ accountId: ACCOUNT_ID, baseUrl: sandboxUrl, token: { ...grant.token, expiresAt: Date.now() - 1_000 }, apiDomain: grant.apiDomain, updatedAt: Date.now() });
      redis.disconnect();
      sandbox.oauth.expireAccessTokens();

      const env = {
        AMOCRM_BASE_URL: undefined,
        AMOCRM_TOKEN: undefined,
        PORT: '0',
        HOST: '127.0.0.1',
        AMOCRM_CLIENT_ID: CLIENT.clientId,
        AMOCRM_CLIENT_SECRET: CLIENT.clientSecret,
        AMOCRM_REDIRECT_URI: CLIENT.redirectUri,
        AMOCRM_OAUTH_URL: `${sandboxUrl}/oauth`,
        AMOCRM_OAUTH_HOSTS: sandboxUrl,
        AMOCRM_ACCOUNT_ID: String(ACCOUNT_ID),
        GATEWAY_ALLOW_ANONYMOUS: 'true',
        REDIS_URL,
        REDIS_PREFIX: prefix,
        TOKEN_STORE: 'redis',
        TOKEN_ENCRYPTION_KEY: ENCRYPTION_KEY,
        UPSTREAM_RATE_LIMIT: '1000',
        NODE_ENV: 'production',
      };
      for (let i = 0; i < 3; i++) children.push(await runEntry('src/main.ts', { env, waitFor: /GraphiQL: (http:\/\/\S+)\/graphql/, timeoutMs: 30_000 }));

      const before = refreshCalls();
      const leads = sandbox.store.leads.values().filter((lead) => !lead.is_deleted);
      const answers = await Promise.all(
        children.flatMap((child, c) =>
          Array.from({ length: 100 }, (_, i) => post(child.match[1]!, `{ lead(amoId: ${leads[(c * 100 + i) % leads.length]!.id}) { name } }`)),
        ),
      );
      expect(answers.filter((answer) => answer.body.errors)).toEqual([]);
      expect(refreshCalls() - before).toBe(1);
      expect(sandbox.oauth.grants().filter((g) => g.status === 'revoked')).toEqual([]);
    }, 90_000);
  });
});

describe('widget tokens', () => {
  let running: RunningGateway;
  const apiKey = randomBytes(24).toString('base64url');
  const seen: (string | undefined)[] = [];
  let stop: () => void;
  beforeAll(async () => {
    running = await gateway({
      allowAnonymous: false,
      actAsUser: true,
      clientAuth: { widgetTokens: true, apiKeys: `${hashApiKey(apiKey)}:${ACCOUNT_ID}:sync-job` },
    });
    expect((await install(running)).status).toBe(200);
    stop = sandbox.intercept((request) => {
      if (request.path.startsWith('/api/v4/leads')) seen.push(request.headers['x-context-user-id'] as string | undefined);
      return undefined;
    });
  });
  afterAll(async () => {
    stop();
    await running.close();
  });

  it('serves the account and acts as the user a valid widget token names', async () => {
    seen.length = 0;
    const token = await sandbox.oauth.mintWidgetToken({ userId: USER_IDS.manager1 });
    const answer = await post(running.url, QUERY, { 'x-auth-token': token });
    expect(answer.body.errors).toBeUndefined();
    expect(answer.body.data.account.amoId).toBe(ACCOUNT_ID);
    expect(seen).toContain(String(USER_IDS.manager1));
  });

  it('refuses expired, forged and misdirected widget tokens and unknown accounts, with no upstream call', async () => {
    const calls = () => sandbox.log.count((entry) => entry.path.startsWith('/api/v4/'));
    const before = calls();
    const cases: [Record<string, string>, number][] = [
      [{ 'x-auth-token': await sandbox.oauth.mintWidgetToken({ expiresInSec: -60 }) }, 401],
      [{ 'x-auth-token': await sandbox.oauth.mintWidgetToken({ secret: 'not-the-client-secret-at-all-000000' }) }, 401],
      [{ 'x-auth-token': await sandbox.oauth.mintWidgetToken({ audience: 'https://other-integration.example.test' }) }, 401],
      [{ 'x-auth-token': await sandbox.oauth.mintWidgetToken({ accountId: 99_999_999 }) }, 403],
      [{ 'x-api-key': 'not-a-configured-key' }, 401],
      [{}, 401],
    ];
    for (const [headers, status] of cases) {
      const answer = await post(running.url, QUERY, headers);
      expect(answer.status, JSON.stringify(answer.body)).toBe(status);
      expect(answer.body.data ?? null).toBeNull();
    }
    expect(calls()).toBe(before);
  });

  it('serves a server-to-server client with an API key, stored only as its hash', async () => {
    const answer = await post(running.url, QUERY, { 'x-api-key': apiKey });
    expect(answer.body.errors).toBeUndefined();
    expect(answer.body.data.leads.nodes).toHaveLength(3);
  });
});

describe('secrets', () => {
  it('never appear in logs, errors or responses, even when everything fails', async () => {
    logs.length = 0;
    const printed: string[] = [];
    const original = { log: console.log, warn: console.warn, error: console.error, info: console.info };
    for (const level of ['log', 'warn', 'error', 'info'] as const) console[level] = (...args: unknown[]) => void printed.push(args.map(String).join(' '));
    const responses: string[] = [];
    const running = await gateway({ clientAuth: { widgetTokens: true }, allowAnonymous: true });
    try {
      responses.push(await (await install(running)).text());
      const good = await sandbox.oauth.mintWidgetToken({});
      responses.push(JSON.stringify((await post(running.url, QUERY, { 'x-auth-token': good })).body));
      responses.push(JSON.stringify((await post(running.url, QUERY, { 'x-auth-token': `${good}x` })).body));
      responses.push(JSON.stringify((await post(running.url, QUERY, { authorization: `Bearer ${good}` })).body));
      // The integration is uninstalled: the refresh fails and the account needs a new install.
      sandbox.oauth.revoke();
      sandbox.oauth.expireAccessTokens();
      const dead = await post(running.url, QUERY);
      responses.push(JSON.stringify(dead.body));
      expect(dead.body.errors?.[0]?.extensions?.code).toBe('AMOCRM_REAUTHORIZATION_REQUIRED');

      const secrets = [CLIENT.clientSecret, ENCRYPTION_KEY, good];
      for (const grant of sandbox.log.entries().filter((entry) => entry.path === '/oauth2/access_token')) expect(grant.query).toBeDefined();
      const everything = [...logs, ...printed, ...responses].join('\n');
      for (const secret of secrets) expect(everything).not.toContain(secret);
      expect(everything).not.toMatch(/def50200[0-9a-f]{8}/);
      expect(everything).not.toMatch(/Bearer ey/);
    } finally {
      Object.assign(console, original);
      await running.close();
    }
  });
});
