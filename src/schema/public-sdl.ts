// Prints the API clients program against: the served schema without the federation plumbing
// that only a router calls. schema.graphql (and the typed documents generated from it) is this.

import { buildASTSchema, Kind, lexicographicSortSchema, parse, printSchema, visit, type GraphQLSchema } from 'graphql';

// What `toSubGraphSchema` adds on top of the builder's types (see @apollo/subgraph's types.ts).
const FEDERATION_TYPES = new Set(['_Any', '_Entity', '_Service']);
const FEDERATION_QUERY_FIELDS = new Set(['_entities', '_service']);

/** Sorted, so the diff of schema.graphql shows real changes only. */
export function printPublicSchema(served: GraphQLSchema): string {
  const queryName = served.getQueryType()?.name ?? 'Query';
  // Dropped from the SDL and built again, so everything else prints exactly as it is served.
  const document = visit(parse(printSchema(served)), {
    enter(node) {
      if ((node.kind === Kind.SCALAR_TYPE_DEFINITION || node.kind === Kind.UNION_TYPE_DEFINITION || node.kind === Kind.OBJECT_TYPE_DEFINITION) && FEDERATION_TYPES.has(node.name.value)) {
        return null;
      }
      if (node.kind === Kind.OBJECT_TYPE_DEFINITION && node.name.value === queryName) {
        return { ...node, fields: node.fields?.filter((field) => !FEDERATION_QUERY_FIELDS.has(field.name.value)) };
      }
      return undefined;
    },
  });
  return `${printSchema(lexicographicSortSchema(buildASTSchema(document)))}\n`;
}
