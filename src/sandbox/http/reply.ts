// What a route returns: a status and a body, sent by the handler. Routes stay pure functions of
// the request and the store, so they are easy to read and to test.

import { problemBody } from './problem.js';

export const HAL_JSON = 'application/hal+json';
export const PROBLEM_JSON = 'application/problem+json';

export interface Reply {
  status: number;
  /** Serialised as JSON unless it is a string; absent for 204. */
  body?: unknown;
  contentType?: string;
  headers?: Record<string, string>;
}

export const hal = (body: unknown, status = 200): Reply => ({ status, body, contentType: HAL_JSON });

/** amoCRM's answer to "nothing here": an empty list, a page past the end, an unknown id. */
export const noContent = (): Reply => ({ status: 204 });

export const problem = (status: number, detail: string, options: { extra?: Record<string, unknown>; headers?: Record<string, string> } = {}): Reply => ({
  status,
  body: problemBody(status, detail, options.extra),
  contentType: PROBLEM_JSON,
  headers: options.headers,
});
