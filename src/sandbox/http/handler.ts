// The node:http request listener: request id, request log, the /__sandbox endpoints, the faults
// decided at arrival, the interceptors, bearer auth, the OAuth endpoints, routing and the replies.
// amoCRM-shaped from the first byte: bodies are hal+json or problem+json (nginx HTML for the
// gateway-level faults), 204s carry no body, every response has an X-Request-Id.

import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { setTimeout as delay } from 'node:timers/promises';
import type { FaultName, FaultPlan } from '../faults/plan.js';
import { resetSocket } from '../faults/reset.js';
import type { SandboxStore } from '../store.js';
import { readBody } from './body.js';
import type { RequestContext } from './context.js';
import type { Endpoints } from './endpoints.js';
import type { InterceptorResponse, SandboxInterceptor } from './intercept.js';
import { HttpProblem } from './problem.js';
import { parseQuery } from './query-string.js';
import { problem, type Reply } from './reply.js';
import type { RequestLog } from './request-log.js';
import { createRouter, type Route } from './router.js';

/** Whether a request may use /api/v4; `note` (e.g. `access token expired`) goes into the request log. */
export interface Authentication {
  ok: boolean;
  note?: string;
}

export interface HandlerOptions {
  store: SandboxStore;
  /** Decides on the bearer token (null: none) of a request that came to `host` (host:port). */
  authenticate(request: { token: string | null; host: string }): Authentication;
  now: () => number;
  log: RequestLog;
  routes: readonly Route[];
  interceptors: () => readonly SandboxInterceptor[];
  /** Decides at each arrival whether (and how) to fault the request; `null` handles it as usual. */
  faults?: { plan(request: { method: string; path: string; at: number }): FaultPlan | null };
  /** More unlogged, unauthenticated endpoints beside /__sandbox/requests, by exact path. */
  admin?: Readonly<Record<string, AdminEndpoint>>;
  /** Logged, intercepted endpoints outside /api/v4 that authenticate and route themselves (OAuth). */
  endpoints?: Endpoints;
  /** Called before an /api/v4 write is routed; the function it returns runs once the reply is sent (webhooks). */
  observeWrite?: () => () => void;
}

export type AdminEndpoint = (req: IncomingMessage) => Reply | Promise<Reply>;

const ADMIN_PATH = '/__sandbox/requests';

/** A batch of 250 entities with many custom fields fits; amoCRM's own cap is not documented. */
const MAX_API_BODY = 4 * 1024 * 1024;

/** An empty body is "no body"; anything else must be JSON, as amoCRM requires for /api/v4 writes. */
function parseJsonBody(text: string | null): unknown {
  if (text === null) throw new HttpProblem(400, `The request body is over ${MAX_API_BODY} bytes or was cut off`);
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new HttpProblem(400, 'The request body is not valid JSON');
  }
}

/** host:port as the client addressed it: with several listeners, which origin a request came to. */
function hostOf(req: IncomingMessage): string {
  return (req.headers.host ?? `${req.socket.localAddress ?? '127.0.0.1'}:${req.socket.localPort ?? 80}`).toLowerCase();
}

function originOf(req: IncomingMessage): string {
  const forwarded = req.headers['x-forwarded-proto'];
  const proto = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(',')[0]?.trim() === 'https' ? 'https' : 'http';
  return `${proto}://${req.headers.host ?? hostOf(req)}`;
}

function bearer(req: IncomingMessage): string | null {
  const match = /^Bearer\s+(.+)$/i.exec(req.headers.authorization ?? '');
  return match ? match[1]!.trim() : null;
}

function write(res: ServerResponse, reply: Reply | InterceptorResponse & { contentType?: string }): void {
  for (const [name, value] of Object.entries(reply.headers ?? {})) res.setHeader(name, value);
  if (reply.status === 204 || reply.body === undefined) {
    res.statusCode = reply.status;
    res.end();
    return;
  }
  const raw = typeof reply.body === 'string' || Buffer.isBuffer(reply.body);
  const payload = raw ? (reply.body as string | Buffer) : JSON.stringify(reply.body);
  if ('contentType' in reply && reply.contentType) res.setHeader('content-type', reply.contentType);
  else if (!res.hasHeader('content-type')) res.setHeader('content-type', raw ? 'text/plain; charset=utf-8' : 'application/json');
  res.setHeader('content-length', Buffer.byteLength(payload));
  res.statusCode = reply.status;
  res.end(payload);
}

