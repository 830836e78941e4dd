// Who may ask the gateway anything: runs the configured client-authentication strategies
// (src/auth/client) before a request body is read, records the resulting Principal for the
// context factory (`principalOf(request)`), and answers a refusal itself in the GraphQL-over-HTTP
// style, so a refused request never reaches parsing, execution or amoCRM.
//
// Two checkpoints, so that no GraphQL request slips through and no other route is disturbed:
// - `onRequest` guards the GraphQL endpoint (and, with `protect: 'all'`, every route not under a
//   public prefix) before the route plugins listed after this one, and before GraphQL parsing;
// - `onRequestParse` is reached only by requests Yoga is about to run as GraphQL, whatever their
//   path (Yoga also serves `/anything/graphql`): one that has no principal yet is authenticated
//   there, so neither a public prefix nor an odd URL can open the GraphQL endpoint.
// Yoga answers CORS preflights, /healthz and the GraphiQL page before any plugin of ours runs;
// OPTIONS is never guarded anyway.

import type { Plugin } from 'graphql-yoga';
import { createAnonymousAuth } from '../auth/client/anonymous.js';
import { API_KEY_HEADER } from '../auth/client/api-key.js';
import { ClientAuthUnavailableError, type ClientAuthResult, type ClientAuthStrategy } from '../auth/client/types.js';
import { WIDGET_TOKEN_HEADER } from '../auth/client/widget-token.js';
import type { Principal } from '../auth/types.js';

export interface ClientAuthOptions {
  /** Tried in order; the first with a verdict decides. Order matters only for custom strategies. */
  strategies: readonly ClientAuthStrategy[];
  /** Requests with no credentials at all act as the anonymous principal (sandbox, GATEWAY_ALLOW_ANONYMOUS). */
  allowAnonymous: boolean;
  /**
   * Which requests need credentials. `graphql` (default): GraphQL requests only; every other route
   * passes untouched. `all`: every route except those under `publicPaths` (protects e.g. /metrics
   * when this plugin is listed before the plugin serving it; unknown paths then answer 401, not 404).
   */
  protect?: 'graphql' | 'all';
  /**
   * Path prefixes, matched by whole segments, that never need credentials at `onRequest`. They
   * cannot open GraphQL: a request under one that Yoga would still run as GraphQL is checked anyway.
   */
  publicPaths?: readonly string[];
  /** Names the protection space in `WWW-Authenticate`. Default `amocrm-graphql`. */
  realm?: string;
  /**
   * Headers that carry credentials, configured or not: two of them in one request is a conflict
   * (400), and one that no strategy reads is refused rather than ignored.
   */
  credentialHeaders?: readonly string[];
}

export const DEFAULT_PUBLIC_PATHS: readonly string[] = ['/healthz', '/graphiql', '/oauth'];
export const DEFAULT_CREDENTIAL_HEADERS: readonly string[] = ['authorization', WIDGET_TOKEN_HEADER, API_KEY_HEADER];

// One map for every instance of the plugin: the request object is the key and goes away with it.
const principals = new WeakMap<Request, Principal>();

/**
 * The principal client authentication established for this request, for the context factory:
 * `context: ({ request }) => ({ principal: principalOf(request), ... })`. Undefined only when the
 * plugin is not installed (or the request is not a GraphQL request): treat that as a refusal.
 */
export function principalOf(request: Request): Principal | undefined {
  return principals.get(request);
}

/** What a refusal answer says; `code` is the GraphQL error code, `reason` the stable detail. */
interface Refusal {
  status: 400 | 401 | 403 | 500 | 503;
  code: 'UNAUTHENTICATED' | 'FORBIDDEN' | 'BAD_REQUEST' | 'SERVICE_UNAVAILABLE' | 'INTERNAL_SERVER_ERROR';
  reason: string;
  message: string;
  /** `WWW-Authenticate` challenges (401 only). */
  challenges: string[];
}

type Decision = { ok: true; principal: Principal } | { ok: false; refusal: Refusal };

interface Logger {
  debug(...args: unknown[]): void;
  warn(...args: unknown[]): void;
  error(...args: unknown[]): void;
}

