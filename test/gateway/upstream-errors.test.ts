// Upstream failures surface as GraphQL errors with stable codes and a redacted description of
// the request; nothing secret leaks, and "not found" is null, never an error.

import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGateway, type RunningGateway } from '../../src/server/app.js';
import { startStack, TEST_TOKEN, type Stack } from '../helpers/stack.js';

const LEAD_AND_LIST = /* GraphQL */ `
  query($id: Int!) {
    lead(amoId: $id) { amoId name }
    leads(first: 5) { nodes { amoId } }
  }
`;

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack.close());

describe('not found is null, not an error', () => {
  it('answers a missing id with null and no error, and an empty filter result with an empty list', async () => {
    const response = await stack.gql(
      `{ lead(amoId: 987654321) { amoId } contact(amoId: 1) { amoId } leads(first: 10, filter: { names: ["no such lead anywhere"] }) { nodes { amoId } pageInfo { hasNextPage } } }`,
    );
    expect(response.errors).toBeUndefined();
    expect(response.data).toEqual({ lead: null, contact: null, leads: { nodes: [], pageInfo: { hasNextPage: false } } });
  });

  it('answers a deleted lead with null', async () => {
    const lead = stack.sandbox.store.leads.values().find((row) => !row.is_deleted)!;
    stack.sandbox.store.leads.put({ ...lead, is_deleted: true });
    try {
      const response = await stack.gql(LEAD_AND_LIST, { id: lead.id });
      expect(response.errors).toBeUndefined();
      expect((response.data as any).lead).toBeNull();
    } finally {
      stack.sandbox.store.leads.put(lead);
    }
  });
});

describe('upstream errors carry stable codes', () => {
  const cases = [
    { name: 'an HTML 429 without Retry-After', status: 429, type: 'text/html', body: '<html><body>429 Too Many Requests</body></html>', code: 'AMOCRM_RATE_LIMITED' },
    // A 403 page from nginx is how amoCRM's bans look: the ban breaker takes over (resilience tests).
    { name: 'an nginx HTML 403 ban page', status: 403, type: 'text/html', body: '<!DOCTYPE html><html><title>403 Forbidden</title></html>', code: 'AMOCRM_ACCOUNT_BLOCKED' },
    { name: 'a JSON 403 for missing rights', status: 403, type: 'application/problem+json', body: JSON.stringify({ title: 'Forbidden', status: 403, detail: 'Access denied' }), code: 'AMOCRM_FORBIDDEN' },
    { name: 'an empty 502', status: 502, type: 'text/plain', body: '', code: 'AMOCRM_UPSTREAM_ERROR' },
    { name: 'a 402 problem+json', status: 402, type: 'application/problem+json', body: JSON.stringify({ title: 'Payment Required', status: 402, detail: 'Account is not paid' }), code: 'AMOCRM_PAYMENT_REQUIRED' },
  ];

  it.each(cases)('maps $name to $code', async ({ status, type, body, code }) => {
    const stop = stack.sandbox.intercept((request) =>
      request.path === '/api/v4/leads' ? { status, headers: { 'content-type': type, 'x-request-id': 'req-test-1' }, body } : undefined,
    );
    try {
      const response = await stack.gql(LEAD_AND_LIST, { id: 1 });
      const error = response.errors?.find((e) => e.path?.[0] === 'leads');
      expect(error?.extensions?.code).toBe(code);
      if (code !== 'AMOCRM_ACCOUNT_BLOCKED') {
        expect(error?.extensions?.upstream).toMatchObject({ status, method: 'GET', requestId: 'req-test-1' });
      }
      expect(JSON.stringify(response)).not.toContain(TEST_TOKEN);
      // The rest of the query still answers.
      expect((response.data as any)?.lead).toBeNull();
    } finally {
      stop();
      stack.gateway.traffic.breaker.reset();
    }
  });
});

describe('a gateway with a bad token', () => {
  let other: Stack;
  beforeAll(async () => {
    other = await startStack({ gatewayToken: 'wrong-token-value-1234' });
  });
  afterAll(() => other.close());

  it('reports AMOCRM_UNAUTHORIZED and never echoes the token', async () => {
    const response = await other.gql(`{ leads(first: 1) { nodes { amoId } } }`);
    expect(response.errors?.[0]?.extensions?.code).toBe('AMOCRM_UNAUTHORIZED');
    expect(response.errors?.[0]?.message).toMatch(/401/);
    expect(JSON.stringify(response)).not.toContain('wrong-token-value-1234');
  });
});

