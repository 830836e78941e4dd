// The bench's GraphQL client: keep-alive undici connections to the gateway, so what is timed is
// the gateway, not connection setup or fetch's overhead.

import { Pool } from 'undici';

export interface GraphQLAnswer {
  data?: any;
  errors?: { message: string; extensions?: { code?: string } }[];
}

export interface GraphQLClient {
  request(query: string, variables?: Record<string, unknown>): Promise<GraphQLAnswer>;
  /** The answer's bytes as sent, for autocannon's `expectBody`. */
  requestText(query: string, variables?: Record<string, unknown>): Promise<string>;
  close(): Promise<void>;
}

/** The JSON body every GraphQL POST carries; autocannon sends the same bytes. */
export const graphqlBody = (query: string, variables?: Record<string, unknown>) => JSON.stringify({ query, variables });

export const GRAPHQL_HEADERS = { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' };

export function createGraphQLClient(baseUrl: string, connections = 32): GraphQLClient {
  const pool = new Pool(baseUrl, { connections, keepAliveTimeout: 30_000 });
  const requestText = async (query: string, variables?: Record<string, unknown>) => {
    const response = await pool.request({ method: 'POST', path: '/graphql', headers: GRAPHQL_HEADERS, body: graphqlBody(query, variables) });
    return response.body.text();
  };
  return {
    requestText,
    async request(query, variables) {
      const text = await requestText(query, variables);
      try {
        return JSON.parse(text) as GraphQLAnswer;
      } catch {
        return { errors: [{ message: `not JSON: ${text.slice(0, 200)}` }] };
      }
    },
    close: () => pool.close(),
  };
}

/** The data of an answer, or an error naming its first GraphQL error. */
export function dataOf(answer: GraphQLAnswer): any {
  if (answer.errors?.length) throw new Error(`GraphQL errors: ${answer.errors.map((e) => e.extensions?.code ?? e.message).join(', ')}`);
  return answer.data;
}
