// Starts a sandbox on loopback port 0 and talks to it over real HTTP, as the gateway does.

import { request } from 'node:http';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { createSandbox, type Sandbox, type SandboxOptions } from '../../src/sandbox/index.js';

export interface ApiResponse<T = any> {
  status: number;
  headers: Headers;
  /** Parsed JSON, or `undefined` for an empty body. */
  body: T;
  text: string;
}

export interface RunningSandbox {
  sandbox: Sandbox;
  url: string;
  /** GET (by default) with the sandbox's bearer token unless `token` says otherwise (`null`: none). */
  /** `body` is sent as JSON. */
  api<T = any>(path: string, init?: { method?: string; token?: string | null; headers?: Record<string, string>; body?: unknown }): Promise<ApiResponse<T>>;
  close(): Promise<void>;
}

export async function startSandbox(options: SandboxOptions = {}): Promise<RunningSandbox> {
  const sandbox = createSandbox(options);
  const server = await sandbox.listen({ port: 0 });
  return {
    sandbox,
    url: server.url,
    async api(path, init = {}) {
      const token = init.token === undefined ? sandbox.token : init.token;
      const response = await fetch(`${server.url}${path}`, {
        method: init.method ?? 'GET',
        headers: {
          ...(token === null ? {} : { authorization: `Bearer ${token}` }),
          ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
          ...init.headers,
        },
        ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
      });
      const text = await response.text();
      const json = /json/.test(response.headers.get('content-type') ?? '');
      return { status: response.status, headers: response.headers, text, body: text && json ? JSON.parse(text) : undefined };
    },
    close: () => server.close(),
  };
}

/** One sandbox for a whole file (read-only tests); call at the top level of a test file. */
export function useSandbox(options: SandboxOptions = {}): () => RunningSandbox {
  let running: RunningSandbox | undefined;
  beforeAll(async () => {
    running = await startSandbox(options);
  });
  afterAll(async () => {
    await running?.close();
  });
  return () => {
    if (!running) throw new Error('sandbox not started');
    return running;
  };
}

/** A new sandbox for every test (tests that write); call at the top level of a test file. */
export function useFreshSandbox(options: SandboxOptions = {}): () => RunningSandbox {
  let running: RunningSandbox | undefined;
  beforeEach(async () => {
    running = await startSandbox(options);
  });
  afterEach(async () => {
    await running?.close();
    running = undefined;
  });
  return () => {
    if (!running) throw new Error('sandbox not started');
    return running;
  };
}

/** Every page of a list until the 204, with the limit given. */
export async function collectAll<T = any>(running: RunningSandbox, path: string, key: string, limit = 250): Promise<{ rows: T[]; pages: number; statuses: number[] }> {
  const rows: T[] = [];
  const statuses: number[] = [];
  const separator = path.includes('?') ? '&' : '?';
  for (let page = 1; page < 100; page++) {
    const response = await running.api(`${path}${separator}page=${page}&limit=${limit}`);
    statuses.push(response.status);
    if (response.status === 204) return { rows, pages: page - 1, statuses };
    rows.push(...response.body._embedded[key]);
  }
  throw new Error('did not reach a 204');
}

/** A request through node:http, which (unlike fetch) may set any header, Host included. */
export function rawRequest(
  url: string,
  path: string,
  options: { method?: string; headers?: Record<string, string> } = {},
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; text: string }> {
  return new Promise((resolve, reject) => {
    const target = new URL(url);
    const req = request(
      { host: target.hostname, port: target.port, path, method: options.method ?? 'GET', headers: options.headers, agent: false },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text }));
      },
    );
    req.on('error', reject);
    req.end();
  });
}
