// The plain undici client both baselines use: keep-alive connections to the sandbox, JSON in and
// out, nothing else. Each baseline is then only the sequence of calls it makes.

import { Pool } from 'undici';

export type Query = [string, string | number][];

export interface RestClient {
  /** The parsed body, or null for amoCRM's 204 "nothing here". */
  get(path: string, query?: Query): Promise<any>;
  post(path: string, body: unknown): Promise<any>;
  close(): Promise<void>;
}

const encodeQuery = (query: Query) => query.map(([key, value]) => `${key}=${encodeURIComponent(String(value))}`).join('&');

export function createRestClient(options: { baseUrl: string; token: string }): RestClient {
  const pool = new Pool(options.baseUrl, { connections: 4, keepAliveTimeout: 30_000 });
  const headers = { authorization: `Bearer ${options.token}`, 'user-agent': 'amocrm-graphql-bench-baseline' };

  async function call(method: 'GET' | 'POST', path: string, body?: unknown): Promise<any> {
    const response = await pool.request({
      method,
      path,
      headers: body === undefined ? headers : { ...headers, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (response.statusCode === 204) {
      await response.body.dump();
      return null;
    }
    const text = await response.body.text();
    if (response.statusCode >= 300) throw new Error(`${method} ${path.split('?')[0]} answered ${response.statusCode}: ${text.slice(0, 200)}`);
    return JSON.parse(text);
  }

  return {
    get: (path, query = []) => call('GET', query.length > 0 ? `${path}?${encodeQuery(query)}` : path),
    post: (path, body) => call('POST', path, body),
    close: () => pool.close(),
  };
}

/** `filter[id][]` pairs, the PHP-array form amoCRM reads. */
export const idFilter = (ids: readonly number[]): Query => ids.map((id) => ['filter[id][]', id]);

export function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
