// GraphQL over WebSocket (the graphql-ws protocol) on the gateway's own server and path, next to
// SSE. Every operation runs through the same Yoga instance (its plugins, limits and context), and
// a connection is authenticated like an HTTP request: from the upgrade request's headers, or from
// credential headers sent in the connection params (browsers cannot set WebSocket headers).

import type { Server } from 'node:http';
import type { ExecutionArgs } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import { DEFAULT_CREDENTIAL_HEADERS } from './client-auth.js';
import { authenticateRequest, type Gateway } from './gateway.js';

export interface GraphQLWsServer {
  close(): Promise<void>;
}

interface Enveloped {
  execute: (args: ExecutionArgs) => unknown;
  subscribe: (args: ExecutionArgs) => unknown;
}

/** Marks the context of operations that came over a socket: Yoga's HTTP-only plugins skip them. */
export const GRAPHQL_WS_TRANSPORT = 'graphql-ws';

// The per-connection request the principal was recorded for.
const requests = new WeakMap<object, Request>();

export function attachGraphQLWs(server: Server, gateway: Gateway): GraphQLWsServer {
  const wss = new WebSocketServer({ server, path: gateway.graphqlEndpoint });
  const disposable = useServer(
    {
      execute: (args) => (args.rootValue as Enveloped).execute(args) as never,
      subscribe: (args) => (args.rootValue as Enveloped).subscribe(args) as never,
      onConnect: async (ctx) => {
        const headers = new Headers();
        for (const [name, value] of Object.entries(ctx.extra.request.headers)) {
          if (typeof value === 'string') headers.set(name, value);
        }
        for (const [name, value] of Object.entries(ctx.connectionParams ?? {})) {
          const lower = name.toLowerCase();
          if (DEFAULT_CREDENTIAL_HEADERS.includes(lower) && typeof value === 'string') headers.set(lower, value);
        }
        const request = new Request(`http://localhost${gateway.graphqlEndpoint}`, { method: 'POST', headers });
        const refusal = await authenticateRequest(gateway, request);
        if (refusal) return false;
        requests.set(ctx, request);
        return true;
      },
      onSubscribe: async (ctx, _id, params) => {
        const request = requests.get(ctx);
        if (!request) return [new Error('not authenticated')] as never;
        const { schema, execute, subscribe, contextFactory, parse, validate } = gateway.getEnveloped({
          ...ctx,
          request,
          params,
          transport: GRAPHQL_WS_TRANSPORT,
        } as never);
        const document = parse(params.query);
        const errors = validate(schema, document);
        if (errors.length > 0) return errors;
        return {
          schema,
          operationName: params.operationName,
          document,
          variableValues: params.variables,
          contextValue: await contextFactory(),
          rootValue: { execute, subscribe },
        };
      },
    },
    wss,
  );
  return {
    async close() {
      // 1001 "going away": a closing handshake, so what was queued (a subscription's `complete`) is sent first.
      for (const client of wss.clients) client.close(1001, 'server shutting down');
      await disposable.dispose();
      // A client that never answers the handshake would hold the HTTP server open: cut it after a second.
      const stragglers = setTimeout(() => {
        for (const client of wss.clients) client.terminate();
      }, 1_000);
      stragglers.unref();
    },
  };
}
