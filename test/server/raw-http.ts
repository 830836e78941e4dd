// A bare HTTP/1.1 client for tests that send what fetch will not: bodies written in chunks with no
// Content-Length, any Content-Type, and bodies the server refuses before reading them. fetch
// (undici) reports ECONNRESET when the server answers before the whole body is sent and then
// closes, as it may with a 413; node:http keeps the answer.

import { Agent, request } from 'node:http';

export interface RawRequest {
  method?: string;
  /** Path and query, e.g. `/graphql?query=...` */
  path?: string;
  headers?: Record<string, string>;
  /** Sent with a Content-Length. */
  body?: string | Buffer;
  /** Sent chunked (Transfer-Encoding: chunked), with no Content-Length. */
  chunks?: Iterable<string | Buffer>;
}

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  /** The body parsed as JSON, or undefined if it is not JSON. */
  json: unknown;
}

export function createRawClient(baseUrl: string, options: { sockets?: number } = {}) {
  const base = new URL(baseUrl);
  const agent = new Agent({ keepAlive: true, maxSockets: options.sockets ?? 32 });

  function send(input: RawRequest): Promise<RawResponse> {
    const bodySize = input.body === undefined ? 0 : Buffer.byteLength(input.body);
    // A body the server may refuse unread gets its own connection, which the server may close.
    const large = bodySize > 256 * 1024 || input.chunks !== undefined;
    return new Promise<RawResponse>((resolve, reject) => {
      let answered = false;
      const req = request(
        {
          agent: large ? false : agent,
          host: base.hostname,
          port: base.port,
          method: input.method ?? 'POST',
          path: input.path ?? '/graphql',
          headers: { ...input.headers, ...(input.body !== undefined ? { 'content-length': String(bodySize) } : {}) },
        },
        (res) => {
          answered = true;
          const parts: Buffer[] = [];
          res.on('data', (part: Buffer) => parts.push(part));
          res.on('error', reject);
          res.on('end', () => {
            const text = Buffer.concat(parts).toString('utf8');
            let json: unknown;
            try {
              json = JSON.parse(text);
            } catch {
              json = undefined;
            }
            resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json });
            if (large) req.destroy(); // stop streaming a body the server has already refused
          });
        },
      );
      // After an early answer the server may close while we still write: that is the point.
      req.on('error', (error) => {
        if (!answered) reject(error);
      });
      if (input.chunks !== undefined) {
        const chunks = input.chunks[Symbol.iterator]();
        const pump = () => {
          for (let next = chunks.next(); !next.done; next = chunks.next()) {
            if (answered || req.destroyed) return;
            if (!req.write(next.value)) {
              req.once('drain', pump);
              return;
            }
          }
          req.end();
        };
        pump();
      } else {
        req.end(input.body);
      }
    });
  }

  return { send, close: () => agent.destroy() };
}
