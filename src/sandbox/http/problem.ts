// amoCRM's error bodies: application/problem+json with title, type (an httpstatus.es URL), status
// and detail. Route code throws `HttpProblem`; the handler turns it into a response.

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  402: 'Payment Required',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  422: 'Unprocessable Entity',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

export interface ProblemBody {
  title: string;
  type: string;
  status: number;
  detail: string;
  [extra: string]: unknown;
}

export function problemBody(status: number, detail: string, extra: Record<string, unknown> = {}): ProblemBody {
  return { title: TITLES[status] ?? 'Error', type: `https://httpstatus.es/${status}`, status, detail, ...extra };
}

export class HttpProblem extends Error {
  readonly status: number;
  readonly extra: Record<string, unknown>;
  readonly headers: Record<string, string>;
  constructor(status: number, detail: string, options: { extra?: Record<string, unknown>; headers?: Record<string, string> } = {}) {
    super(detail);
    this.name = 'HttpProblem';
    this.status = status;
    this.extra = options.extra ?? {};
    this.headers = options.headers ?? {};
  }
}

export const badRequest = (detail: string) => new HttpProblem(400, detail);
