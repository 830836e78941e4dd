import { describe, expect, it } from 'vitest';
import { startSandbox } from './helpers.js';

describe('the request log', () => {
  it('records every API request with its decoded query pairs, status, auth, user agent and timing', async () => {
    let clock = 1_700_000_000_000;
    const own = await startSandbox({ now: () => (clock += 1000) });
    try {
      const name = own.sandbox.store.leads.get(20_000_002)!.name;
      const formEncoded = encodeURIComponent(name).replace(/%20/g, '+');
      await own.api(`/api/v4/leads?filter%5Bid%5D%5B%5D=20000002&query=${formEncoded}&limit=5`, { headers: { 'user-agent': 'amocrm-graphql-test' } });
      await own.api('/api/v4/leads', { token: 'nope' });
      const [first, second] = own.sandbox.log.entries();
      expect(first).toMatchObject({
        seq: 1,
        method: 'GET',
        path: '/api/v4/leads',
        query: [
          ['filter[id][]', '20000002'],
          ['query', name],
          ['limit', '5'],
        ],
        status: 200,
        authorized: true,
        userAgent: 'amocrm-graphql-test',
        at: 1_700_000_001_000,
        notes: [],
      });
      expect(first!.durationMs).toBeGreaterThanOrEqual(0);
      expect(second).toMatchObject({ seq: 2, status: 401, authorized: false, at: 1_700_000_002_000 });
      expect(own.sandbox.log.count({ status: 401 })).toBe(1);
      expect(own.sandbox.log.count((entry) => entry.path.startsWith('/api/v4/leads'))).toBe(2);
      own.sandbox.log.clear();
      expect(own.sandbox.log.entries()).toEqual([]);
    } finally {
      await own.close();
    }
  });

  it('logs 204s, 404s and 405s too, with the pathname only', async () => {
    const own = await startSandbox();
    try {
      await own.api('/api/v4/leads/1?with=contacts');
      await own.api('/api/v4/nope');
      await own.api('/api/v4/account', { method: 'POST' });
      expect(own.sandbox.log.entries().map((entry) => [entry.path, entry.status])).toEqual([
        ['/api/v4/leads/1', 204],
        ['/api/v4/nope', 404],
        ['/api/v4/account', 405],
      ]);
    } finally {
      await own.close();
    }
  });

  it('answers over HTTP at /__sandbox/requests without auth, and those calls are not logged', async () => {
    const own = await startSandbox();
    try {
      await own.api('/api/v4/account');
      await own.api('/api/v4/users');
      const listed = await own.api('/__sandbox/requests', { token: null });
      expect(listed.status).toBe(200);
      expect(listed.body.map((entry: { path: string }) => entry.path)).toEqual(['/api/v4/account', '/api/v4/users']);
      expect((await own.api('/__sandbox/requests', { method: 'DELETE', token: null })).status).toBe(204);
      expect((await own.api('/__sandbox/requests', { token: null })).body).toEqual([]);
      expect(own.sandbox.log.entries()).toEqual([]);
    } finally {
      await own.close();
    }
  });
});

describe('intercept', () => {
  it('lets an interceptor answer a request before auth and routing, and logs that answer', async () => {
    const own = await startSandbox();
    try {
      const stop = own.sandbox.intercept((request) =>
        request.path === '/api/v4/leads' ? { status: 429, headers: { 'content-type': 'text/html' }, body: '<html><body>Too Many Requests</body></html>' } : undefined,
      );
      const limited = await own.api('/api/v4/leads', { token: null });
      expect(limited.status).toBe(429);
      expect(limited.headers.get('content-type')).toBe('text/html');
      expect(limited.text).toContain('Too Many Requests');
      expect(limited.headers.get('x-request-id')).toMatch(/^[0-9a-f]{32}$/);
      expect((await own.api('/api/v4/account')).status).toBe(200);
      expect(own.sandbox.log.entries().map((entry) => entry.status)).toEqual([429, 200]);
      stop();
      expect((await own.api('/api/v4/leads?limit=1')).status).toBe(200);
    } finally {
      await own.close();
    }
  });

  it('passes requests on when an interceptor returns nothing, after any delay it adds', async () => {
    const own = await startSandbox();
    try {
      const seen: string[] = [];
      own.sandbox.intercept(async (request) => {
        seen.push(`${request.method} ${request.path} ${request.authorized}`);
        await new Promise((resolve) => setTimeout(resolve, 30));
      });
      const response = await own.api('/api/v4/account');
      expect(response.status).toBe(200);
      expect(seen).toEqual(['GET /api/v4/account true']);
      expect(own.sandbox.log.last()!.durationMs).toBeGreaterThanOrEqual(25);
    } finally {
      await own.close();
    }
  });

  it('runs interceptors in order, the first answer wins, and JSON bodies are serialised', async () => {
    const own = await startSandbox();
    try {
      own.sandbox.intercept(() => ({ status: 503, body: { title: 'Service Unavailable', status: 503 } }));
      own.sandbox.intercept(() => ({ status: 500 }));
      const response = await own.api('/api/v4/account');
      expect(response.status).toBe(503);
      expect(response.body).toEqual({ title: 'Service Unavailable', status: 503 });
    } finally {
      await own.close();
    }
  });

  it('lets an interceptor drop the connection, which is still logged', async () => {
    const own = await startSandbox();
    try {
      own.sandbox.intercept((request) => {
        request.req.socket.destroy();
      });
      await expect(own.api('/api/v4/account')).rejects.toThrow();
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(own.sandbox.log.entries()).toHaveLength(1);
      expect(own.sandbox.log.last()!.status).toBe(0);
    } finally {
      await own.close();
    }
  });
});
