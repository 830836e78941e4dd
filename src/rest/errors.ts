// One error hierarchy for everything that can go wrong talking to amoCRM, built in one place
// (`errorFromResponse`, `errorFromNetwork`). Each error carries a redacted description of the
// request for support tickets: method, path, status, upstream request id; never a token or header.

import type { ProblemJson, ValidationErrorItem } from './types.js';
import { limitationOf } from './limitations.js';

/** What we tell a human about a request: enough to find it in amoCRM's logs, nothing secret. */
export interface RequestInfo {
  method: string;
  /** Path and query as sent, without origin; query strings carry ids and filters, never credentials. */
  path: string;
  status: number | null;
  /** amoCRM's `X-Request-Id`, when the response had one. */
  requestId: string | null;
  durationMs: number;
}

/** Stable machine-readable codes; the GraphQL layer exposes them as `extensions.code`. */
export type AmoErrorCode =
  | 'AMOCRM_BAD_REQUEST'
  | 'AMOCRM_VALIDATION_FAILED'
  | 'AMOCRM_UNAUTHORIZED'
  | 'AMOCRM_PAYMENT_REQUIRED'
  | 'AMOCRM_FORBIDDEN'
  | 'AMOCRM_NOT_FOUND'
  | 'AMOCRM_UNPROCESSABLE'
  | 'AMOCRM_RATE_LIMITED'
  | 'AMOCRM_UPSTREAM_ERROR'
  | 'AMOCRM_UNREACHABLE'
  | 'AMOCRM_TIMEOUT'
  | 'AMOCRM_BAD_RESPONSE'
  | 'AMOCRM_ACCOUNT_BLOCKED'
  | 'UPSTREAM_BUSY'
  | 'UPSTREAM_BUDGET_EXCEEDED'
  | 'REQUEST_CANCELLED';

export interface AmoErrorOptions {
  info: RequestInfo;
  problem?: ProblemJson | null;
  /** The first few hundred characters of a non-JSON body (an nginx HTML page, say). */
  bodySnippet?: string | null;
  retryAfterSeconds?: number | null;
  /** The documented limit of the endpoint that refused (402/403), e.g. "admin only". */
  limitation?: string | null;
  cause?: unknown;
}

export class AmoError extends Error {
  readonly code: AmoErrorCode = 'AMOCRM_UPSTREAM_ERROR';
  readonly info: RequestInfo;
  readonly status: number | null;
  readonly problem: ProblemJson | null;
  readonly bodySnippet: string | null;
  readonly retryAfterSeconds: number | null;
  readonly limitation: string | null;

  constructor(message: string, options: AmoErrorOptions) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.info = options.info;
    this.status = options.info.status;
    this.problem = options.problem ?? null;
    this.bodySnippet = options.bodySnippet ?? null;
    this.retryAfterSeconds = options.retryAfterSeconds ?? null;
    this.limitation = options.limitation ?? null;
  }

  /** Whether amoCRM may have acted on the request; writes must not be repeated when true. */
  get reachedUpstream(): boolean {
    return true;
  }
}

export class AmoBadRequestError extends AmoError {
  override readonly code: AmoErrorCode = 'AMOCRM_BAD_REQUEST';
}

/** A 400 with `validation-errors`: per batch item (`request_id`) and dotted path. */
export class AmoValidationError extends AmoBadRequestError {
  override readonly code: AmoErrorCode = 'AMOCRM_VALIDATION_FAILED';
  get validationErrors(): ValidationErrorItem[] {
    return this.problem?.['validation-errors'] ?? [];
  }
}

export class AmoUnauthorizedError extends AmoError {
  override readonly code: AmoErrorCode = 'AMOCRM_UNAUTHORIZED';
}

export class AmoPaymentRequiredError extends AmoError {
  override readonly code: AmoErrorCode = 'AMOCRM_PAYMENT_REQUIRED';
}

/** 403: missing rights, an IP allow-list, or a ban after rate-limit violations (HTML body). */
export class AmoForbiddenError extends AmoError {
  override readonly code: AmoErrorCode = 'AMOCRM_FORBIDDEN';
  /** nginx HTML instead of problem+json is how amoCRM's account/IP blocks look. */
  get looksLikeBan(): boolean {
    return this.problem === null && this.bodySnippet !== null && /<html|<!doctype/i.test(this.bodySnippet);
  }
}

export class AmoNotFoundError extends AmoError {
  override readonly code: AmoErrorCode = 'AMOCRM_NOT_FOUND';
}

export class AmoUnprocessableError extends AmoError {
  override readonly code: AmoErrorCode = 'AMOCRM_UNPROCESSABLE';
}

export class AmoRateLimitError extends AmoError {
  override readonly code: AmoErrorCode = 'AMOCRM_RATE_LIMITED';
}

export class AmoServerError extends AmoError {
  override readonly code: AmoErrorCode = 'AMOCRM_UPSTREAM_ERROR';
}

/** A 2xx whose body is not the JSON it should be. */
export class AmoBadResponseError extends AmoError {
  override readonly code: AmoErrorCode = 'AMOCRM_BAD_RESPONSE';
}

/** No HTTP answer at all. `reachedUpstream` says whether the request may have been acted on. */
export class AmoNetworkError extends AmoError {
  override readonly code: AmoErrorCode = 'AMOCRM_UNREACHABLE';
  readonly #reached: boolean;
  constructor(message: string, options: AmoErrorOptions & { reachedUpstream: boolean }) {
    super(message, options);
    this.#reached = options.reachedUpstream;
  }
  override get reachedUpstream(): boolean {
    return this.#reached;
  }
}

