import type { Resolvers } from '../generated/resolvers-types.js';
import type { ApiKeyService } from '../services/api-key-service.js';
import type { AuthService } from '../services/auth-service.js';
import type { SessionService } from '../services/session-service.js';
import type { UserService } from '../services/user-service.js';
import { createAccountResolvers, type AccountServices } from './account-resolvers.js';
import { createApiKeyResolvers } from './api-key-resolvers.js';
import { createAuthResolvers } from './auth-resolvers.js';
import { dateTimeScalar } from './date-time-scalar.js';
import { createMfaResolvers, type MfaServices } from './mfa-resolvers.js';
import { createUserResolvers } from './user-resolvers.js';

export interface ResolverServices extends MfaServices, AccountServices {
  readonly auth: AuthService;
  readonly users: UserService;
  readonly sessions: SessionService;
  readonly apiKeys: ApiKeyService;
}

/** All resolvers (the server's and each domain's), merged by type. Each area owns distinct fields, so a shallow merge per type is exact. */
export function createResolvers(services: ResolverServices, domains: readonly Resolvers[] = []): Resolvers {
  const parts: Resolvers[] = [createAuthResolvers(services), createUserResolvers(services), createMfaResolvers(services), createAccountResolvers(services), createApiKeyResolvers(services), ...domains];
  const merged: Record<string, object> = { DateTime: dateTimeScalar };
  for (const part of parts) {
    for (const [typeName, fields] of Object.entries(part)) merged[typeName] = { ...merged[typeName], ...fields };
  }
  return merged as Resolvers;
}
