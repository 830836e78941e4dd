// The Yoga instance, apart from any listener so tests can call `gateway.fetch` in-process.
// Assembled from small plugins; everything it needs is passed in.

import { readFileSync } from 'node:fs';
import { createYoga, type Plugin, type YogaServerInstance } from 'graphql-yoga';
import type { AccountContext } from '../loaders/account-context.js';
import { schema, type GraphQLContext } from '../schema/index.js';
import { useOfflineGraphiQL } from './graphiql.js';
import { maskError } from './mask-errors.js';
import { createSecurity, type SecurityOptions } from './security.js';

export interface GatewayOptions {
  account: AccountContext;
  graphiql?: boolean;
  /** Production hides error details that development shows. */
  production?: boolean;
  logging?: boolean;
  plugins?: Plugin[];
  /** Limits, CSRF, CORS and body size; defaults in security.ts (suggestions hidden when `production`). */
  security?: Partial<SecurityOptions>;
}

export type Gateway = YogaServerInstance<Record<string, never>, GraphQLContext>;

// GraphiQL opens on one of the tested examples (src/server and dist/server are both two levels down).
const DEFAULT_QUERY = readFileSync(new URL('../../examples/recent-leads.graphql', import.meta.url), 'utf8');

/**
 * whatwg-node's request signal is a custom object whose `aborted` stays false once a native
 * controller backs it; a native signal that follows it reports cancellation faithfully.
 */
function nativeSignal(signal: AbortSignal): AbortSignal {
  return AbortSignal.any([signal]);
}

export function createGateway(options: GatewayOptions): Gateway {
  const graphiql = useOfflineGraphiQL();
  const security = createSecurity({ hideSuggestions: !!options.production, ...options.security });
  return createYoga<Record<string, never>, GraphQLContext>({
    schema,
    graphqlEndpoint: '/graphql',
    healthCheckEndpoint: '/healthz',
    landingPage: false,
    graphiql: options.graphiql === false ? false : { title: 'amocrm-graphql', defaultQuery: DEFAULT_QUERY },
    renderGraphiQL: graphiql.renderGraphiQL,
    maskedErrors: { maskError, isDev: !options.production },
    logging: options.logging ?? false,
    ...security.serverOptions,
    plugins: [...security.plugins, ...(options.graphiql === false ? [] : [graphiql.plugin]), ...(options.plugins ?? [])],
    context: ({ request }) => ({ account: options.account, upstream: options.account.scoped(nativeSignal(request.signal)) }),
  });
}
