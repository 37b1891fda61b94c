import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * Typed documents for the example client, generated from the API's committed schema (../../schema.gql):
 *   npx graphql-codegen --config examples/submit-reassessment/codegen.ts
 * The output (gql/) is committed, so running or type-checking the example needs no generation step.
 */
const config: CodegenConfig = {
  schema: 'schema.gql',
  documents: ['examples/submit-reassessment/submit.ts'],
  ignoreNoDocuments: false,
  generates: {
    'examples/submit-reassessment/gql/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        documentMode: 'string',
        enumsAsTypes: true,
        useTypeImports: true,
        scalars: { DateTime: 'string' },
        importExtension: '.ts',
      },
    },
  },
};

export default config;
