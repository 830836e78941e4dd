/**
 * GraphiQL that works with no internet: Yoga's GraphiQL bundle served from our own origin as
 * cacheable, compressed static assets, behind a page of a few KB.
 *
 * Yoga's default page pulls its bundle from unpkg (blank offline); `@graphql-yoga/render-graphiql`
 * inlines ~9 MB into every page. Here the page references versioned, immutable assets instead,
 * and the 9 MB module is imported only when GraphiQL is first asked for.
 *
 * Usage: yoga's own `useGraphiQL` renders the page (it already decides when: `GET` on the
 * GraphQL endpoint with `Accept: text/html`), so it takes our renderer, and our plugin serves
 * the assets (it must be in `plugins`, which run before yoga's 404 for unknown routes):
 *
 *   const graphiql = useOfflineGraphiQL();            // assets under /graphiql/<version>/
 *   const yoga = createYoga({
 *     schema,
 *     graphiql: { title: 'amoCRM GraphQL', defaultQuery: '{ leads { nodes { name } } }' },
 *     renderGraphiQL: graphiql.renderGraphiQL,
 *     plugins: [graphiql.plugin],
 *   });
 */
import type { NonSharedBuffer } from 'node:buffer';
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { promisify } from 'node:util';
import { brotliCompress, constants as zlibConstants, gzip } from 'node:zlib';
import type { GraphiQLOptions, Plugin } from 'graphql-yoga';

type Bundle = typeof import('@graphql-yoga/render-graphiql/graphiql');
type Encoding = 'br' | 'gzip';

export interface OfflineGraphiQLOptions {
  /** URL path the assets are served under; the package version is appended. Default `/graphiql`. */
  path?: string;
}

export interface OfflineGraphiQL {
  /** Serves the assets; add to `createYoga({ plugins })`. */
  plugin: Plugin;
  /** Pass as `createYoga({ renderGraphiQL })`; receives yoga's `graphiql` options. */
  renderGraphiQL: (opts?: GraphiQLOptions) => string;
  /** Where the assets live, e.g. `/graphiql/5.24.1`. */
  assetsPath: string;
}

interface AssetSpec {
  key: keyof Bundle;
  type: string;
}

const ASSETS: Record<string, AssetSpec> = {
  'yoga-graphiql.js': { key: 'js', type: 'text/javascript; charset=utf-8' },
  'yoga-graphiql.css': { key: 'css', type: 'text/css; charset=utf-8' },
  'editor.worker.js': { key: 'editorWorkerService', type: 'text/javascript; charset=utf-8' },
  'json.worker.js': { key: 'jsonWorker', type: 'text/javascript; charset=utf-8' },
  'graphql.worker.js': { key: 'graphqlWorker', type: 'text/javascript; charset=utf-8' },
  'favicon.ico': { key: 'favicon', type: 'image/x-icon' },
};

// Monaco asks for a worker by label; these are the labels the inline renderer wires up.
const WORKERS = {
  editorWorkerService: 'editor.worker.js',
  json: 'json.worker.js',
  graphql: 'graphql.worker.js',
};

// The URL carries the version, so a browser may keep an asset for good.
const CACHE_CONTROL = 'public, max-age=31536000, immutable';

// In preference order. Brotli at quality 5 compresses the 5 MB script in ~0.2 s and still beats
// gzip -9 by ~10%; quality 11 would take ~9 s on the first request.
const ENCODINGS: readonly Encoding[] = ['br', 'gzip'];
const brotliAsync = promisify(brotliCompress);
const gzipAsync = promisify(gzip);
const compressors: Record<Encoding, (raw: NonSharedBuffer) => Promise<NonSharedBuffer>> = {
  br: (raw) =>
    brotliAsync(raw, {
      params: {
        [zlibConstants.BROTLI_PARAM_QUALITY]: 5,
        [zlibConstants.BROTLI_PARAM_SIZE_HINT]: raw.length,
      },
    }),
  gzip: (raw) => gzipAsync(raw, { level: 9 }),
};