export class AmoTimeoutError extends AmoNetworkError {
  override readonly code: AmoErrorCode = 'AMOCRM_TIMEOUT';
}

/** The request was cancelled (the client went away); `reachedUpstream` says if it was sent. */
export class AmoCancelledError extends AmoNetworkError {
  override readonly code: AmoErrorCode = 'REQUEST_CANCELLED';
}

/** Refused by us before sending: the account looks blocked by amoCRM and is cooling down. */
export class AmoAccountBlockedError extends AmoError {
  override readonly code: AmoErrorCode = 'AMOCRM_ACCOUNT_BLOCKED';
  constructor(message: string, options: AmoErrorOptions & { retryAt: number; reachedUpstream: boolean }) {
    super(message, { ...options, retryAfterSeconds: Math.max(0, Math.ceil((options.retryAt - Date.now()) / 1000)) });
    this.retryAt = options.retryAt;
    this.#reached = options.reachedUpstream;
  }
  readonly retryAt: number;
  readonly #reached: boolean;
  override get reachedUpstream(): boolean {
    return this.#reached;
  }
}

/** Refused by us before sending: the rate limiter's queue is full or the wait ran out. */
export class AmoUpstreamBusyError extends AmoError {
  override readonly code: AmoErrorCode = 'UPSTREAM_BUSY';
  override get reachedUpstream(): boolean {
    return false;
  }
}

/** Refused by us before sending: one GraphQL operation may cause only so many upstream calls. */
export class AmoBudgetExceededError extends AmoError {
  override readonly code: AmoErrorCode = 'UPSTREAM_BUDGET_EXCEEDED';
  override get reachedUpstream(): boolean {
    return false;
  }
}

/** The description of a request that was never sent. */
export function unsentInfo(method: string, path: string): RequestInfo {
  return { method, path, status: null, requestId: null, durationMs: 0 };
}

const SNIPPET_LENGTH = 300;

function parseProblem(contentType: string, body: string): ProblemJson | null {
  if (!body || !/json/i.test(contentType) && !body.trimStart().startsWith('{')) return null;
  try {
    const parsed: unknown = JSON.parse(body);
    return parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as ProblemJson) : null;
  } catch {
    return null;
  }
}

function parseRetryAfter(value: string | null): number | null {
  if (!value) return null;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds);
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}

function describe(info: RequestInfo, problem: ProblemJson | null, fallback: string): string {
  const what = problem ? [problem.title, problem.detail, problem.hint].filter(Boolean).join(': ') : fallback;
  const id = info.requestId ? `, request id ${info.requestId}` : '';
  return `amoCRM answered ${info.status} to ${info.method} ${info.path.split('?')[0]}: ${what}${id}`;
}

/** Maps a non-2xx answer (any body: problem+json, HTML, text, empty) to the hierarchy. */
export function errorFromResponse(
  info: RequestInfo,
  headers: { contentType: string; retryAfter: string | null },
  body: string,
): AmoError {
  const problem = parseProblem(headers.contentType, body);
  const bodySnippet = problem ? null : body.slice(0, SNIPPET_LENGTH) || null;
  const options: AmoErrorOptions = {
    info,
    problem,
    bodySnippet,
    retryAfterSeconds: parseRetryAfter(headers.retryAfter),
  };
  const status = info.status ?? 0;
  const isHtml = bodySnippet !== null && /<html|<!doctype/i.test(bodySnippet);
  const fallback = isHtml ? 'an HTML error page' : bodySnippet ? 'a non-JSON body' : 'an empty body';
  // An HTML 403 is a ban, not a refusal of rights: it gets no limitation.
  options.limitation = (status === 402 || status === 403) && !isHtml ? limitationOf(info.method, info.path) : null;
  const message = describe(info, problem, fallback) + (options.limitation ? ` (${options.limitation})` : '');
  switch (status) {
    case 400:
      return problem?.['validation-errors']?.length
        ? new AmoValidationError(message, options)
        : new AmoBadRequestError(message, options);
    case 401:
      return new AmoUnauthorizedError(message, options);
    case 402:
      return new AmoPaymentRequiredError(message, options);
    case 403:
      return new AmoForbiddenError(message, options);
    case 404:
      return new AmoNotFoundError(message, options);
    case 422:
      return new AmoUnprocessableError(message, options);
    case 429:
      return new AmoRateLimitError(message, options);
    default:
      return status >= 500 ? new AmoServerError(message, options) : new AmoBadRequestError(message, options);
  }
}

const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'UND_ERR_CONNECT_TIMEOUT', 'EHOSTUNREACH', 'ENETUNREACH']);

function errorCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current && typeof current === 'object'; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && code !== 'UND_ERR_SOCKET') return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

/** Maps a failure before any HTTP answer (refused, reset, timed out, aborted). */
export function errorFromNetwork(info: RequestInfo, error: unknown, reason: 'timeout' | 'aborted' | null): AmoError {
  const code = errorCode(error);
  if (reason === 'timeout' || code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT') {
    return new AmoTimeoutError(`amoCRM did not answer ${info.method} ${info.path.split('?')[0]} in time`, {
      info,
      cause: error,
      reachedUpstream: true,
    });
  }
  const reachedUpstream = !(code && NOT_SENT_CODES.has(code));
  if (reason === 'aborted') {
    return new AmoCancelledError(`${info.method} ${info.path.split('?')[0]} was cancelled`, { info, cause: error, reachedUpstream });
  }
  const what = code ?? (error instanceof Error ? error.message : 'network error');
  return new AmoNetworkError(`amoCRM could not be reached for ${info.method} ${info.path.split('?')[0]}: ${what}`, {
    info,
    cause: error,
    reachedUpstream,
  });
}
