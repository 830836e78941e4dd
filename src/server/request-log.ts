// One log line per GraphQL request: operation name and type, HTTP status, outcome, duration and
// the upstream calls it caused. Never the query text or its variables: they carry customer data.

import { getOperationAST } from 'graphql';
import { isAsyncIterable, type Plugin } from 'graphql-yoga';
import type { GraphQLContext } from '../schema/context.js';
import type { Logger } from './logger.js';

interface RequestState {
  started: number;
  operationName: string | null;
  type: string | null;
  outcome: string | null;
  context: Partial<GraphQLContext> | null;
}

export function useRequestLog(options: { logger: Logger }): Plugin {
  const states = new WeakMap<Request, RequestState>();
  return {
    onParams({ params, request }) {
      states.set(request, { started: performance.now(), operationName: params.operationName ?? null, type: null, outcome: null, context: null });
    },
    onExecute({ args }) {
      const request = (args.contextValue as { request?: Request }).request;
      const state = request ? states.get(request) : undefined;
      if (!state) return;
      const operation = getOperationAST(args.document, args.operationName ?? undefined);
      state.type = operation?.operation ?? null;
      state.operationName ??= operation?.name?.value ?? null;
      state.context = args.contextValue as Partial<GraphQLContext>;
      return {
        onExecuteDone({ result }) {
          state.outcome = isAsyncIterable(result) ? 'stream' : !result.errors?.length ? 'success' : result.data ? 'partial' : 'error';
        },
      };
    },
    onResponse({ request, response }) {
      const state = states.get(request);
      if (!state) return;
      states.delete(request);
      const calls = state.context?.upstream?.scope?.calls;
      options.logger.info(
        {
          operationName: state.operationName,
          operationType: state.type,
          status: response.status,
          outcome: state.outcome ?? 'refused',
          durationMs: Math.round((performance.now() - state.started) * 100) / 100,
          ...(calls === undefined ? {} : { upstreamCalls: calls }),
        },
        'graphql request',
      );
    },
  };
}
