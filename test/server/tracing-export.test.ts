// `npm start` with OTEL_EXPORTER_OTLP_ENDPOINT: spans leave the process over OTLP/HTTP, and the
// graceful stop flushes them. A local HTTP server stands in for the collector.

import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { runEntry } from '../helpers/spawn.js';

describe('OTLP export', () => {
  it('exports the operation span and its upstream spans to the configured endpoint, flushed on SIGTERM', async () => {
    const received: { path: string; body: string }[] = [];
    const collector = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        received.push({ path: req.url ?? '', body: Buffer.concat(chunks).toString('utf8') });
        res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      });
    });
    await new Promise<void>((resolve) => collector.listen(0, '127.0.0.1', resolve));
    const endpoint = `http://127.0.0.1:${(collector.address() as AddressInfo).port}`;
    const gateway = await runEntry('src/main.ts', {
      env: { AMOCRM_BASE_URL: undefined, AMOCRM_TOKEN: undefined, PORT: '0', HOST: '127.0.0.1', OTEL_EXPORTER_OTLP_ENDPOINT: endpoint, OTEL_SERVICE_NAME: 'amocrm-graphql-test' },
      waitFor: /GraphiQL: (http:\/\/[^\s"]+)\/graphql/,
    });
    try {
      const answer = await fetch(`${gateway.match[1]}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: 'query TracedLeads { leads(first: 2) { nodes { name company { name } } } }' }),
      });
      expect(answer.status).toBe(200);
    } finally {
      expect(await gateway.stop()).toBe(0);
      await new Promise<void>((resolve) => collector.close(() => resolve()));
    }
    const exported = received.filter((request) => request.path === '/v1/traces').map((request) => request.body).join('\n');
    expect(exported).toContain('query TracedLeads');
    expect(exported).toContain('amoCRM GET /api/v4/leads');
    expect(exported).toContain('amocrm-graphql-test');
    // The sandbox's token never travels with the spans.
    expect(exported).not.toMatch(/Bearer|authorization/i);
  });
});