export function createHandler(options: HandlerOptions) {
  const router = createRouter(options.routes);
  let seq = 0;

  function admin(req: IncomingMessage, res: ServerResponse): void {
    if (req.method === 'GET') {
      write(res, { status: 200, body: options.log.entries(), contentType: 'application/json' });
    } else if (req.method === 'DELETE') {
      options.log.clear();
      write(res, { status: 204 });
    } else {
      write(res, { ...problem(405, `${req.method} is not supported here`), headers: { allow: 'GET, DELETE' } });
    }
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = req.url ?? '/';
    const queryAt = url.indexOf('?');
    const rawPath = queryAt === -1 ? url : url.slice(0, queryAt);
    const rawQuery = queryAt === -1 ? '' : url.slice(queryAt + 1);
    let path: string;
    try {
      path = decodeURIComponent(rawPath);
    } catch {
      path = rawPath;
    }
    path = path.length > 1 ? path.replace(/\/+$/, '') : path;

    // Only what the sandbox was asked for the gateway goes into the log, not the log's own endpoint.
    if (path === ADMIN_PATH) return admin(req, res);
    const endpoint = options.admin?.[path];
    if (endpoint) return write(res, await endpoint(req));

    const started = performance.now();
    const at = options.now();
    const requestId = randomBytes(16).toString('hex');
    const entrySeq = ++seq;
    const { pairs, tree, malformed } = parseQuery(rawQuery);
    const host = hostOf(req);
    const token = bearer(req);
    const auth = options.authenticate({ token, host });
    const authorized = auth.ok;
    const method = req.method ?? 'GET';
    const endpoints = options.endpoints?.has(path) ? options.endpoints : undefined;
    const notes: string[] = [];
    // Decided now, in arrival order: the rate limit counts arrivals and seeded draws replay exactly.
    const plan = options.faults?.plan({ method, path, at }) ?? null;
    const fault: FaultName | undefined = plan?.fault;
    if (plan && plan.delayMs > 0) notes.push(`latency: ${plan.delayMs} ms`);
    if (fault) notes.push(`fault: ${fault}`);
    const after = plan?.action.kind === 'route' ? plan.action.after : undefined;
    let error: string | undefined;
    let logged = false;
    const record = (status: number) => {
      if (logged) return;
      logged = true;
      options.log.add({
        seq: entrySeq,
        method,
        path,
        query: pairs.map(([key, value]) => [key, value]),
        status,
        authorized,
        userAgent: req.headers['user-agent'] ?? null,
        at,
        durationMs: Math.round((performance.now() - started) * 1000) / 1000,
        requestId,
        notes,
        ...(fault ? { fault } : {}),
        ...(error ? { error } : {}),
      });
    };
    // An interceptor may answer through `res` itself or drop the socket: log whatever happened.
    res.once('close', () => record(res.headersSent ? res.statusCode : 0));
    res.setHeader('x-request-id', requestId);
    // The OAuth endpoints and API writes read a body; everything else drains it.
    const apiWrite = !endpoints && path.startsWith('/api/v4/') && method !== 'GET' && method !== 'HEAD';
    const body = endpoints ? readBody(req) : apiWrite ? readBody(req, MAX_API_BODY) : null;
    if (!body) req.resume();

    const send = (reply: Reply | InterceptorResponse) => {
      // The client (or an interceptor) hung up: nothing was answered.
      if (req.socket.destroyed) return record(0);
      // An error after commit: the request was carried out, the client gets a gateway error.
      if (after) {
        notes.push(`real status: ${reply.status}`);
        reply = after(reply);
      }
      // Logged right after writing (same tick, so before the client can read it) to time the
      // serialisation too.
      write(res, reply);
      record(reply.status);
    };

    if (plan) {
      if (plan.delayMs > 0) await delay(plan.delayMs);
      if (req.socket.destroyed) return record(0);
      // No answer at all; the 'close' listener logs status 0.
      if (plan.action.kind === 'reset') return resetSocket(req.socket);
      if (plan.action.kind === 'answer') return send(plan.action.reply);
    }

    try {
      for (const interceptor of options.interceptors()) {
        const answer = await interceptor({
          seq: entrySeq,
          method,
          path,
          query: pairs,
          headers: req.headers,
          authorized,
          req,
          res,
        });
        if (res.writableEnded || res.destroyed || req.socket.destroyed) return;
        if (answer) return send(answer);
      }
      if (endpoints) {
        const reply = await endpoints.handle({ method, path, pairs, headers: req.headers, host, token, body: () => body!, notes });
        return send(reply);
      }
      const parsed = apiWrite ? parseJsonBody(await body!) : undefined;
      const written = apiWrite ? options.observeWrite?.() : undefined;
      try {
        send(route(req, path, rawQuery, tree, pairs, malformed, auth, notes, parsed));
      } finally {
        written?.();
      }
    } catch (cause) {
      if (cause instanceof HttpProblem) return send(problem(cause.status, cause.message, { extra: cause.extra, headers: cause.headers }));
      error = cause instanceof Error ? (cause.stack ?? cause.message) : String(cause);
      if (!res.headersSent) send(problem(500, 'An unknown error occurred.'));
    }
  }

  function route(
    req: IncomingMessage,
    path: string,
    rawQuery: string,
    query: RequestContext['query'],
    pairs: RequestContext['pairs'],
    malformed: readonly string[],
    auth: Authentication,
    notes: string[],
    body: unknown,
  ): Reply {
    if (!path.startsWith('/api/v4/')) return problem(404, `No route for ${path}`);
    // The body amoCRM sends for a missing, wrong, expired or revoked token.
    if (!auth.ok) {
      if (auth.note) notes.push(auth.note);
      return problem(401, 'Неверный логин или пароль');
    }
    const method = req.method ?? 'GET';
    const match = router.match(method, path);
    if (match.kind === 'not-found') return problem(404, `No route for ${path}`);
    if (match.kind === 'method-not-allowed') {
      return problem(405, `${method} is not supported for ${path} by the sandbox`, { headers: { allow: match.allow.join(', ') } });
    }
    if (malformed.length > 0) return problem(400, `Malformed query string near "${malformed[0]}"`);
    return match.route.handler({
      store: options.store,
      method,
      path,
      params: match.params,
      query,
      pairs,
      rawQuery,
      origin: originOf(req),
      notes,
      now: options.now,
      headers: req.headers,
      body,
    });
  }

  return (req: IncomingMessage, res: ServerResponse): void => {
    handle(req, res).catch((cause: unknown) => {
      if (!res.headersSent) {
        write(res, problem(500, 'An unknown error occurred.'));
      } else {
        res.destroy(cause instanceof Error ? cause : undefined);
      }
    });
  };
}
