// Graceful shutdown of the real process: with 60 slow queries in flight, SIGTERM lets every
// accepted request finish with a complete 200, refuses new connections, and exits 0. In process:
// /readyz turns 503 the moment a stop begins, and the stop waits for the request in flight.

import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createSandbox, type Sandbox } from '../../src/sandbox/index.js';
import { runEntry } from '../helpers/spawn.js';
import { TEST_TOKEN } from '../helpers/stack.js';
import { startGateway } from '../../src/server/app.js';

const IN_FLIGHT = 60;

/** Forwards to the sandbox and counts requests as they arrive, so the test knows what is in flight. */
async function countingProxy(target: string): Promise<{ url: string; arrived: () => number; idsAsked: Set<number>; close(): Promise<void> }> {
  let arrived = 0;
  const idsAsked = new Set<number>();
  const server: Server = createServer((req, res) => {
    arrived++;
    const url = new URL(req.url ?? '/', 'http://proxy');
    for (const id of url.searchParams.getAll('filter[id][]')) idsAsked.add(Number(id));
    const upstream = httpRequest(`${target}${req.url}`, { method: req.method, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    arrived: () => arrived,
    idsAsked,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe('graceful shutdown', () => {
  let sandbox: Sandbox;
  let closeSandbox: () => Promise<void>;
  let sandboxUrl: string;
  beforeAll(async () => {
    sandbox = createSandbox({ seed: 1, token: TEST_TOKEN });
    const listening = await sandbox.listen({ port: 0, host: '127.0.0.1' });
    sandboxUrl = listening.url;
    closeSandbox = () => listening.close();
  });
  afterAll(() => closeSandbox());

  it('answers every accepted request in full after SIGTERM, refuses new connections, and exits 0', async () => {
    const proxy = await countingProxy(sandboxUrl);
    sandbox.faults.set({ latencyMs: 1_000 });
    const gateway = await runEntry('src/main.ts', {
      env: {
        AMOCRM_BASE_URL: proxy.url,
        AMOCRM_TOKEN: TEST_TOKEN,
        GATEWAY_ALLOW_ANONYMOUS: 'true',
        PORT: '0',
        HOST: '127.0.0.1',
        UPSTREAM_RATE_LIMIT: '1000',
        LOG_LEVEL: 'info',
        SHUTDOWN_TIMEOUT_MS: '20000',
      },
      waitFor: /GraphiQL: (http:\/\/[^\s"]+)\/graphql/,
    });
    try {
      const base = gateway.match[1]!;
      // Warm the metadata caches, so each query below costs exactly one upstream call.
      const warm = await fetch(`${base}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: `{ leads(first: ${IN_FLIGHT}) { nodes { amoId } } }` }),
      });
      const ids = ((await warm.json()) as any).data.leads.nodes.map((lead: { amoId: number }) => lead.amoId) as number[];
      expect(ids).toHaveLength(IN_FLIGHT);
      proxy.idsAsked.clear();
      const answers = Array.from({ length: IN_FLIGHT }, (_, i) =>
        fetch(`${base}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query: `{ lead(amoId: ${ids[i]}) { amoId name } }` }),
        }).then(
          async (response) => ({ status: response.status, body: (await response.json()) as any }),
          (error: Error) => ({ status: 0, body: null, error }),
        ),
      );
      // Every query's lead has been asked for upstream (in batches): all 60 are accepted and waiting.
      await vi.waitFor(() => expect(ids.every((id) => proxy.idsAsked.has(id))).toBe(true), { timeout: 15_000, interval: 10 });
      const exit = gateway.stop();

      const results = await Promise.all(answers);
      for (const [i, result] of results.entries()) {
        expect(result.status, String((result as { error?: Error }).error)).toBe(200);
        expect(result.body.errors).toBeUndefined();
        expect(result.body.data.lead.amoId).toBe(ids[i]);
      }
      expect(await exit).toBe(0);
      await expect(fetch(`${base}/healthz`)).rejects.toThrow();
    } finally {
      sandbox.faults.set({ latencyMs: null });
      await gateway.stop();
      await proxy.close();
    }
  }, 60_000);

  it('says not ready at once and waits for the request in flight before closing', async () => {
    const proxy = await countingProxy(sandboxUrl);
    const running = await startGateway({
      port: 0,
      host: '127.0.0.1',
      upstream: { kind: 'account', baseUrl: proxy.url, token: TEST_TOKEN },
      userAgent: 'shutdown-tests',
      timeoutMs: 10_000,
      metadataTtlMs: 60_000,
      graphiql: false,
      production: false,
      allowAnonymous: true,
      log: () => {},
    });
    sandbox.faults.set({ latencyMs: 400 });
    try {
      const slow = fetch(`${running.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ account { name } }' }),
      }).then((response) => response.json() as Promise<any>);
      await vi.waitFor(() => expect(proxy.arrived()).toBeGreaterThan(0), { interval: 5 });
      let closed = false;
      const closing = running.close().then(() => void (closed = true));
      const verdict = await running.gateway.fetch('http://localhost/readyz');
      expect(verdict.status).toBe(503);
      expect(await verdict.json()).toEqual({ status: 'not ready', checks: { shutdown: 'draining' } });
      expect(closed).toBe(false);
      const answer = await slow;
      expect(answer.errors).toBeUndefined();
      expect(answer.data.account.name).toBeTruthy();
      await closing;
    } finally {
      sandbox.faults.set({ latencyMs: null });
      await proxy.close();
    }
  });
});

