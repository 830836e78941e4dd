// The Pothos builder: plugins, scalars and the context type. No object types live here.

import SchemaBuilder, { PothosValidationError } from '@pothos/core';
import DataloaderPlugin from '@pothos/plugin-dataloader';
import RelayPlugin, { decodeGlobalID } from '@pothos/plugin-relay';
import { GraphQLError, Kind } from 'graphql';
import type { GraphQLContext } from './context.js';

/** Names of the types that implement Node, filled from the built schema (index.ts). */
export const nodeTypeNames = new Set<string>();

export const builder = new SchemaBuilder<{
  Context: GraphQLContext;
  DefaultFieldNullability: false;
  Scalars: {
    /** Outputs accept amoCRM's unix seconds or a Date. */
    DateTime: { Input: Date; Output: Date | number };
    JSON: { Input: unknown; Output: unknown };
  };
}>({
  plugins: [RelayPlugin, DataloaderPlugin],
  defaultFieldNullability: false,
  relay: {
    clientMutationId: 'omit',
    cursorType: 'String',
    nodesOnConnection: true,
    nodeQueryOptions: {
      description: 'Fetches any object by its global id. Unknown or deleted ids give null.',
    },
    nodesQueryOptions: {
      description: 'Fetches many objects by global id, batched per type. Unknown or deleted ids give null in place.',
    },
    // Refuse ids naming a type that is not a Node while decoding the arguments, before any
    // batch of a whole `nodes(ids:)` list goes upstream.
    decodeGlobalID: (globalID) => {
      const decoded = decodeGlobalID(globalID);
      if (!nodeTypeNames.has(decoded.typename)) throw new PothosValidationError(`Invalid global ID: ${globalID}`);
      return decoded;
    },
  },
});

function toDate(value: unknown): Date {
  if (value instanceof Date) return value;
  if (typeof value === 'number') return new Date(value * 1000);
  throw new TypeError(`DateTime cannot represent ${typeof value}`);
}

function parseDateTime(value: unknown): Date {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2}))?$/.test(value)) {
    throw new GraphQLError(`DateTime must be an ISO 8601 string like 2026-05-01T12:00:00Z, got ${JSON.stringify(value)}`);
  }
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) throw new GraphQLError(`DateTime ${JSON.stringify(value)} is not a real date`);
  return date;
}

builder.scalarType('DateTime', {
  description: 'An ISO 8601 date-time in UTC, e.g. 2026-05-01T12:00:00.000Z. amoCRM stores unix seconds.',
  serialize: (value) => toDate(value).toISOString(),
  parseValue: parseDateTime,
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING) throw new GraphQLError('DateTime must be a string');
    return parseDateTime(ast.value);
  },
});

builder.scalarType('JSON', {
  description: 'Any JSON value, for amoCRM data that has no fixed shape.',
  serialize: (value) => value,
  parseValue: (value) => value,
  parseLiteral: () => {
    throw new GraphQLError('JSON literals are not accepted; pass JSON through variables');
  },
});

builder.queryType({});

/** The builder's type parameters, for helpers that take a field builder. */
export type SchemaTypes = typeof builder extends PothosSchemaTypes.SchemaBuilder<infer T> ? T : never;