const bundleVersion: string = (
  createRequire(import.meta.url)('@graphql-yoga/render-graphiql/package.json') as { version: string }
).version;

interface Asset {
  type: string;
  raw: NonSharedBuffer;
  etag: string;
  // Each encoding is compressed once, on first demand; undefined means "not worth it".
  encoded: Map<Encoding, Promise<NonSharedBuffer | undefined>>;
}

export function useOfflineGraphiQL(options: OfflineGraphiQLOptions = {}): OfflineGraphiQL {
  const base = normalizePath(options.path ?? '/graphiql');
  const assetsPath = `${base}/${bundleVersion}`;
  const assets = createAssetStore();

  const renderGraphiQL = (opts: GraphiQLOptions = {}): string => {
    // The browser asks for the assets right after the page: start the import now.
    assets.warm();
    return renderPage(opts, assetsPath);
  };

  const plugin: Plugin = {
    onRequest({ url, request, fetchAPI, endResponse }) {
      // Synchronous for every other route, so GraphQL requests pay no extra tick.
      if (!url.pathname.startsWith(`${base}/`)) return;
      // Everything under our prefix is ours: unknown names get a 404 here, not yoga's landing page.
      const name = url.pathname.startsWith(`${assetsPath}/`)
        ? url.pathname.slice(assetsPath.length + 1)
        : undefined;
      const spec = name !== undefined && Object.hasOwn(ASSETS, name) ? ASSETS[name] : undefined;
      if (!spec) {
        endResponse(new fetchAPI.Response('Not Found', { status: 404 }));
        return;
      }
      if (request.method !== 'GET' && request.method !== 'HEAD') {
        endResponse(
          new fetchAPI.Response('Method Not Allowed', { status: 405, headers: { Allow: 'GET, HEAD' } }),
        );
        return;
      }
      return serveAsset(assets, spec, request, fetchAPI).then(endResponse);
    },
  };

  return { plugin, renderGraphiQL, assetsPath };
}

async function serveAsset(
  assets: AssetStore,
  spec: AssetSpec,
  request: Request,
  fetchAPI: { Response: typeof Response },
): Promise<Response> {
  const asset = await assets.get(spec);
  const encoding = pickEncoding(request.headers.get('accept-encoding'));
  const encoded = encoding && (await assets.encode(asset, encoding));
  const headers: Record<string, string> = {
    'Cache-Control': CACHE_CONTROL,
    Vary: 'Accept-Encoding',
    // A strong validator must differ between representations (RFC 9110 8.8.3).
    ETag: encoded ? `${asset.etag.slice(0, -1)}-${encoding}"` : asset.etag,
  };
  if (matchesETag(request.headers.get('if-none-match'), asset.etag)) {
    return new fetchAPI.Response(null, { status: 304, headers });
  }
  const body = encoded || asset.raw;
  if (encoded) headers['Content-Encoding'] = encoding;
  headers['Content-Type'] = asset.type;
  headers['Content-Length'] = String(body.length);
  return new fetchAPI.Response(request.method === 'HEAD' ? null : body, { status: 200, headers });
}

type AssetStore = ReturnType<typeof createAssetStore>;

