import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { MockAgent } from 'undici';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTokenAuth } from '../../src/auth/token-auth.js';
import { createAmoClient } from '../../src/rest/client.js';
import { createDispatcher } from '../../src/rest/dispatcher.js';
import {
  AmoBadResponseError,
  AmoError,
  AmoForbiddenError,
  AmoNetworkError,
  AmoRateLimitError,
  AmoServerError,
  AmoTimeoutError,
  AmoUnauthorizedError,
  AmoValidationError,
} from '../../src/rest/errors.js';

const ORIGIN = 'https://demo.amocrm.ru';
const TOKEN = 'secret-token-value';

let agent: MockAgent;
beforeEach(() => {
  agent = new MockAgent({ enableCallHistory: true });
  agent.disableNetConnect();
});
afterEach(async () => {
  await agent.close();
});

function client(extra: { timeoutMs?: number; userAgent?: string; baseUrl?: string } = {}) {
  return createAmoClient({ baseUrl: extra.baseUrl ?? ORIGIN, auth: createTokenAuth(TOKEN), dispatcher: agent, ...extra });
}

function problem(status: number, body: object) {
  return () => ({ statusCode: status, data: JSON.stringify(body), responseOptions: { headers: { 'content-type': 'application/problem+json', 'x-request-id': 'req-42' } } });
}

/** Every field of an error that could end up in a log or a GraphQL response. */
function exposed(error: unknown): string {
  const e = error as AmoError;
  return JSON.stringify({ message: e.message, info: e.info, problem: e.problem, snippet: e.bodySnippet, stack: e.stack });
}

