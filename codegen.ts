import type { CodegenConfig } from '@graphql-codegen/cli';

// Resolver types from the SDL, committed under src/generated/. Run
// `npm run codegen` after changing schema/; a test fails if they drift.
const config: CodegenConfig = {
  schema: 'schema/*.graphql',
  generates: {
    'src/generated/resolvers-types.ts': {
      plugins: ['typescript', 'typescript-resolvers'],
      config: {
        useIndexSignature: true,
        useTypeImports: true,
        enumsAsTypes: true,
        immutableTypes: true,
        contextType: '../platform/request-context.js#RequestContext',
        mappers: {
          User: '../services/types.js#UserModel',
          Session: '../services/types.js#SessionModel',
          AuthPayload: '../services/types.js#AuthResult',
          UserConnection: '../services/types.js#UserPage',
        },
        scalars: { DateTime: { input: 'string', output: 'Date | string | number' } },
      },
    },
  },
};

export default config;