describe('a gateway whose upstream is down', () => {
  it('reports AMOCRM_UNREACHABLE', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const gateway = await startGateway({
      port: 0, host: '127.0.0.1', upstream: { kind: 'account', baseUrl: `http://127.0.0.1:${port}`, token: 'x' },
      userAgent: 'test', timeoutMs: 2000, metadataTtlMs: 0, graphiql: false, allowAnonymous: true, production: true, traffic: { retryAttempts: 1 }, log: () => {},
    });
    try {
      const response = await fetch(`${gateway.url}/graphql`, {
        method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ leads(first: 1) { nodes { amoId } } }' }),
      }).then((r) => r.json());
      expect(response.errors[0].extensions.code).toBe('AMOCRM_UNREACHABLE');
    } finally {
      await gateway.close();
    }
  });
});

describe('any amoCRM-compatible origin', () => {
  // A bare test double, not the sandbox: it answers like a proxy in front of amoCRM might.
  const seen: { url: string; authorization?: string; userAgent?: string }[] = [];
  let answer: (req: IncomingMessage, res: ServerResponse) => void;
  let server: ReturnType<typeof createServer>;
  let gateway: RunningGateway;

  beforeAll(async () => {
    server = createServer((req, res) => {
      seen.push({ url: req.url ?? '', authorization: req.headers.authorization, userAgent: req.headers['user-agent'] });
      answer(req, res);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    gateway = await startGateway({
      port: 0, host: '127.0.0.1', upstream: { kind: 'account', baseUrl: `http://127.0.0.1:${port}/amo`, token: 'origin-token-42' },
      userAgent: 'my-integration/1.0', timeoutMs: 2000, metadataTtlMs: 0, graphiql: false, allowAnonymous: true, production: true, traffic: { retryAttempts: 1 }, log: () => {},
    });
  });
  afterAll(async () => {
    await gateway.close();
    server.close();
  });

  async function query(q: string) {
    return fetch(`${gateway.url}/graphql`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: q }),
    }).then((r) => r.json() as Promise<any>);
  }

  it('sends the bearer token and User-Agent on every call, under the base path, with limit ≤ 250', async () => {
    seen.length = 0;
    answer = (req, res) => {
      const page = { _page: 1, _links: {}, _embedded: { leads: [{ id: 7, name: 'From the double', price: 1, pipeline_id: 1, status_id: 2, responsible_user_id: 0, created_by: 0, updated_by: 0, created_at: 1, updated_at: 2, closed_at: null, closest_task_at: null, is_deleted: false, custom_fields_values: null, _embedded: { tags: [], companies: [] } }] } };
      res.writeHead(200, { 'content-type': 'application/hal+json' }).end(JSON.stringify(page));
    };
    const response = await query('{ leads(first: 250) { nodes { amoId name } } }');
    expect(response.data.leads.nodes).toEqual([{ amoId: 7, name: 'From the double' }]);
    expect(seen.length).toBeGreaterThan(0);
    for (const call of seen) {
      expect(call.authorization).toBe('Bearer origin-token-42');
      expect(call.userAgent).toBe('my-integration/1.0');
      expect(call.url.startsWith('/amo/api/v4/')).toBe(true);
      const limit = new URL(call.url, 'http://x').searchParams.get('limit');
      if (limit) expect(Number(limit)).toBeLessThanOrEqual(250);
    }
  });

  it.each([
    ['an HTML 500 page', 500, 'text/html', '<html><body><h1>500 Internal Server Error</h1></body></html>', 'AMOCRM_UPSTREAM_ERROR'],
    ['an empty 401', 401, 'text/plain', '', 'AMOCRM_UNAUTHORIZED'],
    ['a 200 with HTML instead of JSON', 200, 'text/html', '<html>maintenance</html>', 'AMOCRM_BAD_RESPONSE'],
  ])('treats %s as a typed error', async (_name, status, type, body, code) => {
    answer = (_req, res) => {
      res.writeHead(status as number, { 'content-type': type as string }).end(body);
    };
    const response = await query('{ leads(first: 3) { nodes { amoId } } }');
    expect(response.errors[0].extensions.code).toBe(code);
    expect(JSON.stringify(response)).not.toContain('origin-token-42');
  });
});