/** A refusal as plain data, for transports that answer it themselves (graphql-ws). */
export interface ClientAuthRefusal {
  status: number;
  code: string;
  reason: string;
  message: string;
}

/** The plugin, plus the same check for requests that never pass through Yoga's HTTP pipeline. */
export interface ClientAuthPlugin extends Plugin {
  /** Authenticates `request` by its headers and records its principal; null when accepted. */
  authenticate(request: Request): Promise<ClientAuthRefusal | null>;
}

export function useClientAuth(options: ClientAuthOptions): ClientAuthPlugin {
  const strategies = [...options.strategies];
  if (strategies.length === 0 && !options.allowAnonymous) {
    throw new TypeError('useClientAuth: no strategies and anonymous access off: every request would be refused');
  }
  const protect = options.protect ?? 'graphql';
  const publicPrefixes = (options.publicPaths ?? DEFAULT_PUBLIC_PATHS).map(normalizePrefix);
  const realm = quoted(options.realm ?? 'amocrm-graphql');
  const credentialHeaders = [...new Set((options.credentialHeaders ?? DEFAULT_CREDENTIAL_HEADERS).map((h) => h.toLowerCase()))];
  const chain = [...strategies, createAnonymousAuth({ allow: options.allowAnonymous })];
  const schemes = [...new Set(strategies.flatMap((s) => (s.scheme ? [s.scheme] : [])))];
  const everyChallenge = schemes.map((scheme) => `${scheme} realm=${realm}`);
  const accepts = strategies.flatMap((s) => (s.hint ? [s.hint] : []));
  const acceptsText = accepts.length ? ` Send ${joinOr(accepts)}.` : '';

  let graphqlEndpoint = '/graphql';
  let logger: Logger | undefined;

  const isPublic = (path: string) => publicPrefixes.some((prefix) => path === prefix || path.startsWith(`${prefix}/`));
  const isGraphQLPath = (path: string) => path === graphqlEndpoint || path === `${graphqlEndpoint}/`;

  const needsCredentials = (request: Request, path: string): boolean => {
    if (request.method === 'OPTIONS') return false;
    if (isGraphQLPath(path)) return true;
    if (isPublic(path)) return false;
    return protect === 'all';
  };

  const refuse = (status: Refusal['status'], reason: string, message: string, challenges: string[] = []): Decision => ({
    ok: false,
    refusal: { status, code: codeFor(status), reason, message, challenges: status === 401 ? challenges : [] },
  });

  async function decide(headers: Headers): Promise<Decision> {
    const sent = credentialHeaders.filter((name) => headers.has(name));
    const claimed = strategies.filter((strategy) => strategy.present(headers));
    if (sent.length > 1 || claimed.length > 1) {
      return refuse(400, 'CONFLICTING_CREDENTIALS', `The request carries more than one credential (${sent.join(', ')}); send exactly one.`);
    }
    if (sent.length === 1 && claimed.length === 0) {
      return refuse(401, 'UNSUPPORTED_CREDENTIALS', `This gateway does not accept the credential sent in ${headerName(sent[0]!)}.${acceptsText}`, everyChallenge);
    }
    for (const strategy of chain) {
      let result: ClientAuthResult | null;
      try {
        result = await strategy.authenticate(headers);
      } catch (error) {
        if (error instanceof ClientAuthUnavailableError) {
          logger?.warn(`client auth (${strategy.method}): ${error.message}`, error.cause instanceof Error ? error.cause.message : '');
          return refuse(503, 'AUTHENTICATION_UNAVAILABLE', 'Credentials cannot be checked right now; try again shortly.');
        }
        // A strategy's bug: its message may quote the credential, so only the method is logged.
        logger?.error(`client auth (${strategy.method}) failed unexpectedly`, error instanceof Error ? error.name : typeof error);
        return refuse(500, 'AUTHENTICATION_FAILED', 'Credentials could not be checked.');
      }
      if (result === null) continue;
      if (result.ok) return result;
      logger?.debug(`client auth (${strategy.method}) refused: ${result.code}`);
      const challenge = strategy.scheme
        ? [`${strategy.scheme} realm=${realm}, error="invalid_token", error_description=${quoted(result.message)}`]
        : everyChallenge;
      return refuse(result.status, result.code, result.message, challenge);
    }
    return refuse(401, 'CREDENTIALS_REQUIRED', `Authentication required.${acceptsText}`, everyChallenge);
  }

  async function guard(request: Request, fetchAPI: { Response: typeof Response }, endResponse: (response: Response) => void): Promise<void> {
    const decision = await decide(request.headers);
    if (decision.ok) {
      principals.set(request, decision.principal);
      return;
    }
    endResponse(refusalResponse(fetchAPI, request, decision.refusal));
  }

  return {
    async authenticate(request) {
      const decision = await decide(request.headers);
      if (!decision.ok) {
        const { status, code, reason, message } = decision.refusal;
        return { status, code, reason, message };
      }
      principals.set(request, decision.principal);
      return null;
    },
    onYogaInit({ yoga }) {
      graphqlEndpoint = yoga.graphqlEndpoint;
      logger = yoga.logger;
    },
    onRequest({ request, url, fetchAPI, endResponse }) {
      if (!needsCredentials(request, url.pathname)) return;
      return guard(request, fetchAPI, endResponse);
    },
    onRequestParse({ request, fetchAPI, endResponse }) {
      if (request.method === 'OPTIONS' || principals.has(request)) return;
      return guard(request, fetchAPI, endResponse);
    },
  };
}