function createAssetStore() {
  let bundle: Promise<Bundle> | undefined;
  // Promises, not values: concurrent first requests must share one decode and one compression.
  const assets = new Map<keyof Bundle, Promise<Asset>>();

  const load = (): Promise<Bundle> => {
    bundle ??= import('@graphql-yoga/render-graphiql/graphiql').catch((error: unknown) => {
      bundle = undefined; // let a later request retry rather than cache the failure
      throw error;
    });
    return bundle;
  };

  const build = async (spec: AssetSpec): Promise<Asset> => {
    const source = (await load())[spec.key];
    const raw = spec.key === 'favicon' ? decodeDataUrl(source) : Buffer.from(source, 'utf8');
    const etag = `"${createHash('sha256').update(raw).digest('base64url').slice(0, 22)}"`;
    return { type: spec.type, raw, etag, encoded: new Map() };
  };

  return {
    warm(): void {
      load().catch(() => {
        // Surfaces on the asset request that needs it.
      });
    },

    get(spec: AssetSpec): Promise<Asset> {
      let asset = assets.get(spec.key);
      if (!asset) {
        asset = build(spec);
        asset.catch(() => assets.delete(spec.key));
        assets.set(spec.key, asset);
      }
      return asset;
    },

    encode(asset: Asset, encoding: Encoding): Promise<NonSharedBuffer | undefined> {
      let pending = asset.encoded.get(encoding);
      if (!pending) {
        pending = compressors[encoding](asset.raw).then(
          // Content that barely shrinks is not worth the client's CPU.
          (out) => (out.length < asset.raw.length * 0.9 ? out : undefined),
          () => undefined,
        );
        asset.encoded.set(encoding, pending);
      }
      return pending;
    },
  };
}

function renderPage(opts: GraphiQLOptions, assetsPath: string): string {
  const title = escapeHtml(opts.title || 'Yoga GraphiQL');
  const favicon = escapeHtml(opts.favicon || `${assetsPath}/favicon.ico`);
  const workers = Object.fromEntries(
    Object.entries(WORKERS).map(([label, file]) => [label, `${assetsPath}/${file}`]),
  );
  // Plain same-origin URLs, not Blob URLs: the inline renderer only needed blobs because it had
  // no URL to point at, and the CDN one because browsers refuse cross-origin worker scripts.
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${title}</title>
    <link rel="icon" href="${favicon}" />
    <link rel="stylesheet" href="${assetsPath}/yoga-graphiql.css" />
  </head>
  <body id="body" class="no-focus-outline">
    <noscript>You need to enable JavaScript to run this app.</noscript>
    <div id="root">Loading ${title}…</div>
    <script>
      (function () {
        var workers = ${scriptJson(workers)};
        self.MonacoEnvironment = {
          globalAPI: false,
          getWorkerUrl: function (moduleId, label) {
            return workers[label] || workers.editorWorkerService;
          },
        };
      })();
    </script>
    <script src="${assetsPath}/yoga-graphiql.js"></script>
    <script>
      YogaGraphiQL.renderYogaGraphiQL(document.querySelector('#root'), ${scriptJson(opts)});
    </script>
  </body>
</html>
`;
}

function normalizePath(path: string): string {
  const trimmed = path.replace(/\/+$/, '');
  return trimmed.startsWith('/') ? trimmed : `/${trimmed}`;
}

function decodeDataUrl(url: string): NonSharedBuffer {
  const comma = url.indexOf(',');
  const meta = url.slice(0, comma);
  const data = url.slice(comma + 1);
  return meta.endsWith(';base64') ? Buffer.from(data, 'base64') : Buffer.from(decodeURIComponent(data));
}

/** Best encoding the client accepts (q > 0), honouring `*` and `q=0`. */
function pickEncoding(header: string | null): Encoding | undefined {
  if (!header) return undefined;
  const weights = new Map<string, number>();
  for (const part of header.split(',')) {
    const [name = '', ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    weights.set(name.trim(), q === undefined ? 1 : Number(q.slice(2)) || 0);
  }
  return ENCODINGS.find((encoding) => (weights.get(encoding) ?? weights.get('*') ?? 0) > 0);
}

/** If-None-Match uses weak comparison, and every encoding of an asset is the same content. */
function matchesETag(header: string | null, etag: string): boolean {
  if (!header) return false;
  const opaque = etag.slice(1, -1);
  return header.split(',').some((raw) => {
    const tag = raw.trim().replace(/^W\//, '');
    if (tag === '*') return true;
    const value = tag.slice(1, -1);
    return value === opaque || ENCODINGS.some((encoding) => value === `${opaque}-${encoding}`);
  });
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** JSON that cannot close the surrounding <script> (`</script>`) or open `<!--` in it. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}
