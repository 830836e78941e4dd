// Which other origins' pages may read the gateway's answers: none unless listed. Built as Yoga's
// `cors` option; Yoga's own default allows every origin with credentials, and for a list of
// several it answers the rest with `Access-Control-Allow-Origin: null`, which sandboxed iframes
// (origin "null") match. So each request's origin is checked here and only an allowed one is
// echoed back; for any other, no CORS headers at all, and the browser keeps the answer from it.

import type { YogaServerOptions } from 'graphql-yoga';

export interface CorsOptions {
  /** Exact origins (`https://app.example.com`) whose pages may call the gateway; empty = same origin only. */
  corsOrigins: readonly string[];
  /** Let those pages send cookies/HTTP auth. Off: the gateway's clients authenticate with headers. */
  corsCredentials: boolean;
}

export const DEFAULT_CORS: CorsOptions = { corsOrigins: [], corsCredentials: false };

type YogaCors = NonNullable<YogaServerOptions<object, object>['cors']>;

export function corsPolicy(options: Partial<CorsOptions> = {}): YogaCors {
  const { corsOrigins, corsCredentials } = { ...DEFAULT_CORS, ...options };
  const allowed = new Set(corsOrigins.map((origin) => new URL(origin).origin));
  return (request: Request) => {
    const origin = request.headers.get('origin');
    if (origin === null || !allowed.has(origin)) return false;
    return {
      // Left unset, Yoga echoes the request's origin (checked above) and adds `Vary: Origin`.
      credentials: corsCredentials,
      methods: ['GET', 'POST'],
      maxAge: 600,
    };
  };
}