function codeFor(status: Refusal['status']): Refusal['code'] {
  switch (status) {
    case 400:
      return 'BAD_REQUEST';
    case 401:
      return 'UNAUTHENTICATED';
    case 403:
      return 'FORBIDDEN';
    case 503:
      return 'SERVICE_UNAVAILABLE';
    default:
      return 'INTERNAL_SERVER_ERROR';
  }
}

function refusalResponse(fetchAPI: { Response: typeof Response }, request: Request, refusal: Refusal): Response {
  const headers: [string, string][] = [
    ['content-type', `${responseMediaType(request.headers.get('accept'))}; charset=utf-8`],
    // A refusal depends on this request's credentials: no shared cache may keep it.
    ['cache-control', 'no-store'],
    ...refusal.challenges.map((challenge): [string, string] => ['www-authenticate', challenge]),
  ];
  const body = { errors: [{ message: refusal.message, extensions: { code: refusal.code, reason: refusal.reason } }] };
  return new fetchAPI.Response(JSON.stringify(body), { status: refusal.status, headers });
}

const JSON_MEDIA_TYPES = ['application/graphql-response+json', 'application/json'];

/**
 * The JSON media type the client prefers (q-values honoured), as Yoga picks it: a wildcard or
 * no Accept means `application/json`. A client that accepts neither (an HTML-only browser, an
 * SSE-only client) still gets JSON: GraphQL-over-HTTP allows ignoring Accept instead of a 406, and
 * "you are not authenticated" says more than "not acceptable".
 */
export function responseMediaType(accept: string | null): string {
  const ranges = (accept ?? '*/*')
    .split(',')
    .map((part, index) => {
      const [type = '', ...params] = part.split(';').map((p) => p.trim().toLowerCase());
      const q = params.find((p) => p.startsWith('q='));
      return { type, q: q === undefined ? 1 : Number(q.slice(2)) || 0, index };
    })
    .filter((range) => range.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const { type } of ranges) {
    if (JSON_MEDIA_TYPES.includes(type)) return type;
    if (type === '*/*' || type === 'application/*') return 'application/json';
  }
  return 'application/json';
}

/** An RFC 9110 quoted-string from our own text: no quotes, backslashes or control characters. */
function quoted(text: string): string {
  return `"${text.replace(/["\\]/g, "'").replace(/[^\x20-\x7e]/g, ' ')}"`;
}

function normalizePrefix(prefix: string): string {
  const trimmed = prefix.trim().replace(/\/+$/, '');
  if (!trimmed) throw new TypeError('useClientAuth: "/" as a public path would make every route public; use protect: "graphql"');
  return trimmed.startsWith('/') ? trimmed : `/${trimmed}`;
}

function headerName(lower: string): string {
  return lower.replace(/(^|-)([a-z])/g, (_, dash: string, letter: string) => dash + letter.toUpperCase());
}

function joinOr(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} or ${items.at(-1)}`;
}
