// API keys for scripts, CI jobs and other backends: made, listed and revoked
// by their user (revoked by an ADMIN too). A key is shown once, at creation,
// and stored only as a hash; revoking one refuses it on every instance before
// revokeApiKey answers. Only a person signed in may manage keys: the resolvers
// hand these methods a session's viewer, never a key's.
import { newApiKey } from '../credentials/api-keys.js';
import type { AuditLog } from '../platform/audit.js';
import type { Clock } from '../platform/clock.js';
import { BadUserInputError, PolicyRefusedError } from '../platform/errors.js';
import { newId, type ApiKeyId, type UserId } from '../platform/ids.js';
import type { Policy } from '../platform/policy.js';
import type { RequestOrigin, SignedInViewer } from '../platform/request-context.js';
import type { ApiKeyRecord, ApiKeyRepository } from '../repositories/api-key-repository.js';
import { apiKeyLimits, checkName, checkScopes, expiryOf, parseApiKeyId, type ApiKeyInput } from './api-key-input.js';
import type { ApiKeyVerifier } from './api-key-verifier.js';

export interface ApiKeyCreation {
  /** The key itself: returned this once, never stored. */
  readonly key: string;
  readonly apiKey: ApiKeyRecord;
}

export interface ApiKeyService {
  create(owner: SignedInViewer, input: ApiKeyInput, knownScopes: ReadonlySet<string>, origin: RequestOrigin): Promise<ApiKeyCreation>;
  /** The user's keys that are not revoked: live ones newest first, then (at most 50 in all) expired ones. */
  listOf(userId: UserId): Promise<readonly ApiKeyRecord[]>;
  /** The owner's key, or anyone's for an ADMIN; false if it was revoked already. */
  revoke(actor: SignedInViewer, id: string, origin: RequestOrigin): Promise<boolean>;
  /** API_KEY_QUOTA, which createApiKey declares. */
  readonly policies: readonly Policy[];
}

const quotaName = 'API_KEY_QUOTA';

export function createApiKeyService(deps: { apiKeys: ApiKeyRepository; verifier: ApiKeyVerifier; audit: AuditLog; clock: Clock }): ApiKeyService {
  const { apiKeys, verifier, audit, clock } = deps;

  // Asked before the resolver runs (a clear refusal, visible in PERMISSIONS.md);
  // the insert below enforces the same cap atomically against a race.
  const quota: Policy = {
    name: quotaName,
    description: `The viewer holds fewer than ${apiKeyLimits.perUser} live API keys.`,
    async decide(requests) {
      const counts = await apiKeys.countLive([...new Set(requests.map((r) => r.viewer.userId))], clock.now());
      return requests.map((r) => (counts.get(r.viewer.userId) ?? 0) < apiKeyLimits.perUser);
    },
  };

  return {
    policies: [quota],

    async create(owner, input, knownScopes, origin) {
      const now = clock.now();
      const name = checkName(input.name);
      const scopes = checkScopes(input.scopes, knownScopes);
      const expiresAt = expiryOf(input.expiresIn, now);
      const made = newApiKey();
      const id = newId() as ApiKeyId;
      if (!(await apiKeys.create({ id, userId: owner.userId, name, hash: made.hash, prefix: made.prefix, scopes, now, expiresAt }, apiKeyLimits.perUser))) {
        throw new PolicyRefusedError(quotaName);
      }
      audit.record({ type: 'api_key.created', origin, actorId: owner.userId, subjectId: owner.userId, apiKeyId: id, name, scopes, expiresAt });
      const apiKey: ApiKeyRecord = { id, userId: owner.userId, name, prefix: made.prefix, scopes, createdAt: now, lastUsedAt: null, expiresAt, revokedAt: null };
      return { key: made.key, apiKey };
    },

    listOf: (userId) => apiKeys.listOf(userId, clock.now(), apiKeyLimits.listed),

    async revoke(actor, id, origin) {
      const key = await apiKeys.find(parseApiKeyId(id));
      // Someone else's key looks exactly like a missing one, unless you are an ADMIN.
      if (!key || (key.userId !== actor.userId && actor.role !== 'ADMIN')) throw new BadUserInputError('id', 'No such API key');
      const revoked = await apiKeys.revoke(key.id, clock.now());
      // Every instance drops the key before this answers: its next use is refused everywhere.
      await verifier.forgetKey(key.id);
      if (revoked) audit.record({ type: 'api_key.revoked', origin, actorId: actor.userId, subjectId: key.userId, apiKeyId: key.id });
      return revoked;
    },
  };
}
