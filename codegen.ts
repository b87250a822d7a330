import type { CodegenConfig } from '@graphql-codegen/cli';
import { domainModules } from './src/modules.js';

// Resolver types from the SDL, committed under src/generated/. Run
// `npm run codegen` after changing schema/; a test fails if they drift.
// The same run types the example client's operations (examples/web/src/gql/).
const config: CodegenConfig = {
  schema: ['schema/*.graphql', 'src/*/*.graphql'],
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
          Passkey: '../repositories/passkey-repository.js#PasskeyRecord',
          ApiKey: '../repositories/api-key-repository.js#ApiKeyRecord',
          ApiKeyCreated: '../services/api-key-service.js#ApiKeyCreation',
          ApiScope: '../platform/api-scopes.js#DeclaredScope',
          // Each domain names its own (src/modules.ts).
          ...Object.assign({}, ...domainModules.map((domain) => domain.mappers)),
        },
        scalars: { DateTime: { input: 'string', output: 'Date | string | number' }, JSON: { input: 'unknown', output: 'unknown' } },
      },
    },
    // Typed documents for browser clients: every graphql(`...`) in the
    // example's sources becomes a TypedDocumentString, so a plain fetch is
    // typed end to end without shipping a GraphQL parser to the browser.
    'examples/web/src/gql/': {
      documents: ['examples/web/src/**/*.ts', '!examples/web/src/gql/**'],
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        documentMode: 'string',
        useTypeImports: true,
        enumsAsTypes: true,
        immutableTypes: true,
        scalars: { DateTime: 'string', JSON: 'unknown' },
      },
    },
  },
};

export default config;
