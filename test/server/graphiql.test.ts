// The offline GraphiQL over HTTP, in-process through yoga.fetch: a small page, and cacheable,
// compressed same-origin assets.
import { gunzipSync, brotliDecompressSync } from 'node:zlib';
import { createSchema, createYoga } from 'graphql-yoga';
import { describe, expect, it, vi } from 'vitest';
import { useOfflineGraphiQL } from '../../src/server/graphiql.js';

// Counts real compressions, so the test can tell a cached buffer from a fresh one.
const zlibCalls = vi.hoisted(() => ({ gzip: 0 }));
const bundleImports = vi.hoisted(() => ({ count: 0 }));
vi.mock('@graphql-yoga/render-graphiql/graphiql', async (importOriginal) => {
  bundleImports.count += 1;
  return importOriginal();
});
vi.mock('node:zlib', async (importOriginal) => {
  const zlib = await importOriginal<typeof import('node:zlib')>();
  const gzip = (...args: Parameters<typeof zlib.gzip>) => {
    zlibCalls.gzip += 1;
    return (zlib.gzip as (...a: unknown[]) => void)(...args);
  };
  return { ...zlib, gzip, default: { ...zlib, gzip } };
});

const ORIGIN = 'http://gateway.test';

function createTestYoga() {
  const graphiql = useOfflineGraphiQL();
  const yoga = createYoga({
    schema: createSchema({
      typeDefs: 'type Query { hello: String }',
      resolvers: { Query: { hello: () => 'world' } },
    }),
    graphiql: { title: 'amoCRM </title> GraphQL', defaultQuery: '{ hello } # </script>' },
    renderGraphiQL: graphiql.renderGraphiQL,
    plugins: [graphiql.plugin],
    logging: false,
  });
  const get = (path: string, headers: Record<string, string> = {}) =>
    yoga.fetch(`${ORIGIN}${path}`, { headers });
  return { yoga, get, assetsPath: graphiql.assetsPath };
}

const { yoga, get, assetsPath } = createTestYoga();

const ASSETS = {
  'yoga-graphiql.js': 'text/javascript; charset=utf-8',
  'yoga-graphiql.css': 'text/css; charset=utf-8',
  'editor.worker.js': 'text/javascript; charset=utf-8',
  'json.worker.js': 'text/javascript; charset=utf-8',
  'graphql.worker.js': 'text/javascript; charset=utf-8',
  'favicon.ico': 'image/x-icon',
};

async function page(): Promise<string> {
  const response = await get('/graphql', { accept: 'text/html' });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^text\/html/);
  return response.text();
}

