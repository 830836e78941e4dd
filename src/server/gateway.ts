// The Yoga instance, apart from any listener so tests can call `gateway.fetch` in-process.
// Assembled from small plugins; everything it needs is passed in.

import { readFileSync } from 'node:fs';
import { GraphQLError } from 'graphql';
import { createYoga, type Plugin, type YogaServerInstance } from 'graphql-yoga';
import { ANONYMOUS } from '../auth/client/anonymous.js';
import { AuthError } from '../auth/errors.js';
import type { Principal } from '../auth/types.js';
import type { AccountContext } from '../loaders/account-context.js';
import { schema, type GraphQLContext } from '../schema/index.js';
import type { EventSource } from '../schema/context.js';
import { useOfflineGraphiQL } from './graphiql.js';
import { maskError } from './mask-errors.js';
import { principalOf, useClientAuth, type ClientAuthOptions, type ClientAuthRefusal } from './client-auth.js';
import { createSecurity, type SecurityOptions } from './security.js';

export interface GatewayOptions {
  /**
   * The account a request speaks for: a fixed one, or found from the request's principal (an
   * AuthError such as AMOCRM_ACCOUNT_NOT_INSTALLED refuses the request with 403).
   */
  account: AccountContext | ((principal: Principal) => Promise<AccountContext>);
  /** Who may call; without it every request is the anonymous principal (in-process tests). */
  clientAuth?: ClientAuthOptions;
  /** Send the principal's user as X-Context-User-ID. */
  actAsUser?: boolean;
  /** Serve `amocrmRequest` (AMOCRM_RAW_REQUESTS); off by default. */
  rawRequests?: boolean;
  graphiql?: boolean;
  /** Production hides error details that development shows. */
  production?: boolean;
  logging?: boolean;
  plugins?: Plugin[];
  /** Limits, CSRF, CORS and body size; defaults in security.ts (suggestions hidden when `production`). */
  security?: Partial<SecurityOptions>;
  /** The account events subscriptions hear; without it subscriptions answer an error. */
  events?: EventSource;
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

function refusal(status: 401 | 403, code: string, message: string, reason?: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code, ...(reason ? { reason } : {}), http: { status } } });
}

// The client-auth check of each gateway, for transports outside Yoga's HTTP pipeline.
const authenticators = new WeakMap<Gateway, (request: Request) => Promise<ClientAuthRefusal | null>>();

/**
 * Authenticates a request that reaches the gateway another way (a graphql-ws connection's upgrade
 * request plus its connection params) exactly as the HTTP endpoint would; null when accepted.
 */
export function authenticateRequest(gateway: Gateway, request: Request): Promise<ClientAuthRefusal | null> {
  return authenticators.get(gateway)?.(request) ?? Promise.resolve(null);
}

export function createGateway(options: GatewayOptions): Gateway {
  const graphiql = useOfflineGraphiQL();
  const clientAuth = options.clientAuth ? useClientAuth(options.clientAuth) : null;
  const security = createSecurity({ hideSuggestions: !!options.production, ...options.security });
  const yoga = createYoga<Record<string, never>, GraphQLContext>({
    schema,
    graphqlEndpoint: '/graphql',
    healthCheckEndpoint: '/healthz',
    landingPage: false,
    graphiql: options.graphiql === false ? false : { title: 'amocrm-graphql', defaultQuery: DEFAULT_QUERY },
    renderGraphiQL: graphiql.renderGraphiQL,
    maskedErrors: { maskError, isDev: !options.production },
    logging: options.logging ?? false,
    ...security.serverOptions,
    plugins: [
      ...security.plugins,
      ...(clientAuth ? [clientAuth] : []),
      ...(options.graphiql === false ? [] : [graphiql.plugin]),
      ...(options.plugins ?? []),
    ],
    context: async ({ request }) => {
      const principal = options.clientAuth ? principalOf(request) : ANONYMOUS;
      // The client-auth plugin ends unauthenticated requests before this; never default to open.
      if (!principal) throw refusal(401, 'UNAUTHENTICATED', 'This request carries no accepted credentials');
      let account: AccountContext;
      try {
        account = typeof options.account === 'function' ? await options.account(principal) : options.account;
      } catch (error) {
        if (error instanceof AuthError) throw refusal(403, 'FORBIDDEN', error.message, error.code);
        throw error;
      }
      const userId = options.actAsUser ? principal.userId : null;
      return {
        account,
        upstream: account.scoped(nativeSignal(request.signal), userId),
        rawRequests: options.rawRequests ?? false,
        events: options.events,
      };
    },
  });
  if (clientAuth) authenticators.set(yoga, (request) => clientAuth.authenticate(request));
  return yoga;
}