describe('request pipeline', () => {
  it('sends the bearer token, a JSON accept header and the configured User-Agent', async () => {
    agent.get(ORIGIN).intercept({ path: '/api/v4/account', method: 'GET' }).reply(200, { id: 1, name: 'Demo' });
    const account = await client({ userAgent: 'my-app/2.0' }).account.get();
    expect(account.name).toBe('Demo');
    const call = agent.getCallHistory()!.firstCall()!;
    expect(call.headers).toMatchObject({ authorization: `Bearer ${TOKEN}`, 'user-agent': 'my-app/2.0' });
    expect(String((call.headers as Record<string, string>).accept)).toContain('application/hal+json');
  });

  it('keeps a path prefix of the base URL, for proxies', async () => {
    agent.get('https://proxy.example.test').intercept({ path: '/amo/api/v4/account', method: 'GET' }).reply(200, { id: 1 });
    await client({ baseUrl: 'https://proxy.example.test/amo/' }).account.get();
    expect(agent.getCallHistory()!.firstCall()!.path).toBe('/amo/api/v4/account');
  });

  it('treats 204 on a list as an empty last page and on a get as null', async () => {
    agent.get(ORIGIN).intercept({ path: /\/api\/v4\/leads\?/, method: 'GET' }).reply(204, '');
    agent.get(ORIGIN).intercept({ path: '/api/v4/leads/77', method: 'GET' }).reply(204, '');
    const amo = client();
    const page = await amo.leads.list({ filter: { id: [1, 2] } });
    expect(page.items).toEqual([]);
    expect(page.hasMore).toBe(false);
    expect(await amo.leads.get(77)).toBeNull();
  });

  it('serialises filters the PHP way on the wire and caps the limit at 250', async () => {
    // MockAgent normalises query strings before matching, so read the raw request line instead.
    const sent: string[] = [];
    const server = createServer((req, res) => {
      sent.push(req.url ?? '');
      res.writeHead(204).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const dispatcher = createDispatcher();
    try {
      const amo = createAmoClient({ baseUrl: `http://127.0.0.1:${port}`, auth: createTokenAuth(TOKEN), dispatcher });
      await amo.leads.list({
        limit: 1000,
        with: ['contacts', 'loss_reason'],
        query: 'Иван',
        filter: {
          id: [11, 12],
          statuses: [{ pipeline_id: 3, status_id: 142 }],
          created_at: { from: 100, to: 200 },
        },
        order: { field: 'created_at', direction: 'desc' },
      });
    } finally {
      await dispatcher.close();
      server.close();
    }
    const path = sent[0]!;
    expect(path).toContain('with=contacts%2Closs_reason');
    expect(path).toContain(`query=${encodeURIComponent('Иван')}`);
    expect(path).toContain('filter[id][]=11&filter[id][]=12');
    expect(path).toContain('filter[statuses][0][pipeline_id]=3&filter[statuses][0][status_id]=142');
    expect(path).toContain('filter[created_at][from]=100&filter[created_at][to]=200');
    expect(path).toContain('order[created_at]=desc');
    expect(path).toContain('limit=250');
    expect(path).not.toContain('limit=1000');
  });

  it('refuses bad ids and page sizes before sending anything', async () => {
    const amo = client();
    await expect(amo.leads.get(0)).rejects.toThrow(RangeError);
    await expect(amo.leads.get(1.5)).rejects.toThrow(RangeError);
    await expect(amo.leads.list({ limit: 0 })).rejects.toThrow(RangeError);
    await expect(amo.leads.list({ page: -1 })).rejects.toThrow(RangeError);
    expect(agent.getCallHistory()!.calls()).toHaveLength(0);
  });
});

describe('upstream errors become one typed hierarchy', () => {
  it('maps validation-errors to AmoValidationError with per-item details and the request id', async () => {
    agent.get(ORIGIN).intercept({ path: '/api/v4/account', method: 'GET' }).reply(
      problem(400, {
        title: 'Bad Request',
        status: 400,
        detail: 'Request validation failed',
        'validation-errors': [{ request_id: '0', errors: [{ code: 'NotSupportedChoice', path: 'custom_fields_values.0.field_id', detail: 'bad' }] }],
      }),
    );
    const error = await client().account.get().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AmoValidationError);
    const v = error as AmoValidationError;
    expect(v.code).toBe('AMOCRM_VALIDATION_FAILED');
    expect(v.validationErrors[0]!.errors[0]!.path).toBe('custom_fields_values.0.field_id');
    expect(v.info).toMatchObject({ method: 'GET', path: '/api/v4/account', status: 400, requestId: 'req-42' });
    expect(v.message).toContain('req-42');
  });

  it('maps 401 problem+json to AmoUnauthorizedError without ever exposing the token', async () => {
    agent.get(ORIGIN).intercept({ path: '/api/v4/account', method: 'GET' }).reply(problem(401, { title: 'Unauthorized', status: 401, detail: 'Token is invalid' }));
    const error = await client().account.get().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AmoUnauthorizedError);
    expect((error as AmoError).message).toContain('Token is invalid');
    expect(exposed(error)).not.toContain(TOKEN);
  });

  it('maps an nginx HTML 429 with no Retry-After to AmoRateLimitError', async () => {
    agent.get(ORIGIN).intercept({ path: '/api/v4/account', method: 'GET' })
      .reply(429, '<html><body><h1>429 Too Many Requests</h1></body></html>', { headers: { 'content-type': 'text/html' } });
    const error = (await client().account.get().catch((e: unknown) => e)) as AmoRateLimitError;
    expect(error).toBeInstanceOf(AmoRateLimitError);
    expect(error.code).toBe('AMOCRM_RATE_LIMITED');
    expect(error.retryAfterSeconds).toBeNull();
    expect(error.message).toContain('HTML');
  });

  it('recognises an HTML 403 as a likely ban', async () => {
    agent.get(ORIGIN).intercept({ path: '/api/v4/account', method: 'GET' })
      .reply(403, '<!DOCTYPE html><html><title>403 Forbidden</title></html>', { headers: { 'content-type': 'text/html' } });
    const error = (await client().account.get().catch((e: unknown) => e)) as AmoForbiddenError;
    expect(error).toBeInstanceOf(AmoForbiddenError);
    expect(error.looksLikeBan).toBe(true);
  });

  it('maps an empty 502 to AmoServerError and honours Retry-After when present', async () => {
    agent.get(ORIGIN).intercept({ path: '/api/v4/account', method: 'GET' }).reply(502, '', { headers: { 'retry-after': '3' } });
    const error = (await client().account.get().catch((e: unknown) => e)) as AmoServerError;
    expect(error).toBeInstanceOf(AmoServerError);
    expect(error.retryAfterSeconds).toBe(3);
    expect(error.message).toContain('empty body');
  });

  it('maps a 200 with a broken body to AmoBadResponseError', async () => {
    agent.get(ORIGIN).intercept({ path: '/api/v4/account', method: 'GET' }).reply(200, '{"id": 1', { headers: { 'content-type': 'application/hal+json' } });
    await expect(client().account.get()).rejects.toBeInstanceOf(AmoBadResponseError);
  });

  it('maps a refused connection to a network error that provably never reached amoCRM', async () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' });
    agent.get(ORIGIN).intercept({ path: '/api/v4/account', method: 'GET' }).replyWithError(refused);
    const error = (await client().account.get().catch((e: unknown) => e)) as AmoNetworkError;
    expect(error).toBeInstanceOf(AmoNetworkError);
    expect(error.code).toBe('AMOCRM_UNREACHABLE');
    expect(error.reachedUpstream).toBe(false);
  });

  it('maps a reset connection to a network error that may have reached amoCRM', async () => {
    const reset = Object.assign(new Error('other side closed'), { code: 'ECONNRESET' });
    agent.get(ORIGIN).intercept({ path: '/api/v4/account', method: 'GET' }).replyWithError(reset);
    const error = (await client().account.get().catch((e: unknown) => e)) as AmoNetworkError;
    expect(error.reachedUpstream).toBe(true);
  });

  it('times out a slow answer with AmoTimeoutError', async () => {
    agent.get(ORIGIN).intercept({ path: '/api/v4/account', method: 'GET' }).reply(200, { id: 1 }).delay(500);
    const error = await client({ timeoutMs: 50 }).account.get().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AmoTimeoutError);
    expect((error as AmoTimeoutError).code).toBe('AMOCRM_TIMEOUT');
  });
});