describe('offline GraphiQL page', () => {
  // First in the file: the yoga instance above exists, but nobody has asked for GraphiQL yet.
  it('imports the 9 MB bundle only once GraphiQL is first asked for', async () => {
    const response = await yoga.fetch(`${ORIGIN}/graphql?query=${encodeURIComponent('{ hello }')}`);
    expect(await response.json()).toEqual({ data: { hello: 'world' } });
    expect(bundleImports.count).toBe(0);
    await page();
    await vi.waitFor(() => expect(bundleImports.count).toBe(1));
  });

  it('is a few KB and references only same-origin URLs', async () => {
    const html = await page();
    expect(Buffer.byteLength(html)).toBeLessThan(20_000);
    const absolute = html.match(/\b(?:https?:)?\/\/[^\s"'<>)]+/g) ?? [];
    const foreign = absolute.filter((url) => new URL(url, ORIGIN).origin !== ORIGIN);
    expect(foreign).toEqual([]);
    for (const name of Object.keys(ASSETS)) {
      expect(html).toContain(`${assetsPath}/${name}`);
    }
    expect(assetsPath).toMatch(/^\/graphiql\/\d+\.\d+\.\d+/);
  });

  it("passes yoga's GraphiQL options through, escaped for HTML and <script>", async () => {
    const html = await page();
    expect(html).toContain('<title>amoCRM &#60;/title&#62; GraphQL</title>');
    expect(html).toContain('"defaultQuery":"{ hello } # \\u003c/script>"');
    // Exactly the three scripts we emit: the option text closed none of them early.
    expect(html.match(/<\/script>/g)).toHaveLength(3);
  });

  it('still answers GraphQL on the same endpoint', async () => {
    const response = await yoga.fetch(`${ORIGIN}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ hello }' }),
    });
    expect(await response.json()).toEqual({ data: { hello: 'world' } });
  });
});

describe('offline GraphiQL assets', () => {
  it.each(Object.entries(ASSETS))('%s answers 200 with its type and immutable caching', async (name, type) => {
    const response = await get(`${assetsPath}/${name}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(type);
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(response.headers.get('etag')).toMatch(/^"[\w-]+"$/);
    expect(response.headers.get('vary')).toBe('Accept-Encoding');
    expect(response.headers.get('content-encoding')).toBeNull();
    const body = Buffer.from(await response.arrayBuffer());
    expect(body.length).toBeGreaterThan(1000);
    expect(response.headers.get('content-length')).toBe(String(body.length));
    if (name === 'favicon.ico') expect([...body.subarray(0, 4)]).toEqual([0, 0, 1, 0]);
  });

  it('answers 304 to a matching If-None-Match, whichever encoding the tag came from', async () => {
    const path = `${assetsPath}/yoga-graphiql.css`;
    const plain = (await get(path)).headers.get('etag')!;
    const gzipped = (await get(path, { 'accept-encoding': 'gzip' })).headers.get('etag')!;
    expect(gzipped).not.toBe(plain);
    for (const tag of [plain, `W/${gzipped}`, `"other", ${plain}`]) {
      const response = await get(path, { 'if-none-match': tag });
      expect(response.status).toBe(304);
      expect(await response.text()).toBe('');
      expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    }
    expect((await get(path, { 'if-none-match': '"stale"' })).status).toBe(200);
  });

  it('compresses for clients that accept it, and the content is unchanged', async () => {
    const path = `${assetsPath}/yoga-graphiql.js`;
    const raw = Buffer.from(await (await get(path)).arrayBuffer());

    const gz = await get(path, { 'accept-encoding': 'gzip' });
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    const gzBody = Buffer.from(await gz.arrayBuffer());
    expect(gzBody.length).toBeLessThan(raw.length / 2);
    expect(gunzipSync(gzBody).equals(raw)).toBe(true);

    const br = await get(path, { 'accept-encoding': 'gzip, deflate, br, zstd' });
    expect(br.headers.get('content-encoding')).toBe('br');
    expect(brotliDecompressSync(Buffer.from(await br.arrayBuffer())).equals(raw)).toBe(true);

    const refused = await get(path, { 'accept-encoding': 'br;q=0, gzip;q=0' });
    expect(refused.headers.get('content-encoding')).toBeNull();
  });

  it('compresses an asset once, even under concurrent first requests, and reuses the buffer', async () => {
    const fresh = createTestYoga();
    const path = `${fresh.assetsPath}/graphql.worker.js`;
    const before = zlibCalls.gzip;
    const first = await Promise.all([1, 2, 3].map(() => fresh.get(path, { 'accept-encoding': 'gzip' })));
    const again = await fresh.get(path, { 'accept-encoding': 'gzip' });
    for (const response of [...first, again]) expect(response.headers.get('content-encoding')).toBe('gzip');
    expect(zlibCalls.gzip - before).toBe(1);
  });

  it('answers HEAD with headers only', async () => {
    const response = await yoga.fetch(`${ORIGIN}${assetsPath}/yoga-graphiql.css`, { method: 'HEAD' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/css; charset=utf-8');
    expect(await response.text()).toBe('');
  });

  it('answers 404 for unknown names and other versions, 405 for other methods', async () => {
    expect((await get(`${assetsPath}/nope.js`)).status).toBe(404);
    expect((await get(`${assetsPath}/constructor`)).status).toBe(404);
    expect((await get('/graphiql/0.0.0/yoga-graphiql.js')).status).toBe(404);
    expect((await get('/graphiql/', { accept: 'text/html' })).status).toBe(404);
    const post = await yoga.fetch(`${ORIGIN}${assetsPath}/yoga-graphiql.js`, { method: 'POST' });
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET, HEAD');
  });
});
