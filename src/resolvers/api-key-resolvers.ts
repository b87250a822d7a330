import type { Resolvers } from '../generated/resolvers-types.js';
import { apiScopesOf } from '../platform/api-scopes.js';
import type { ApiKeyService } from '../services/api-key-service.js';
import { signedInViewer } from './signed-in-viewer.js';

// Keys are managed by a signed-in person only: signedInViewer refuses an API key.
// The scopes come from the schema being served, where @scope declares them.
export const createApiKeyResolvers = ({ apiKeys }: { apiKeys: ApiKeyService }): Resolvers => ({
  Query: {
    apiKeys: (_parent, _args, ctx) => apiKeys.listOf(signedInViewer(ctx).userId),
    apiScopes: (_parent, _args, _ctx, info) => apiScopesOf(info.schema).list,
  },
  Mutation: {
    createApiKey: (_parent, { name, scopes, expiresIn }, ctx, info) =>
      apiKeys.create(signedInViewer(ctx), { name, scopes, expiresIn }, apiScopesOf(info.schema).names, ctx.origin),
    revokeApiKey: (_parent, { id }, ctx) => apiKeys.revoke(signedInViewer(ctx), id, ctx.origin),
  },
  User: {
    apiKeys: (user) => apiKeys.listOf(user.id),
  },
});
