// Client authentication as a Yoga plugin, through `yoga.fetch` in-process: the configured
// strategies decide before anything is parsed or executed; a refusal is a GraphQL-over-HTTP error
// body with 401 (and a challenge), 403 or 400; the principal reaches the context factory; the
// GraphiQL page, health check, preflights and other routes are left alone; and no credential is
// ever repeated back.

import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { generateKeyPair, SignJWT, type JWTPayload } from 'jose';
import { createSchema, createYoga, type Plugin } from 'graphql-yoga';
import { beforeEach, describe, expect, it } from 'vitest';
import { createApiKeyAuth, hashApiKey } from '../../src/auth/client/api-key.js';
import { createBearerJwtAuth } from '../../src/auth/client/bearer-jwt.js';
import type { ClientAuthStrategy } from '../../src/auth/client/types.js';
import { createWidgetTokenAuth } from '../../src/auth/client/widget-token.js';
import type { Principal } from '../../src/auth/types.js';
import { principalOf, responseMediaType, useClientAuth, type ClientAuthOptions } from '../../src/server/client-auth.js';
import { corsPolicy } from '../../src/server/cors.js';
import { useOfflineGraphiQL } from '../../src/server/graphiql.js';

const ORIGIN = 'http://gateway.test';
const WIDGET_ORIGIN = 'https://demo.amocrm.ru';
const CLIENT_SECRET = 'integration-secret-key-0123456789abcdefghijklmnopqrstuvwxyz';
const JWT_SECRET = 'identity-provider-shared-secret-0123456789';
const API_KEY = 'srv-key-9f8e7d6c5b4a39281706f5e4d3c2b1a0';
const GRAPHQL_RESPONSE = 'application/graphql-response+json';
const WHOAMI = '{ whoami { accountId userId method } }';

const strategies = (): ClientAuthStrategy[] => [
  createWidgetTokenAuth({ clientSecret: CLIENT_SECRET, redirectUri: 'https://gateway.example.test/oauth/callback' }),
  createBearerJwtAuth({ secret: JWT_SECRET, issuer: 'https://idp.example.test/', audience: 'amocrm-graphql', userClaim: 'amocrm_user_id' }),
  createApiKeyAuth({ keys: [{ hash: hashApiKey(API_KEY), accountId: 31000002, label: 'ci' }] }),
];

async function widgetToken(overrides: JWTPayload = {}): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({
    iss: WIDGET_ORIGIN,
    aud: 'https://gateway.example.test',
    iat: now,
    nbf: now,
    exp: now + 1800,
    account_id: 31000001,
    user_id: 900001,
    subdomain: 'demo',
    client_uuid: '6c2c1f4e-0000-4000-8000-00000000c1d0',
    ...overrides,
  })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .sign(new TextEncoder().encode(CLIENT_SECRET));
}

async function idpToken(claims: JWTPayload = { amocrm_account_id: 31000003, amocrm_user_id: 7 }): Promise<string> {
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuer('https://idp.example.test/')
    .setAudience('amocrm-graphql')
    .setExpirationTime('5m')
    .sign(new TextEncoder().encode(JWT_SECRET));
}

// What the server did with the requests that got through: a refused request must leave no trace.
let seen: { contexts: number; resolvers: number; routes: string[] };
beforeEach(() => {
  seen = { contexts: 0, resolvers: 0, routes: [] };
});

/** Routes served by plugins listed after the auth plugin, like the OAuth callback and metrics. */
const routes: Plugin = {
  onRequest({ url, endResponse }) {
    if (['/oauth/callback', '/metrics', '/webhooks/amocrm'].includes(url.pathname)) {
      seen.routes.push(url.pathname);
      endResponse(new Response(`route ${url.pathname}`, { status: 200, headers: { 'content-type': 'text/plain' } }));
    }
  },
};

