// The drive host's node:http listener: a second origin beside the API, as amoCRM's drive_url is.
// Same bearer tokens as the API, same request log (paths under /v1.0 and /download), but no
// /api/v4 here: a client that sends drive calls to the API host, or API calls here, gets a 404.

import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { HttpProblem } from '../http/problem.js';
import { parseQuery } from '../http/query-string.js';
import { problem, type Reply } from '../http/reply.js';
import type { RequestLog } from '../http/request-log.js';
import type { SandboxStore } from '../store.js';
import { routeDrive } from './routes.js';

export interface DriveHandlerOptions {
  store: SandboxStore;
  log: RequestLog;
  now: () => number;
  /** Whether a bearer token (null: none) opens the account. */
  authorized(token: string | null): boolean;
}

/** Reads up to `limit` bytes; null when the body is larger (read to the end, then refused). */
async function readBytes(req: IncomingMessage, limit: number): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size <= limit) chunks.push(chunk);
  }
  return size > limit ? null : Buffer.concat(chunks);
}

function write(res: ServerResponse, reply: Reply): void {
  for (const [name, value] of Object.entries(reply.headers ?? {})) res.setHeader(name, value);
  res.statusCode = reply.status;
  if (reply.status === 204 || reply.body === undefined) return void res.end();
  const payload = Buffer.isBuffer(reply.body) ? reply.body : Buffer.from(JSON.stringify(reply.body));
  res.setHeader('content-type', reply.contentType ?? 'application/json');
  res.setHeader('content-length', payload.length);
  res.end(payload);
}

export function createDriveHandler(options: DriveHandlerOptions) {
  let seq = 0;
  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const started = performance.now();
    const at = options.now();
    const url = req.url ?? '/';
    const queryAt = url.indexOf('?');
    const path = (queryAt === -1 ? url : url.slice(0, queryAt)).replace(/\/+$/, '') || '/';
    const rawQuery = queryAt === -1 ? '' : url.slice(queryAt + 1);
    const { pairs, tree } = parseQuery(rawQuery);
    const requestId = randomBytes(16).toString('hex');
    const match = /^Bearer\s+(.+)$/i.exec(req.headers.authorization ?? '');
    const authorized = options.authorized(match ? match[1]!.trim() : null);
    const method = req.method ?? 'GET';
    const notes: string[] = [];
    res.setHeader('x-request-id', requestId);
    // A part is at most max_part_size; JSON bodies are small. Some slack for a client's framing.
    const body = await readBytes(req, options.store.drive.limits.maxPartSize + 64 * 1024);
    let reply: Reply;
    if (!authorized) {
      reply = problem(401, 'Unauthorized');
    } else if (body === null) {
      reply = problem(413, `The body is over max_part_size (${options.store.drive.limits.maxPartSize} bytes)`);
    } else {
      try {
        reply = routeDrive({
          drive: options.store.drive,
          method,
          path,
          query: tree,
          rawQuery,
          origin: `http://${req.headers.host ?? `${req.socket.localAddress}:${req.socket.localPort}`}`,
          body,
          contentType: req.headers['content-type'] ?? '',
          now: options.now,
          userId: options.store.account.current_user_id,
        });
      } catch (cause) {
        if (!(cause instanceof HttpProblem)) throw cause;
        reply = problem(cause.status, cause.message, { extra: cause.extra });
      }
    }
    write(res, reply);
    options.log.add({
      seq: ++seq,
      method,
      // The upload token is a credential for its session: the log keeps the route only.
      path: path.startsWith('/v1.0/sessions/upload/') ? '/v1.0/sessions/upload/:token' : path,
      query: pairs.map(([key, value]) => [key, value]),
      status: reply.status,
      authorized,
      userAgent: req.headers['user-agent'] ?? null,
      at,
      durationMs: Math.round((performance.now() - started) * 1000) / 1000,
      requestId,
      notes,
    });
  }
  return (req: IncomingMessage, res: ServerResponse): void => {
    handle(req, res).catch((cause: unknown) => {
      if (!res.headersSent) write(res, problem(500, 'An unknown error occurred.'));
      else res.destroy(cause instanceof Error ? cause : undefined);
    });
  };
}
