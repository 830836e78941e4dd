// What the gateway refuses at the HTTP layer, before a document is parsed: cross-site requests a
// browser would send without a preflight (CSRF), bodies over the size limit (with or without a
// Content-Length), reads from origins not on the CORS list, bodies it cannot parse. And the
// documents it refuses after parsing (syntax, validation, variable types) as request errors. Each
// answer is a GraphQL error body with a 4xx, and nothing reaches amoCRM.

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createGateway, type Gateway } from '../../src/server/gateway.js';
import { DEFAULT_SECURITY, type SecurityOptions } from '../../src/server/security.js';
import { startStack, type Stack } from '../helpers/stack.js';
import { createRawClient, type RawRequest, type RawResponse } from './raw-http.js';

const GRAPHQL_RESPONSE = 'application/graphql-response+json';
const QUERY = '{ account { name } }';
// Spread it, never pass it as is: an in-process `gateway.fetch` writes Content-Length into the
// headers object it is given.
const JSON_POST: Readonly<Record<string, string>> = { 'content-type': 'application/json', accept: GRAPHQL_RESPONSE };

let stack: Stack;
let http: ReturnType<typeof createRawClient>;
beforeAll(async () => {
  stack = await startStack();
  http = createRawClient(stack.gateway.url);
});
afterAll(async () => {
  http.close();
  await stack.close();
});
beforeEach(() => stack.resetLog());

const accountName = () => stack.sandbox.store.account.name;

function errorsOf(response: RawResponse): { message: string; extensions?: Record<string, any> }[] {
  const body = response.json as { errors?: { message: string; extensions?: Record<string, any> }[]; data?: unknown } | undefined;
  expect(body, `a JSON body: ${response.text.slice(0, 200)}`).toBeTypeOf('object');
  expect(body).not.toHaveProperty('data');
  expect(body!.errors?.length).toBeGreaterThan(0);
  return body!.errors!;
}

function expectRefused(response: RawResponse, status: number, code: string) {
  expect(response.status, response.text.slice(0, 300)).toBe(status);
  expect(errorsOf(response)[0]!.extensions?.code).toBe(code);
  expect(stack.upstreamCalls(), 'nothing reached amoCRM').toEqual([]);
}

function expectAnswered(response: RawResponse) {
  expect(response.status, response.text.slice(0, 300)).toBe(200);
  expect(response.json).toEqual({ data: { account: { name: accountName() } } });
}

/** A gateway in-process over the same account and sandbox, with other security settings. */
function gatewayWith(security: Partial<SecurityOptions>): Gateway {
  return createGateway({ account: stack.gateway.account, graphiql: false, security });
}

