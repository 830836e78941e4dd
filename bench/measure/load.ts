// Requests per second at a fixed concurrency, with autocannon: the same GraphQL POST over
// `connections` keep-alive connections for `seconds`. Every answer is compared byte for byte with
// one already checked against the store (`expectBody`), so speed never hides a wrong answer.

import autocannon from 'autocannon';
import { GRAPHQL_HEADERS, graphqlBody } from '../env/graphql-client.js';

export interface LoadResult {
  connections: number;
  seconds: number;
  requests: number;
  rps: number;
  latencyP50: number;
  latencyP99: number;
  errors: number;
  non2xx: number;
  /** Answers that differed from the checked one. */
  mismatches: number;
}

export async function runLoad(options: {
  url: string;
  query: string;
  variables?: Record<string, unknown>;
  connections: number;
  seconds: number;
  expectBody: string;
}): Promise<LoadResult> {
  const result = await autocannon({
    url: `${options.url}/graphql`,
    method: 'POST',
    headers: GRAPHQL_HEADERS,
    body: graphqlBody(options.query, options.variables),
    connections: options.connections,
    duration: options.seconds,
    expectBody: options.expectBody,
    timeout: 30,
  });
  return {
    connections: options.connections,
    seconds: result.duration,
    requests: result.requests.total,
    rps: Math.round((result.requests.total / result.duration) * 10) / 10,
    latencyP50: result.latency.p50,
    latencyP99: result.latency.p99,
    errors: result.errors,
    non2xx: result.non2xx,
    mismatches: result.mismatches,
  };
}
