import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * Typed documents for the workspace, generated from the API's committed schema (../schema.gql):
 *   npm run web:codegen
 * The output (web/src/gql/) is committed. SMT_CODEGEN_OUT writes it elsewhere (test/e2e/workspace-codegen.spec.ts
 * regenerates it into a temporary folder and compares it with the committed one).
 */
const out = process.env.SMT_CODEGEN_OUT ? `${process.env.SMT_CODEGEN_OUT.replace(/\/$/, '')}/` : 'web/src/gql/';

const config: CodegenConfig = {
  schema: 'schema.gql',
  documents: ['web/src/api/documents.ts'],
  ignoreNoDocuments: false,
  generates: {
    [out]: {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        enumsAsTypes: true,
        useTypeImports: true,
        scalars: { DateTime: 'string' },
      },
    },
  },
};

export default config;
