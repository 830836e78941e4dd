// The Pothos builder: plugins, scalars and the context type. No object types live here.

import SchemaBuilder, { PothosValidationError, type PothosOutputFieldConfig } from '@pothos/core';
import ComplexityPlugin from '@pothos/plugin-complexity';
import DataloaderPlugin from '@pothos/plugin-dataloader';
import DirectivePlugin from '@pothos/plugin-directives';
import FederationPlugin from '@pothos/plugin-federation';
import RelayPlugin, { decodeGlobalID } from '@pothos/plugin-relay';
import { GraphQLError, Kind, type GraphQLField } from 'graphql';
import { MAX_LIMIT } from '../rest/collection.js';
import type { GraphQLContext } from './context.js';

/** Names of the types that implement Node, filled from the built schema (index.ts). */
export const nodeTypeNames = new Set<string>();

// Page sizes the cost estimate assumes when a connection gets no `first`/`last`. Root lists page
// through amoCRM 50 at a time (connection.ts, which cannot be imported here: it imports the
// builder). Relations resolve from ids already in hand and are usually short (a lead's contacts,
// a company's people), so they are estimated at a typical size: `companies { contacts { leads } }`
// stays affordable, while explicit large `first`s at every level still add up past the limit.
const ROOT_PAGE_SIZE = 50;
export const RELATION_PAGE_SIZE = 25;

/**
 * A connection's children cost once per item it may return: `first`/`last`, else `defaultSize`
 * (else 50 on Query, 25 on relations). Sizes outside amoCRM's page are refused here too, so a
 * `first: 100000` never reaches the estimate, let alone a resolver.
 */
export function connectionComplexity(defaultSize?: number) {
  return (args: { first?: number | null; last?: number | null }, _ctx: unknown, field: Pick<GraphQLField<unknown, unknown>, 'extensions'>) => {
    for (const name of ['first', 'last'] as const) {
      const value = args[name];
      if (value != null && (value < 0 || value > MAX_LIMIT)) {
        throw new PothosValidationError(`"${name}" must be between 0 and ${MAX_LIMIT} (amoCRM's page size), got ${value}`);
      }
    }
    const onQuery = (field.extensions?.pothosConfig as PothosOutputFieldConfig<SchemaTypes> | undefined)?.kind === 'Query';
    const size = Math.min(args.first ?? Infinity, args.last ?? Infinity);
    return { field: 1, multiplier: Number.isFinite(size) ? size : (defaultSize ?? (onQuery ? ROOT_PAGE_SIZE : RELATION_PAGE_SIZE)) };
  };
}

// `edges` and `nodes` are lists, but their connection field already multiplied by the page size.
const ONCE_PER_PAGE = { field: 1, multiplier: 1 };

export const builder = new SchemaBuilder<{
  Context: GraphQLContext;
  DefaultFieldNullability: false;
  Scalars: {
    /** Outputs accept amoCRM's unix seconds or a Date. */
    DateTime: { Input: Date; Output: Date | number };
    JSON: { Input: unknown; Output: unknown };
    /** A file of a GraphQL multipart request (Yoga hands resolvers a WHATWG File). */
    Upload: { Input: File; Output: never };
  };
}>({
  // Federation last: it reads the resolvers the others have wrapped; it needs the directives plugin.
  plugins: [RelayPlugin, ComplexityPlugin, DataloaderPlugin, DirectivePlugin, FederationPlugin],
  defaultFieldNullability: false,
  // Only how fields are costed: every field 1, a plain list's items 10 each (the plugin's
  // defaults), connections as above. The limit is per deployment and checked per request before
  // execution (src/server/plugins/cost-limit.ts), so none is set here.
  complexity: { defaultComplexity: 1, defaultListMultiplier: 10 },
  relay: {
    clientMutationId: 'omit',
    cursorType: 'String',
    nodesOnConnection: { complexity: ONCE_PER_PAGE },
    edgesFieldOptions: { complexity: ONCE_PER_PAGE },
    defaultConnectionFieldOptions: { complexity: connectionComplexity() },
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

builder.scalarType('Upload', {
  description: 'A file sent in a GraphQL multipart request (https://github.com/jaydenseric/graphql-multipart-request-spec).',
  serialize: () => {
    throw new GraphQLError('Upload is an input type only');
  },
  parseValue: (value) => {
    if (typeof value !== 'object' || value === null || typeof (value as File).arrayBuffer !== 'function') {
      throw new GraphQLError('Upload takes a file part of a multipart request, mapped onto this variable');
    }
    return value as File;
  },
  parseLiteral: () => {
    throw new GraphQLError('Upload literals are not accepted; send the file as a multipart part mapped onto a variable');
  },
});

builder.queryType({});
builder.mutationType({});

/** The builder's type parameters, for helpers that take a field builder. */
export type SchemaTypes = typeof builder extends PothosSchemaTypes.SchemaBuilder<infer T> ? T : never;