function createTestYoga(options: Partial<ClientAuthOptions> & { extraPlugins?: Plugin[]; cors?: boolean } = {}) {
  const { extraPlugins = [], cors = true, ...auth } = options;
  const yoga = createYoga({
    schema: createSchema<{ principal: Principal | undefined }>({
      typeDefs: 'type Principal { accountId: Int, userId: Int, method: String! } type Query { whoami: Principal, ping: String }',
      resolvers: {
        Query: {
          whoami: (_root, _args, context) => {
            seen.resolvers++;
            return context.principal;
          },
          ping: () => 'pong',
        },
      },
    }),
    graphqlEndpoint: '/graphql',
    healthCheckEndpoint: '/healthz',
    landingPage: false,
    logging: false,
    cors: cors ? corsPolicy({ corsOrigins: [WIDGET_ORIGIN] }) : false,
    plugins: [useClientAuth({ strategies: strategies(), allowAnonymous: false, ...auth }), routes, ...extraPlugins],
    context: ({ request }) => {
      seen.contexts++;
      return { principal: principalOf(request) };
    },
  });
  const post = (headers: Record<string, string> = {}, body: unknown = { query: WHOAMI }, path = '/graphql') =>
    yoga.fetch(`${ORIGIN}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', accept: GRAPHQL_RESPONSE, ...headers }, body: JSON.stringify(body) });
  const get = (path: string, headers: Record<string, string> = {}) => yoga.fetch(`${ORIGIN}${path}`, { headers });
  return { yoga, post, get };
}

async function expectRefusal(response: Response, status: number, code: string, reason: string) {
  const text = await response.text();
  expect(response.status, text).toBe(status);
  const body = JSON.parse(text) as { errors: { message: string; extensions: Record<string, unknown> }[]; data?: unknown };
  expect(body).not.toHaveProperty('data');
  expect(body.errors).toHaveLength(1);
  expect(body.errors[0]!.extensions).toEqual({ code, reason });
  expect(body.errors[0]!.message).toMatch(/\S/);
  expect(response.headers.get('cache-control')).toBe('no-store');
  expect(seen, 'nothing was parsed or executed').toEqual({ contexts: 0, resolvers: 0, routes: [] });
  return { body, text };
}

async function whoami(response: Response): Promise<unknown> {
  const text = await response.text();
  expect(response.status, text).toBe(200);
  return (JSON.parse(text) as { data: { whoami: unknown } }).data.whoami;
}

describe('who a request speaks for', () => {
  it('a valid widget token: its account and user', async () => {
    const { post } = createTestYoga();
    expect(await whoami(await post({ 'x-auth-token': await widgetToken() }))).toEqual({ accountId: 31000001, userId: 900001, method: 'widget' });
  });

  it('a valid identity-provider JWT: the account and user its claims name', async () => {
    const { post } = createTestYoga();
    expect(await whoami(await post({ authorization: `Bearer ${await idpToken()}` }))).toEqual({ accountId: 31000003, userId: 7, method: 'jwt' });
  });

  it('a valid API key, also on a GET with the query in the URL', async () => {
    const { get } = createTestYoga();
    const response = await get(`/graphql?query=${encodeURIComponent(WHOAMI)}`, { 'x-api-key': API_KEY, accept: GRAPHQL_RESPONSE });
    expect(await whoami(response)).toEqual({ accountId: 31000002, userId: null, method: 'api-key' });
  });

  it('no credentials with anonymous access on: the anonymous principal of the default account', async () => {
    const { post } = createTestYoga({ allowAnonymous: true });
    expect(await whoami(await post())).toEqual({ accountId: null, userId: null, method: 'anonymous' });
  });

  it('anonymous access alone, with no strategy configured (sandbox mode)', async () => {
    const { post } = createTestYoga({ strategies: [], allowAnonymous: true });
    expect(await whoami(await post())).toEqual({ accountId: null, userId: null, method: 'anonymous' });
  });

  it('each of many concurrent requests gets its own principal', async () => {
    const { post } = createTestYoga();
    const [widget, key, jwt] = await Promise.all([
      widgetToken().then((token) => post({ 'x-auth-token': token })),
      post({ 'x-api-key': API_KEY }),
      idpToken().then((token) => post({ authorization: `Bearer ${token}` })),
    ]);
    expect(await whoami(widget)).toMatchObject({ method: 'widget' });
    expect(await whoami(key)).toMatchObject({ method: 'api-key' });
    expect(await whoami(jwt)).toMatchObject({ method: 'jwt' });
  });
});

describe('cost', () => {
  it('authenticates each request once, though it passes both checkpoints', async () => {
    let calls = 0;
    const [widget] = strategies();
    const counting: ClientAuthStrategy = { ...widget!, authenticate: (headers) => (calls++, widget!.authenticate(headers)) };
    const { post } = createTestYoga({ strategies: [counting] });
    await whoami(await post({ 'x-auth-token': await widgetToken() }));
    expect(calls).toBe(1);
    await whoami(await post({ 'x-auth-token': await widgetToken() }, { query: WHOAMI }, '/oauth/graphql'));
    expect(calls).toBe(2);
  });
});

describe('over real HTTP', () => {
  it('hands the principal to the context factory and refuses the same way', async () => {
    const { yoga } = createTestYoga();
    const server = createServer(yoga);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
      const init = (headers: Record<string, string>): RequestInit => ({
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: GRAPHQL_RESPONSE, ...headers },
        body: JSON.stringify({ query: WHOAMI }),
      });
      expect(await whoami(await fetch(url, init({ 'x-api-key': API_KEY })))).toMatchObject({ accountId: 31000002, method: 'api-key' });
      seen = { contexts: 0, resolvers: 0, routes: [] };
      const refused = await fetch(url, init({ 'x-api-key': 'nope' }));
      await expectRefusal(refused, 401, 'UNAUTHENTICATED', 'INVALID_API_KEY');
      expect(refused.headers.get('content-type')).toBe(`${GRAPHQL_RESPONSE}; charset=utf-8`);
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});

describe('refusals', () => {
  it('no credentials: 401, a challenge for every accepted scheme, a message naming them', async () => {
    const { post } = createTestYoga();
    const response = await post();
    const { body } = await expectRefusal(response, 401, 'UNAUTHENTICATED', 'CREDENTIALS_REQUIRED');
    expect(response.headers.get('content-type')).toBe(`${GRAPHQL_RESPONSE}; charset=utf-8`);
    expect(response.headers.get('www-authenticate')).toBe(
      'AmoCRM-Widget realm="amocrm-graphql", Bearer realm="amocrm-graphql", ApiKey realm="amocrm-graphql"',
    );
    expect(body.errors[0]!.message).toMatch(/X-Auth-Token.*Authorization: Bearer.*X-Api-Key/);
  });

  it.each([
    [GRAPHQL_RESPONSE, GRAPHQL_RESPONSE],
    ['application/json', 'application/json'],
    [undefined, 'application/json'],
    ['*/*', 'application/json'],
    [`application/json;q=0.5, ${GRAPHQL_RESPONSE}`, GRAPHQL_RESPONSE],
    [`${GRAPHQL_RESPONSE};q=0, application/json`, 'application/json'],
    ['text/html', 'application/json'],
    ['text/event-stream', 'application/json'],
  ])('answers Accept: %s with %s', async (accept, expected) => {
    const { yoga } = createTestYoga();
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (accept !== undefined) headers.accept = accept;
    const response = await yoga.fetch(`${ORIGIN}/graphql`, { method: 'POST', headers, body: JSON.stringify({ query: WHOAMI }) });
    await expectRefusal(response, 401, 'UNAUTHENTICATED', 'CREDENTIALS_REQUIRED');
    expect(response.headers.get('content-type')).toBe(`${expected}; charset=utf-8`);
  });

  it('an expired widget token: 401 with the widget challenge and the reason', async () => {
    const { post } = createTestYoga();
    const response = await post({ 'x-auth-token': await widgetToken({ exp: Math.floor(Date.now() / 1000) - 3600 }) });
    await expectRefusal(response, 401, 'UNAUTHENTICATED', 'TOKEN_EXPIRED');
    expect(response.headers.get('www-authenticate')).toBe(
      'AmoCRM-Widget realm="amocrm-graphql", error="invalid_token", error_description="The token has expired."',
    );
  });

  it('a bad bearer token: 401 with a Bearer challenge (RFC 6750)', async () => {
    const { post } = createTestYoga();
    const response = await post({ authorization: 'Bearer not.a.jwt' });
    await expectRefusal(response, 401, 'UNAUTHENTICATED', 'MALFORMED_TOKEN');
    expect(response.headers.get('www-authenticate')).toMatch(/^Bearer realm="amocrm-graphql", error="invalid_token", error_description="[^"]+"$/);
  });

  it('an unknown API key: 401 with the ApiKey challenge', async () => {
    const { post } = createTestYoga();
    const response = await post({ 'x-api-key': 'not-a-key' });
    await expectRefusal(response, 401, 'UNAUTHENTICATED', 'INVALID_API_KEY');
    expect(response.headers.get('www-authenticate')).toMatch(/^ApiKey realm="amocrm-graphql", error="invalid_token"/);
  });

  it('a valid JWT that grants no account: 403, no challenge', async () => {
    const { post } = createTestYoga();
    const response = await post({ authorization: `Bearer ${await idpToken({ sub: 'alice' })}` });
    await expectRefusal(response, 403, 'FORBIDDEN', 'NO_ACCOUNT');
    expect(response.headers.get('www-authenticate')).toBeNull();
  });

  it('two credentials in one request: 400, whichever would have been valid', async () => {
    const { post } = createTestYoga();
    await expectRefusal(await post({ 'x-auth-token': await widgetToken(), 'x-api-key': API_KEY }), 400, 'BAD_REQUEST', 'CONFLICTING_CREDENTIALS');
    await expectRefusal(await post({ authorization: `Bearer ${await idpToken()}`, 'x-api-key': API_KEY }), 400, 'BAD_REQUEST', 'CONFLICTING_CREDENTIALS');
  });

  it('a credential no configured strategy reads is refused, not ignored, even with anonymous access on', async () => {
    const { post } = createTestYoga({ allowAnonymous: true, strategies: [strategies()[0]!] });
    const apiKey = await post({ 'x-api-key': API_KEY });
    await expectRefusal(apiKey, 401, 'UNAUTHENTICATED', 'UNSUPPORTED_CREDENTIALS');
    expect(apiKey.headers.get('www-authenticate')).toBe('AmoCRM-Widget realm="amocrm-graphql"');
    await expectRefusal(await post({ authorization: 'Basic YWxpY2U6c2VjcmV0' }), 401, 'UNAUTHENTICATED', 'UNSUPPORTED_CREDENTIALS');
  });

  it('an invalid credential never falls back to anonymous access', async () => {
    const { post } = createTestYoga({ allowAnonymous: true });
    await expectRefusal(await post({ 'x-auth-token': 'garbage' }), 401, 'UNAUTHENTICATED', 'MALFORMED_TOKEN');
    await expectRefusal(await post({ 'x-api-key': '' }), 401, 'UNAUTHENTICATED', 'INVALID_API_KEY');
  });

  it('a key server that cannot be reached: 503, not "your token is invalid"', async () => {
    const jwks = createBearerJwtAuth({ jwksUrl: 'http://127.0.0.1:9/jwks.json', issuer: 'https://idp.example.test/', audience: 'amocrm-graphql', jwksTimeoutMs: 1_000 });
    const { post } = createTestYoga({ strategies: [jwks] });
    const token = await new SignJWT({ amocrm_account_id: 1 })
      .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
      .setExpirationTime('5m')
      .sign((await generateKeyPair('RS256')).privateKey);
    const response = await post({ authorization: `Bearer ${token}` });
    const { text } = await expectRefusal(response, 503, 'SERVICE_UNAVAILABLE', 'AUTHENTICATION_UNAVAILABLE');
    expect(text).not.toContain(token.split('.')[2]);
  });

  it('a strategy that throws is a 500 that says nothing of the credential', async () => {
    const broken: ClientAuthStrategy = {
      method: 'api-key',
      scheme: 'ApiKey',
      present: (headers) => headers.has('x-api-key'),
      authenticate: async (headers) => {
        throw new Error(`cannot handle ${headers.get('x-api-key')}`);
      },
    };
    const { post } = createTestYoga({ strategies: [broken] });
    const { text } = await expectRefusal(await post({ 'x-api-key': API_KEY }), 500, 'INTERNAL_SERVER_ERROR', 'AUTHENTICATION_FAILED');
    expect(text).not.toContain(API_KEY);
  });

  it('never repeats a credential in a body or header of any refusal', async () => {
    const { post } = createTestYoga();
    const expired = await widgetToken({ exp: 1 });
    const forged = `${(await widgetToken()).slice(0, -6)}AAAAAA`;
    const cases: [Record<string, string>, string][] = [
      [{ 'x-auth-token': expired }, expired],
      [{ 'x-auth-token': forged }, forged],
      [{ authorization: `Bearer ${await idpToken({ sub: 'alice' })}` }, ''],
      [{ 'x-api-key': 'wrong-key-5f5f5f5f5f5f5f5f' }, 'wrong-key-5f5f5f5f5f5f5f5f'],
      [{ 'x-api-key': API_KEY, 'x-auth-token': expired }, API_KEY],
      [{ authorization: 'Basic YWxpY2U6c2VjcmV0' }, 'YWxpY2U6c2VjcmV0'],
    ];
    for (const [headers, credential] of cases) {
      const response = await post(headers);
      expect(response.status).toBeGreaterThanOrEqual(400);
      const secrets = [credential, ...credential.split('.'), ...Object.values(headers).flatMap((v) => v.split(/[ .]/))].filter((s) => s.length >= 8);
      const everything = [await response.text(), ...[...response.headers].map(([name, value]) => `${name}: ${value}`)].join('\n');
      for (const secret of secrets) expect(everything).not.toContain(secret);
    }
  });
});

describe('what the plugin leaves alone', () => {
  it('the health check and the GraphiQL page', async () => {
    const { get } = createTestYoga();
    expect((await get('/healthz')).status).toBe(200);
    const page = await get('/graphql', { accept: 'text/html' });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
  });

  it('other routes, served by plugins listed after it, and unknown paths (404)', async () => {
    const { get, post } = createTestYoga();
    expect(await (await get('/oauth/callback?code=abc&state=xyz')).text()).toBe('route /oauth/callback');
    expect(await (await post({}, { any: 'thing' }, '/webhooks/amocrm')).text()).toBe('route /webhooks/amocrm');
    expect((await get('/metrics')).status).toBe(200);
    expect((await get('/nothing-here')).status).toBe(404);
  });

  it('CORS preflights, whose answer the widget needs before it may send X-Auth-Token', async () => {
    const { yoga } = createTestYoga();
    const response = await yoga.fetch(`${ORIGIN}/graphql`, {
      method: 'OPTIONS',
      headers: { origin: WIDGET_ORIGIN, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type, x-auth-token' },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe(WIDGET_ORIGIN);
    expect(response.headers.get('access-control-allow-headers')).toContain('x-auth-token');
    expect(response.headers.get('www-authenticate')).toBeNull();
  });

  it('preflights even with Yoga\'s CORS handling off', async () => {
    const { yoga } = createTestYoga({ cors: false });
    const response = await yoga.fetch(`${ORIGIN}/graphql`, { method: 'OPTIONS', headers: { origin: WIDGET_ORIGIN } });
    expect(response.status).not.toBe(401);
    expect(response.headers.get('www-authenticate')).toBeNull();
  });

  it('lets an allowed origin read a refusal (CORS headers on the 401), so a widget can show it', async () => {
    const { post } = createTestYoga();
    const response = await post({ origin: WIDGET_ORIGIN });
    expect(response.status).toBe(401);
    expect(response.headers.get('access-control-allow-origin')).toBe(WIDGET_ORIGIN);
  });
});

describe('no way around it', () => {
  it.each([
    ['the endpoint with a trailing slash', '/graphql/'],
    ['another path ending in the endpoint, which Yoga also serves', '/anything/graphql'],
    ['such a path under a public prefix', '/oauth/graphql'],
    ['a public path whose query string ends in the endpoint', '/healthz?x=/graphql'],
  ])('guards %s', async (_name, path) => {
    const { post } = createTestYoga();
    await expectRefusal(await post({}, { query: WHOAMI }, path), 401, 'UNAUTHENTICATED', 'CREDENTIALS_REQUIRED');
  });

  it('guards the endpoint even when listed as public', async () => {
    const { post } = createTestYoga({ publicPaths: ['/graphql', '/oauth'] });
    await expectRefusal(await post(), 401, 'UNAUTHENTICATED', 'CREDENTIALS_REQUIRED');
  });

  it('authenticates a GraphQL request reaching the parser by an odd path, and passes on its principal', async () => {
    const { post } = createTestYoga();
    expect(await whoami(await post({ 'x-api-key': API_KEY }, { query: WHOAMI }, '/oauth/graphql'))).toMatchObject({ method: 'api-key' });
  });
});

describe("protect: 'all'", () => {
  it('needs credentials on every route outside the public prefixes', async () => {
    const { get } = createTestYoga({ protect: 'all', publicPaths: ['/healthz', '/graphiql', '/oauth'] });
    await expectRefusal(await get('/metrics'), 401, 'UNAUTHENTICATED', 'CREDENTIALS_REQUIRED');
    await expectRefusal(await get('/webhooks/amocrm'), 401, 'UNAUTHENTICATED', 'CREDENTIALS_REQUIRED');
    await expectRefusal(await get('/nothing-here'), 401, 'UNAUTHENTICATED', 'CREDENTIALS_REQUIRED');
    expect(await (await get('/metrics', { 'x-api-key': API_KEY })).text()).toBe('route /metrics');
    expect(await (await get('/oauth/callback')).text()).toBe('route /oauth/callback');
    expect((await get('/healthz')).status).toBe(200);
    expect((await get('/graphql', { accept: 'text/html' })).status).toBe(200);
  });

  it('matches public prefixes by whole path segments', async () => {
    const { get } = createTestYoga({ protect: 'all', publicPaths: ['/oauth/'] });
    await expectRefusal(await get('/oauthx/callback'), 401, 'UNAUTHENTICATED', 'CREDENTIALS_REQUIRED');
    expect((await get('/oauth/callback')).status).toBe(200);
  });

  it('serves the offline GraphiQL assets under a public /graphiql, with the auth plugin listed first', async () => {
    const graphiql = useOfflineGraphiQL();
    const { get } = createTestYoga({ protect: 'all', extraPlugins: [graphiql.plugin] });
    const favicon = await get(`${graphiql.assetsPath}/favicon.ico`);
    expect(favicon.status).toBe(200);
    expect(favicon.headers.get('content-type')).toBe('image/x-icon');
  });
});

describe('configuration', () => {
  it('refuses a set-up that would refuse every request', () => {
    expect(() => useClientAuth({ strategies: [], allowAnonymous: false })).toThrow(/every request would be refused/);
  });

  it('refuses "/" as a public path', () => {
    expect(() => useClientAuth({ strategies: strategies(), allowAnonymous: false, publicPaths: ['/'] })).toThrow(/every route public/);
  });

  it('picks the response media type as Yoga does, honouring q-values', () => {
    expect(responseMediaType(null)).toBe('application/json');
    expect(responseMediaType('application/*')).toBe('application/json');
    expect(responseMediaType(`text/html, ${GRAPHQL_RESPONSE};q=0.9, application/json;q=0.8`)).toBe(GRAPHQL_RESPONSE);
  });
});
