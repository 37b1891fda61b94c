import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * Typed documents for the example client, generated from the API's committed schema (../../schema.gql):
 *   npx graphql-codegen --config examples/submit-reassessment/codegen.ts
 * The output (gql/) is committed, so running or type-checking the example needs no generation step.
 * SMT_CODEGEN_OUT writes it elsewhere (test/e2e/example-client.spec.ts regenerates into a temporary folder and
 * compares it with the committed one).
 */
const out = process.env.SMT_CODEGEN_OUT ? `${process.env.SMT_CODEGEN_OUT.replace(/\/$/, '')}/` : 'examples/submit-reassessment/gql/';

const config: CodegenConfig = {
  schema: 'schema.gql',
  documents: ['examples/submit-reassessment/submit.ts'],
  ignoreNoDocuments: false,
  generates: {
    [out]: {
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
