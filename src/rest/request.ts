// The single request pipeline every resource uses: build the URL, send JSON, read the answer,
// map 204 to "no data" and every failure to the error hierarchy. Cross-cutting behaviour (auth,
// and later rate limiting, retries, budgets) wraps `send` as layers, outermost first.

import type { Dispatcher } from 'undici';
import { errorFromNetwork, errorFromResponse, AmoBadResponseError, type RequestInfo } from './errors.js';
import { buildQuery, type QueryValue } from './query-string.js';

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

export interface AmoRequestOptions {
  method: HttpMethod;
  /** Path below the account origin, e.g. `/api/v4/leads`. */
  path: string;
  /**
   * Another origin than the account's, for the drive (files API) host only. The files resource
   * is the one caller and checks it against the account's drive_url first; the path then goes
   * to it as is, without the base URL's path prefix.
   */
  origin?: string;
  /**
   * A function is called when the request is actually sent (after the rate limiter's wait), so a
   * batch can keep gathering ids until its turn comes.
   */
  query?: Readonly<Record<string, QueryValue>> | (() => Readonly<Record<string, QueryValue>>);
  /**
   * How the request is named in errors, logs, metrics and traces instead of its path: the drive's
   * upload URLs carry a session token, which must not travel into a GraphQL error.
   */
  label?: string;
  /** JSON, or raw bytes (an upload part) sent as `contentType`. */
  body?: unknown;
  /** For a raw-bytes body; default application/octet-stream. */
  contentType?: string;
  /** Extra headers; layers set `authorization` here. */
  headers?: Readonly<Record<string, string>>;
  signal?: AbortSignal;
  timeoutMs?: number;
  /** Set by the retry layer on the second and later attempts. */
  attempt?: number;
}

export interface AmoResponse<T = unknown> {
  status: number;
  /** `undefined` for 204 and other empty 2xx answers: amoCRM's way of saying "nothing here". */
  data: T | undefined;
  info: RequestInfo;
}

export type SendFn = (options: AmoRequestOptions) => Promise<AmoResponse>;
/** Wraps the pipeline: `(next) => (options) => …`, like Octokit's hooks. */
export type RequestLayer = (next: SendFn) => SendFn;

export interface RequestPipelineOptions {
  /**
   * Account origin, optionally with a path prefix for proxies: `https://demo.amocrm.ru`. A
   * function is asked on every request: an account renamed in amoCRM moves to a new host.
   */
  baseUrl: string | (() => string);
  dispatcher: Dispatcher;
  userAgent: string;
  timeoutMs: number;
  /** Outermost first. */
  layers?: readonly RequestLayer[];
  /** Observes every finished exchange (metrics, debugging); must not throw. */
  onResponse?: (info: RequestInfo, error?: Error) => void;
}

const ACCEPT = 'application/hal+json, application/problem+json;q=0.9, application/json;q=0.8, */*;q=0.1';

function firstHeader(value: string | string[] | undefined): string | null {
  return (Array.isArray(value) ? value[0] : value) ?? null;
}

export function createRequestPipeline(options: RequestPipelineOptions): SendFn {
  let parsed: { raw: string; origin: string; prefix: string } | null = null;
  const target = () => {
    const raw = typeof options.baseUrl === 'function' ? options.baseUrl() : options.baseUrl;
    if (parsed?.raw !== raw) {
      const base = new URL(raw);
      if (base.protocol !== 'https:' && base.protocol !== 'http:') {
        throw new TypeError(`baseUrl must be an http(s) origin, got ${base.protocol}`);
      }
      parsed = { raw, origin: base.origin, prefix: base.pathname.replace(/\/+$/, '') };
    }
    return parsed;
  };
  // A fixed base URL is checked now; a moving one when it is first used.
  if (typeof options.baseUrl === 'string') target();

  const send: SendFn = async (request) => {
    const base = target();
    // A bare http(s) origin or nothing: never a URL with a path, credentials or another scheme.
    if (request.origin !== undefined && (!/^https?:\/\//.test(request.origin) || new URL(request.origin).origin !== request.origin)) {
      throw new TypeError('origin must be a bare http(s) origin');
    }
    const origin = request.origin ?? base.origin;
    const prefix = request.origin ? '' : base.prefix;
    const params = typeof request.query === 'function' ? request.query() : request.query;
    const query = params ? buildQuery(params) : '';
    const path = `${prefix}${request.path}${query ? `?${query}` : ''}`;
    const started = performance.now();
    const info: RequestInfo = { method: request.method, path: request.label ?? path, status: null, requestId: null, durationMs: 0 };
    const finish = (error?: Error) => {
      info.durationMs = Math.round((performance.now() - started) * 100) / 100;
      options.onResponse?.(info, error);
    };

    const timeout = AbortSignal.timeout(request.timeoutMs ?? options.timeoutMs);
    const signal = request.signal ? AbortSignal.any([request.signal, timeout]) : timeout;
    const headers: Record<string, string> = {
      accept: ACCEPT,
      'user-agent': options.userAgent,
      ...request.headers,
    };
    let body: string | Uint8Array | undefined;
    if (request.body instanceof Uint8Array) {
      body = request.body;
      headers['content-type'] = request.contentType ?? 'application/octet-stream';
    } else if (request.body !== undefined) {
      body = JSON.stringify(request.body);
      headers['content-type'] = 'application/json';
    }

    let response: Dispatcher.ResponseData;
    let text: string;
    try {
      response = await options.dispatcher.request({ origin, path, method: request.method, headers, body, signal });
      text = await response.body.text();
    } catch (cause) {
      const reason = timeout.aborted ? 'timeout' : request.signal?.aborted ? 'aborted' : null;
      const error = errorFromNetwork(info, cause, reason);
      finish(error);
      throw error;
    }

    info.status = response.statusCode;
    info.requestId = firstHeader(response.headers['x-request-id']);
    const contentType = firstHeader(response.headers['content-type']) ?? '';

    if (response.statusCode < 200 || response.statusCode >= 300) {
      const error = errorFromResponse(info, { contentType, retryAfter: firstHeader(response.headers['retry-after']) }, text);
      finish(error);
      throw error;
    }
    if (response.statusCode === 204 || text.trim() === '') {
      finish();
      return { status: response.statusCode, data: undefined, info };
    }
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch (cause) {
      const error = new AmoBadResponseError(
        `amoCRM answered ${response.statusCode} to ${request.method} ${request.path} with a body that is not JSON`,
        { info, bodySnippet: text.slice(0, 300), cause },
      );
      finish(error);
      throw error;
    }
    finish();
    return { status: response.statusCode, data, info };
  };

  return (options.layers ?? []).reduceRight<SendFn>((next, layer) => layer(next), send);
}
