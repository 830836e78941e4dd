// GraphQL Code Generator: typed documents for the example operations in examples/, from the
// committed schema.graphql (no running server needed). test/examples/codegen.test.ts fails when
// test/generated/ no longer matches what this config produces: run `npm run codegen` and commit.

import type { CodegenConfig } from '@graphql-codegen/cli';

const config: CodegenConfig = {
  schema: 'schema.graphql',
  documents: ['examples/**/*.graphql'],
  ignoreNoDocuments: false,
  generates: {
    'test/generated/': {
      preset: 'client',
      presetConfig: {
        // Tests (and most dashboards) read fields straight off the result; masking would hide
        // fragment fields behind useFragment().
        fragmentMasking: false,
      },
      config: {
        // Plain DocumentNode objects with their fragments inlined: graphql's print() and any
        // client take them as they are.
        documentMode: 'documentNode',
        useTypeImports: true,
        // NodeNext ESM resolves relative imports only with the extension.
        importExtension: '.js',
        scalars: { DateTime: 'string', JSON: 'unknown', Upload: 'File' },
        // A new scalar must be mapped here rather than silently typed `any`.
        strictScalars: true,
        // String unions rather than TS enums: erasable, and no runtime code.
        enumsAsTypes: true,
        // Only the enums, inputs and scalars the operations use, not the whole schema.
        onlyOperationTypes: true,
        // Exact result types: __typename only where the operation asks for it.
        skipTypename: true,
        // Nullable fields are always present in a response (as null), never missing.
        avoidOptionals: { field: true, inputValue: false, object: false, defaultValue: false },
      },
    },
  },
};

export default config;
