// OpenTelemetry tracing: a span per GraphQL operation, the parent of the REST core's span per
// upstream attempt. The operation runs inside its span's context, and Node's AsyncLocalStorage
// (the context manager NodeTracerProvider registers) carries that context into the later ticks
// where DataLoader batches go out. Off unless an OTLP endpoint is configured: then no plugin and
// no layer is installed at all.

import { context, SpanStatusCode, trace, type Tracer } from '@opentelemetry/api';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { defaultResource, detectResources, envDetector, resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor, NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { getOperationAST } from 'graphql';
import { isAsyncIterable, type Plugin } from 'graphql-yoga';
import { VERSION } from '../config.js';

export const TRACER_NAME = 'amocrm-graphql';

export function gatewayTracer(): Tracer {
  return trace.getTracer(TRACER_NAME, VERSION);
}

/** Registers the process-wide provider exporting over OTLP/HTTP; the returned stop flushes it. */
export function startTracing(options: { tracesUrl: string }): { shutdown(): Promise<void> } {
  // The exporter still reads OTEL_EXPORTER_OTLP_HEADERS, and the env detector OTEL_SERVICE_NAME
  // and OTEL_RESOURCE_ATTRIBUTES, themselves, as the specification says.
  const resource = defaultResource()
    .merge(resourceFromAttributes({ 'service.name': TRACER_NAME, 'service.version': VERSION }))
    .merge(detectResources({ detectors: [envDetector] }));
  const provider = new NodeTracerProvider({ resource, spanProcessors: [new BatchSpanProcessor(new OTLPTraceExporter({ url: options.tracesUrl }))] });
  provider.register();
  return { shutdown: () => provider.shutdown() };
}

export function useTracing(options: { tracer: Tracer }): Plugin {
  return {
    onExecute({ args, executeFn, setExecuteFn }) {
      const operation = getOperationAST(args.document, args.operationName ?? undefined);
      const type = operation?.operation ?? 'unknown';
      const name = operation?.name?.value ?? null;
      const span = options.tracer.startSpan(name ? `${type} ${name}` : type, {
        attributes: { 'graphql.operation.type': type, ...(name ? { 'graphql.operation.name': name } : {}) },
      });
      const active = trace.setSpan(context.active(), span);
      setExecuteFn((executeArgs) => context.with(active, () => executeFn(executeArgs)));
      return {
        onExecuteDone({ result }) {
          if (!isAsyncIterable(result) && result.errors?.length) {
            span.setAttribute('graphql.error.count', result.errors.length);
            span.setStatus({ code: SpanStatusCode.ERROR, message: result.data ? 'partial' : 'error' });
          }
          span.end();
        },
      };
    },
  };
}
