import { describe, expect, it } from 'vitest';
import { rawRequest, startSandbox, useSandbox } from './helpers.js';

const running = useSandbox({ token: 'secret-token' });

describe('authentication', () => {
  it('answers 401 problem+json without a bearer token', async () => {
    const response = await running().api('/api/v4/leads', { token: null });
    expect(response.status).toBe(401);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect(response.body).toEqual({ title: 'Unauthorized', type: 'https://httpstatus.es/401', status: 401, detail: expect.any(String) });
  });

  it('answers 401 with a wrong token, or a token in another scheme', async () => {
    expect((await running().api('/api/v4/account', { token: 'sandbox-token' })).status).toBe(401);
    const basic = await running().api('/api/v4/account', { token: null, headers: { authorization: 'Basic secret-token' } });
    expect(basic.status).toBe(401);
  });

  it('accepts the configured token with any casing of "Bearer"', async () => {
    const response = await running().api('/api/v4/account', { token: null, headers: { authorization: 'bearer secret-token' } });
    expect(response.status).toBe(200);
    expect(running().sandbox.token).toBe('secret-token');
  });

  it('defaults the token to sandbox-token', async () => {
    const own = await startSandbox();
    try {
      expect(own.sandbox.token).toBe('sandbox-token');
      expect((await own.api('/api/v4/account')).status).toBe(200);
    } finally {
      await own.close();
    }
  });
});

describe('errors', () => {
  it('answers 404 problem+json for unknown paths, inside /api/v4 or not', async () => {
    for (const path of ['/api/v4/nothing', '/api/v4/leads/1/nothing', '/api/v2/leads', '/']) {
      const response = await running().api(path);
      expect(response.status, path).toBe(404);
      expect(response.headers.get('content-type')).toBe('application/problem+json');
      expect(response.body).toMatchObject({ title: 'Not Found', type: 'https://httpstatus.es/404', status: 404 });
    }
  });

  it('answers 400 for an id in the path that is not a positive integer', async () => {
    for (const path of ['/api/v4/leads/abc', '/api/v4/contacts/0', '/api/v4/companies/-4', '/api/v4/leads/pipelines/x/statuses', '/api/v4/users/1e3']) {
      const response = await running().api(path);
      expect(response.status, path).toBe(400);
      expect(response.body.detail).toMatch(/positive integer/);
    }
  });

  it('answers 405 with Allow for a method the sandbox does not serve on a known path', async () => {
    for (const method of ['POST', 'PATCH', 'DELETE']) {
      const response = await running().api('/api/v4/account', { method });
      expect(response.status, method).toBe(405);
      expect(response.headers.get('allow')).toBe('GET');
      expect(response.body).toMatchObject({ title: 'Method Not Allowed', status: 405 });
    }
  });

  it('answers 400 for a query string with broken percent-encoding', async () => {
    const response = await rawRequest(running().url, '/api/v4/leads?query=%E0%A4%A', { headers: { authorization: 'Bearer secret-token' } });
    expect(response.status).toBe(400);
  });

  it('puts an X-Request-Id on every response, success, 204 or error', async () => {
    const seen = new Set<string>();
    for (const [path, token] of [['/api/v4/account', undefined], ['/api/v4/leads/1', undefined], ['/api/v4/nothing', undefined], ['/api/v4/leads', null]] as const) {
      const response = await running().api(path, { token });
      const id = response.headers.get('x-request-id');
      expect(id).toMatch(/^[0-9a-f]{32}$/);
      seen.add(id!);
    }
    expect(seen.size).toBe(4);
  });

  it('answers 500 problem+json when a route fails, and logs the error', async () => {
    const own = await startSandbox();
    try {
      own.sandbox.store.leads.get(20_000_002)!.custom_fields_values = null as never;
      const response = await own.api('/api/v4/leads/20000002');
      expect(response.status).toBe(500);
      expect(response.body).toEqual({ title: 'Internal Server Error', type: 'https://httpstatus.es/500', status: 500, detail: 'An unknown error occurred.' });
      expect(own.sandbox.log.last()!.error).toBeDefined();
    } finally {
      await own.close();
    }
  });
});

describe('204 No Content', () => {
  it('for an unknown id of any entity', async () => {
    for (const path of ['/api/v4/leads/1', '/api/v4/contacts/1', '/api/v4/companies/1', '/api/v4/users/1', '/api/v4/leads/pipelines/1', '/api/v4/leads/custom_fields/1', '/api/v4/leads/pipelines/3000001/statuses/1']) {
      const response = await running().api(path);
      expect(response.status, path).toBe(204);
      expect(response.text).toBe('');
    }
  });

  it('for a page past the end of every list', async () => {
    for (const path of ['/api/v4/leads', '/api/v4/contacts', '/api/v4/companies', '/api/v4/users', '/api/v4/leads/tags', '/api/v4/leads/custom_fields', '/api/v4/leads/loss_reasons']) {
      expect((await running().api(`${path}?page=50&limit=250`)).status, path).toBe(204);
    }
  });
});

describe('deleted entities', () => {
  it('are hidden from lists and answer 204 by id', async () => {
    const store = running().sandbox.store;
    for (const type of ['leads', 'contacts', 'companies'] as const) {
      const deleted = store.entities(type).values().find((row) => row.is_deleted)!;
      expect((await running().api(`/api/v4/${type}/${deleted.id}`)).status).toBe(204);
      expect((await running().api(`/api/v4/${type}?filter[id]=${deleted.id}`)).status).toBe(204);
    }
  });

  it('are listed, and only they, with with=only_deleted', async () => {
    const store = running().sandbox.store;
    const deleted = store.leads.values().filter((lead) => lead.is_deleted);
    const { body } = await running().api('/api/v4/leads?with=only_deleted&limit=250');
    expect(body._embedded.leads.map((lead: { id: number }) => lead.id)).toEqual(deleted.map((lead) => lead.id));
    expect(body._embedded.leads.every((lead: { is_deleted: boolean }) => lead.is_deleted)).toBe(true);
    const one = await running().api(`/api/v4/leads/${deleted[0]!.id}?with=only_deleted`);
    expect(one.status).toBe(200);
    expect(one.body.is_deleted).toBe(true);
  });

  it('follow changes tests make to the store', async () => {
    const own = await startSandbox();
    try {
      const lead = own.sandbox.store.leads.values().find((row) => !row.is_deleted)!;
      expect((await own.api(`/api/v4/leads/${lead.id}`)).status).toBe(200);
      lead.is_deleted = true;
      expect((await own.api(`/api/v4/leads/${lead.id}`)).status).toBe(204);
    } finally {
      await own.close();
    }
  });
});
