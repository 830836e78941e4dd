// OpenTelemetry: a GraphQL operation is one span, and every upstream call it caused (DataLoader
// batches included, which go out in later ticks) is a child of exactly that span.

import { InMemorySpanExporter, NodeTracerProvider, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-node';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { dataOf, startStack, type Stack } from '../helpers/stack.js';

const exporter = new InMemorySpanExporter();
const provider = new NodeTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
provider.register();

const QUERY = `query BoardWithPeople {
  leads(first: 20) { nodes { name status { name } responsibleUser { name } company { name } contacts { nodes { name } } } }
}`;

describe('tracing', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ gateway: { tracing: true } });
  });
  afterAll(() => stack.close());
  beforeEach(() => {
    exporter.reset();
    stack.resetLog();
  });

  it('makes one operation span whose children are exactly the upstream calls the sandbox logged', async () => {
    dataOf(await stack.gql(QUERY));
    const spans = exporter.getFinishedSpans();
    const operations = spans.filter((span) => span.name === 'query BoardWithPeople');
    expect(operations).toHaveLength(1);
    const operation = operations[0]!;
    expect(operation.attributes['graphql.operation.type']).toBe('query');

    const children = spans.filter((span) => span.parentSpanContext?.spanId === operation.spanContext().spanId);
    const upstream = stack.upstreamCalls();
    expect(upstream.length).toBeGreaterThan(2);
    const fromSpans = children.map((span) => `${span.attributes['http.request.method']} ${span.attributes['url.template']} ${span.attributes['http.response.status_code']}`).sort();
    const fromLog = upstream.map((call) => `${call.method} ${call.path.replace(/\/\d+(?=\/|$)/g, '/:id')} ${call.status}`).sort();
    expect(fromSpans).toEqual(fromLog);
    for (const child of children) expect(child.spanContext().traceId).toBe(operation.spanContext().traceId);
    // Nothing upstream floats outside the operation.
    expect(spans.filter((span) => span.name.startsWith('amoCRM ')).length).toBe(children.length);
  });

  it('keeps two concurrent operations and their upstream calls apart', async () => {
    await Promise.all([
      stack.gql('query A { leads(first: 3) { nodes { company { name } } } }'),
      stack.gql('query B { contacts(first: 3) { nodes { company { name } } } }'),
    ]);
    const spans = exporter.getFinishedSpans();
    const byName = (name: string) => spans.find((span) => span.name === name)!;
    const childrenOf = (name: string) => spans.filter((span) => span.parentSpanContext?.spanId === byName(name).spanContext().spanId);
    expect(childrenOf('query A').map((span) => span.attributes['url.template'])).toContain('/api/v4/leads');
    expect(childrenOf('query A').map((span) => span.attributes['url.template'])).not.toContain('/api/v4/contacts');
    expect(childrenOf('query B').map((span) => span.attributes['url.template'])).toContain('/api/v4/contacts');
    expect(childrenOf('query A').length + childrenOf('query B').length).toBe(stack.upstreamCalls().length);
  });
});
