// Undoes a process-wide side effect of building the schema. The directives plugin hangs a mock
// AST node (to carry directives) on every type of the schema it builds, including graphql's shared
// built-in scalars and introspection types; any other schema in the process (GraphQL Code
// Generator's, a test's) would then print ID, String… as if they were user-defined.

import { introspectionTypes, specifiedScalarTypes } from 'graphql';

export function forgetBuiltinAstNodes(): void {
  for (const type of [...specifiedScalarTypes, ...introspectionTypes]) {
    (type as { astNode?: unknown }).astNode = undefined;
  }
}
