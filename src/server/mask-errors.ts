// The one place upstream errors become GraphQL errors: amoCRM failures get a stable
// `extensions.code` and a redacted request description; our own input errors pass through;
// anything else is masked as an internal error.

import { PothosValidationError } from '@pothos/core';
import { GraphQLError } from 'graphql';
import { maskError as yogaMaskError, type YogaServerOptions } from 'graphql-yoga';
import { AuthError } from '../auth/errors.js';
import { AmoError } from '../rest/errors.js';

function find<T>(error: unknown, type: abstract new (...args: never[]) => T): T | null {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current; depth++) {
    if (current instanceof type) return current;
    current = current instanceof GraphQLError ? current.originalError : (current as { cause?: unknown }).cause;
  }
  return null;
}

export function toGraphQLError(amo: AmoError, source?: GraphQLError): GraphQLError {
  return new GraphQLError(amo.message, {
    nodes: source?.nodes,
    source: source?.source,
    positions: source?.positions,
    path: source?.path,
    extensions: {
      code: amo.code,
      upstream: {
        status: amo.info.status,
        requestId: amo.info.requestId,
        method: amo.info.method,
        path: amo.info.path,
      },
    },
  });
}

export const maskError: NonNullable<Exclude<YogaServerOptions<object, object>['maskedErrors'], boolean | undefined>>['maskError'] = (
  error,
  message,
  isDev,
) => {
  const auth = find(error, AuthError);
  if (auth) {
    const source = error instanceof GraphQLError ? error : undefined;
    return new GraphQLError(auth.message, { nodes: source?.nodes, path: source?.path, extensions: { code: auth.code } });
  }
  const amo = find(error, AmoError);
  if (amo) return toGraphQLError(amo, error instanceof GraphQLError ? error : undefined);
  // Pothos rejects malformed global ids and cursors with its own validation error: bad input.
  if (error instanceof GraphQLError && error.originalError instanceof PothosValidationError) {
    return new GraphQLError(error.message, { nodes: error.nodes, path: error.path, extensions: { code: 'BAD_USER_INPUT' } });
  }
  return yogaMaskError(error, message, isDev);
};
