// Every operation the API keys screen sends, typed by `npm run codegen` in ./gql/.
import { graphql } from './gql/index.js';

export const ApiKeyFieldsFragment = graphql(`
  fragment ApiKeyFields on ApiKey {
    id
    name
    prefix
    scopes
    createdAt
    lastUsedAt
    expiresAt
  }
`);

export const ApiKeysScreenDocument = graphql(`
  query ApiKeysScreen {
    apiKeys {
      ...ApiKeyFields
    }
    apiScopes {
      name
      description
    }
  }
`);

export const CreateApiKeyDocument = graphql(`
  mutation CreateApiKey($name: String!, $scopes: [String!]!, $expiresIn: String) {
    createApiKey(name: $name, scopes: $scopes, expiresIn: $expiresIn) {
      key
      apiKey {
        ...ApiKeyFields
      }
    }
  }
`);

export const RevokeApiKeyDocument = graphql(`
  mutation RevokeApiKey($id: ID!) {
    revokeApiKey(id: $id)
  }
`);
