// The Yoga instance, apart from any listener so tests can call `gateway.fetch` in-process.
// Assembled from small plugins; everything it needs is passed in.

import { readFileSync } from 'node:fs';
import { createYoga, type Plugin, type YogaServerInstance } from 'graphql-yoga';
import type { AccountContext } from '../loaders/account-context.js';
import { schema, type GraphQLContext } from '../schema/index.js';
import { useOfflineGraphiQL } from './graphiql.js';
import { maskError } from './mask-errors.js';

export interface GatewayOptions {
  account: AccountContext;
  graphiql?: boolean;
  /** Production hides error details that development shows. */
  production?: boolean;
  logging?: boolean;
  plugins?: Plugin[];
}

export type Gateway = YogaServerInstance<Record<string, never>, GraphQLContext>;

// GraphiQL opens on one of the tested examples (src/server and dist/server are both two levels down).
const DEFAULT_QUERY = readFileSync(new URL('../../examples/recent-leads.graphql', import.meta.url), 'utf8');

export function createGateway(options: GatewayOptions): Gateway {
  const graphiql = useOfflineGraphiQL();
  return createYoga<Record<string, never>, GraphQLContext>({
    schema,
    graphqlEndpoint: '/graphql',
    healthCheckEndpoint: '/healthz',
    landingPage: false,
    graphiql: options.graphiql === false ? false : { title: 'amocrm-graphql', defaultQuery: DEFAULT_QUERY },
    renderGraphiQL: graphiql.renderGraphiQL,
    maskedErrors: { maskError, isDev: !options.production },
    logging: options.logging ?? false,
    plugins: [...(options.graphiql === false ? [] : [graphiql.plugin]), ...(options.plugins ?? [])],
    context: () => ({ account: options.account }),
  });
}
