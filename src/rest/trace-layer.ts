// One OpenTelemetry span per upstream attempt, a child of whatever span is active when the call
// is made (the GraphQL operation's: AsyncLocalStorage carries it into DataLoader batches). Only
// the method, the path template, the status and the attempt number: no ids, no query, no token.

import { SpanKind, SpanStatusCode, type Tracer } from '@opentelemetry/api';
import { pathTemplate } from './path-template.js';
import type { RequestLayer } from './request.js';

export function traceLayer(tracer: Tracer): RequestLayer {
  return (next) => (options) => {
    const route = pathTemplate(options.label ?? options.path);
    return tracer.startActiveSpan(
      `amoCRM ${options.method} ${route}`,
      {
        kind: SpanKind.CLIENT,
        attributes: { 'http.request.method': options.method, 'url.template': route, 'http.request.resend_count': (options.attempt ?? 1) - 1 },
      },
      async (span) => {
        try {
          const response = await next(options);
          span.setAttribute('http.response.status_code', response.status);
          return response;
        } catch (error) {
          const status = (error as { status?: unknown }).status;
          if (typeof status === 'number') span.setAttribute('http.response.status_code', status);
          const code = (error as { code?: unknown }).code;
          span.setStatus({ code: SpanStatusCode.ERROR, message: typeof code === 'string' ? code : 'error' });
          return Promise.reject(error);
        } finally {
          span.end();
        }
      },
    );
  };
}