describe('CSRF prevention', () => {
  const get = (headers: Record<string, string> = {}): RawRequest => ({
    method: 'GET',
    path: `/graphql?query=${encodeURIComponent(QUERY)}`,
    headers: { accept: GRAPHQL_RESPONSE, ...headers },
  });

  it('answers a JSON POST with no extra header: browsers preflight it, so CORS already decides', async () => {
    expectAnswered(await http.send({ headers: JSON_POST, body: JSON.stringify({ query: QUERY }) }));
  });

  it('refuses a GET carrying a query without a CSRF header, as a link or <img> on another site would send it', async () => {
    const response = await http.send(get());
    expectRefused(response, 403, 'CSRF_HEADER_REQUIRED');
    expect(errorsOf(response)[0]!.message).toContain('x-graphql-csrf');
  });

  it.each(DEFAULT_SECURITY.csrfHeaders)('answers a GET that carries %s', async (header) => {
    expectAnswered(await http.send(get({ [header]: '1' })));
  });

  it.each([
    ['application/x-www-form-urlencoded', `query=${encodeURIComponent(QUERY)}`],
    ['text/plain', JSON.stringify({ query: QUERY })],
    ['multipart/form-data; boundary=x', `--x\r\nContent-Disposition: form-data; name="operations"\r\n\r\n${JSON.stringify({ query: QUERY })}\r\n--x--\r\n`],
  ])('refuses a %s POST without the header: an HTML form on any site can send one', async (contentType, body) => {
    expectRefused(await http.send({ headers: { 'content-type': contentType, accept: GRAPHQL_RESPONSE }, body }), 403, 'CSRF_HEADER_REQUIRED');
  });

  it('still serves the GraphiQL page and the health check, which carry no query', async () => {
    const page = await http.send({ method: 'GET', path: '/graphql', headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    expect(page.text).toContain('amocrm-graphql');
    expect((await http.send({ method: 'GET', path: '/healthz' })).status).toBe(200);
  });

  it('takes the header names from the options', async () => {
    const gateway = gatewayWith({ csrfHeaders: ['x-requested-by'] });
    const request = (headers: Record<string, string>) => gateway.fetch(`http://gateway.test/graphql?query=${encodeURIComponent(QUERY)}`, { headers: { accept: GRAPHQL_RESPONSE, ...headers } });
    expect((await request({ 'x-graphql-csrf': '1' })).status).toBe(403);
    expect(await (await request({ 'x-requested-by': 'dashboard' })).json()).toEqual({ data: { account: { name: accountName() } } });
  });
});

describe('request body size', () => {
  const limit = DEFAULT_SECURITY.maxBodyBytes;
  /** A valid request padded with a variable the query never reads, `size` bytes in all. */
  const padded = (size: number) => {
    const head = `{"query":${JSON.stringify(QUERY)},"variables":{"pad":"`;
    const tail = '"}}';
    return head + 'x'.repeat(size - head.length - tail.length) + tail;
  };

  it(`answers a body of just under ${limit} bytes`, async () => {
    expectAnswered(await http.send({ headers: JSON_POST, body: padded(limit - 10) }));
  });

  it('refuses a larger body with 413 from its Content-Length, without reading it', async () => {
    expectRefused(await http.send({ headers: JSON_POST, body: padded(limit + 1) }), 413, 'REQUEST_ENTITY_TOO_LARGE');
    expectRefused(await http.send({ headers: JSON_POST, body: padded(20 * limit) }), 413, 'REQUEST_ENTITY_TOO_LARGE');
  });

  it('refuses a chunked body with no Content-Length as soon as it passes the limit', async () => {
    let sent = 0;
    function* chunks() {
      yield `{"query":${JSON.stringify(QUERY)},"variables":{"pad":"`;
      // Up to 50 MB if nobody stops us; the server must stop reading long before.
      for (let i = 0; i < 800; i++) {
        sent += 64 * 1024;
        yield 'x'.repeat(64 * 1024);
      }
      yield '"}}';
    }
    const response = await http.send({ headers: JSON_POST, chunks: chunks() });
    expectRefused(response, 413, 'REQUEST_ENTITY_TOO_LARGE');
    expect(sent, 'the answer came before the client had sent everything').toBeLessThan(10 * limit);
  });

  it('answers a small chunked body', async () => {
    const body = JSON.stringify({ query: QUERY });
    expectAnswered(await http.send({ headers: JSON_POST, chunks: [body.slice(0, 7), body.slice(7)] }));
  });

  it('takes the limit from the options', async () => {
    const gateway = gatewayWith({ maxBodyBytes: 1000 });
    const post = (body: string) => gateway.fetch('http://gateway.test/graphql', { method: 'POST', headers: { ...JSON_POST }, body });
    expect((await post(padded(1001))).status).toBe(413);
    expect((await post(padded(1000))).status).toBe(200);
  });
});

describe('CORS', () => {
  const preflight = (origin: string) => ({
    method: 'OPTIONS',
    headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type, authorization' },
  });

  it('by default lets no other origin read: no Access-Control-Allow-Origin on a preflight or an answer', async () => {
    const options = await http.send({ ...preflight('https://evil.example'), path: '/graphql' });
    expect(options.status).toBe(204);
    expect(options.headers['access-control-allow-origin']).toBeUndefined();
    const answer = await http.send({ headers: { ...JSON_POST, origin: 'https://evil.example' }, body: JSON.stringify({ query: QUERY }) });
    expect(answer.headers['access-control-allow-origin']).toBeUndefined();
    expect(answer.headers['access-control-allow-credentials']).toBeUndefined();
  });

  describe('with a list of origins', () => {
    const allowed = ['https://crm.example.com', 'https://dashboard.example.com'];
    let gateway: Gateway;
    beforeAll(() => {
      gateway = gatewayWith({ corsOrigins: allowed });
    });

    it.each(allowed)('lets %s read, naming it alone, for GET and POST, without credentials', async (origin) => {
      const options = await gateway.fetch('http://gateway.test/graphql', preflight(origin));
      expect(options.status).toBe(204);
      expect(options.headers.get('access-control-allow-origin')).toBe(origin);
      expect(options.headers.get('access-control-allow-methods')).toBe('GET, POST');
      expect(options.headers.get('access-control-allow-headers')).toBe('content-type, authorization');
      expect(options.headers.get('access-control-allow-credentials')).toBeNull();
      expect(options.headers.get('vary')).toContain('Origin');
      const answer = await gateway.fetch('http://gateway.test/graphql', { method: 'POST', headers: { ...JSON_POST, origin }, body: JSON.stringify({ query: QUERY }) });
      expect(answer.headers.get('access-control-allow-origin')).toBe(origin);
      expect(await answer.json()).toEqual({ data: { account: { name: accountName() } } });
    });

    it.each(['https://evil.example', 'https://crm.example.com.evil.example', 'http://crm.example.com', 'null'])('gives %s no CORS headers at all', async (origin) => {
      const options = await gateway.fetch('http://gateway.test/graphql', preflight(origin));
      expect(options.headers.get('access-control-allow-origin')).toBeNull();
      expect(options.headers.get('access-control-allow-methods')).toBeNull();
    });

    it('allows credentials only when told to', async () => {
      const withCredentials = gatewayWith({ corsOrigins: allowed, corsCredentials: true });
      const options = await withCredentials.fetch('http://gateway.test/graphql', preflight(allowed[0]!));
      expect(options.headers.get('access-control-allow-credentials')).toBe('true');
    });
  });
});

describe('requests the gateway cannot parse', () => {
  it.each([
    ['application/xml', '<query/>', 415, 'UNSUPPORTED_MEDIA_TYPE'],
    ['text/plain', JSON.stringify({ query: QUERY }), 415, 'UNSUPPORTED_MEDIA_TYPE'],
    ['multipart/form-data; boundary=x', '--x--\r\n', 415, 'UNSUPPORTED_MEDIA_TYPE'],
    ['application/json', '{"query": ', 400, 'BAD_REQUEST'],
    ['application/json', 'null', 400, 'BAD_REQUEST'],
    ['application/json', JSON.stringify([{ query: QUERY }, { query: QUERY }]), 400, 'BAD_REQUEST'],
    ['application/json', JSON.stringify({ query: 42 }), 400, 'BAD_REQUEST'],
    ['application/json', JSON.stringify({ query: QUERY, variables: 'x' }), 400, 'BAD_REQUEST'],
  ])('answers a %s body %j with %i %s', async (contentType, body, status, code) => {
    expectRefused(await http.send({ headers: { 'content-type': contentType, accept: GRAPHQL_RESPONSE, 'x-graphql-csrf': '1' }, body }), status, code);
  });

  it('answers a GET whose variables are not JSON with 400, not a 500', async () => {
    const response = await http.send({
      method: 'GET',
      path: `/graphql?query=${encodeURIComponent('query($n: Int) { leads(first: $n) { nodes { name } } }')}&variables=%7Bn%3A`,
      headers: { accept: GRAPHQL_RESPONSE, 'x-graphql-csrf': '1' },
    });
    expectRefused(response, 400, 'BAD_REQUEST');
  });

  it('answers other methods with 405', async () => {
    expectRefused(await http.send({ method: 'PUT', headers: JSON_POST, body: JSON.stringify({ query: QUERY }) }), 405, 'BAD_REQUEST');
  });
});

describe('invalid documents never reach the REST core', () => {
  it.each([
    ['a syntax error', '{ leads(first: 2) { nodes { name } }', {}, 'GRAPHQL_PARSE_FAILED'],
    ['an unknown field', '{ leads(first: 2) { nodes { title } } }', {}, 'GRAPHQL_VALIDATION_FAILED'],
    ['an unknown argument', '{ leads(limit: 2) { nodes { name } } }', {}, 'GRAPHQL_VALIDATION_FAILED'],
    ['a missing selection', '{ leads(first: 2) }', {}, 'GRAPHQL_VALIDATION_FAILED'],
    ['a literal of the wrong type', '{ lead(amoId: "7") { name } }', {}, 'GRAPHQL_VALIDATION_FAILED'],
    ['a missing required argument', '{ lead { name } }', {}, 'GRAPHQL_VALIDATION_FAILED'],
    ['an unknown enum value', '{ leads(orderBy: { field: NAME, direction: ASC }) { nodes { name } } }', {}, 'GRAPHQL_VALIDATION_FAILED'],
    ['a variable in a position of another type', 'query($n: String) { leads(first: $n) { nodes { name } } }', { n: '2' }, 'GRAPHQL_VALIDATION_FAILED'],
    ['a fragment cycle', '{ leads { nodes { ...A } } } fragment A on Lead { contacts { nodes { leads { nodes { ...A } } } } }', {}, 'GRAPHQL_VALIDATION_FAILED'],
    ['a mutation, which this schema does not have', 'mutation { createLeads }', {}, 'GRAPHQL_VALIDATION_FAILED'],
    ['a variable of the wrong type', 'query($n: Int) { leads(first: $n) { nodes { name } } }', { n: 'two' }, 'BAD_USER_INPUT'],
    ['a missing required variable', 'query($id: Int!) { lead(amoId: $id) { name } }', {}, 'BAD_USER_INPUT'],
    ['a null required variable', 'query($id: Int!) { lead(amoId: $id) { name } }', { id: null }, 'BAD_USER_INPUT'],
    ['an input object with an unknown field', 'query($f: LeadFilter) { leads(filter: $f) { nodes { name } } }', { f: { colour: 'red' } }, 'BAD_USER_INPUT'],
    ['a DateTime variable that is not a date', 'query($f: LeadFilter) { leads(filter: $f) { nodes { name } } }', { f: { createdAt: { from: 'yesterday' } } }, 'BAD_USER_INPUT'],
  ])('refuses %s with 400 and no data', async (_name, query, variables, code) => {
    const response = await http.send({ headers: JSON_POST, body: JSON.stringify({ query, variables }) });
    expect(response.headers['content-type']).toContain(GRAPHQL_RESPONSE);
    expectRefused(response, 400, code);
  });

  it('refuses an unknown operation name', async () => {
    const response = await http.send({ headers: JSON_POST, body: JSON.stringify({ query: 'query A { account { name } }', operationName: 'B' }) });
    expect(response.status).toBe(400);
    errorsOf(response);
    expect(stack.upstreamCalls()).toEqual([]);
  });
});
