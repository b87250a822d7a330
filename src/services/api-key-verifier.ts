// The per-request check of an API key: is it one we issued, not revoked, not
// expired, and whose is it now (the user's role as stored). Like sessions
// (session-verifier.ts), live answers are kept in memory for a short, bounded
// time; a revocation, role change or deletion anywhere drops them at once here
// and, through the shared change channel, on every instance. While that
// channel may be missing changes, nothing is cached.
import { LRUCache } from 'lru-cache';
import { hashApiKey, looksLikeApiKey } from '../credentials/api-keys.js';
import { keyRole } from '../platform/api-scopes.js';
import type { Clock } from '../platform/clock.js';
import { ApiKeyRefusedError } from '../platform/errors.js';
import type { ApiKeyHash, ApiKeyId } from '../platform/ids.js';
import type { ApiKeyViewer } from '../platform/request-context.js';
import type { ApiKeyRepository } from '../repositories/api-key-repository.js';
import type { UserRecord } from '../repositories/records.js';
import type { SessionChange, SessionInvalidations } from './session-invalidations.js';

export interface ApiKeyVerifier {
  /** The viewer a presented key stands for now; throws ApiKeyRefusedError (a 401) for a malformed, unknown, revoked or expired key. */
  viewerFor(key: string): Promise<ApiKeyViewer>;
  /** The key's user as read by the check that produced `viewer` (so exactly as fresh as its role). */
  cachedUser(viewer: ApiKeyViewer): UserRecord | undefined;
  /** Drops the key here and on every instance; resolves once they have been told. */
  forgetKey(id: ApiKeyId): Promise<void>;
}

interface Entry {
  readonly viewer: ApiKeyViewer;
  readonly expiresAt: number | null;
  readonly cachedAt: number;
}

// lastUsedAt is for people reading their key list, not for security: written
// at most once a minute per key, it keeps the hot path read-only.
const touchEveryMs = 60_000;

function checkExpiry(expiresAt: number | null, viewer: Pick<ApiKeyViewer, 'apiKeyId' | 'userId'>, now: number): void {
  if (expiresAt !== null && expiresAt <= now) throw new ApiKeyRefusedError('expired', viewer.apiKeyId, viewer.userId);
}

export function createApiKeyVerifier(deps: { apiKeys: ApiKeyRepository; clock: Clock; cacheTtlMs: number; maxEntries: number; changes: SessionInvalidations }): ApiKeyVerifier {
  const { apiKeys, clock, cacheTtlMs, maxEntries, changes } = deps;
  const cache = new LRUCache<ApiKeyHash, Entry>({ max: maxEntries }); // by hash: the key itself is never kept
  const users = new WeakMap<ApiKeyViewer, UserRecord>();
  // Bumped by every change: a load that read the database before one may
  // serve its own request but must not be cached for the ones after.
  let generation = 0;

  const drop = (matches: (viewer: ApiKeyViewer) => boolean) => {
    for (const [hash, entry] of [...cache.entries()]) if (matches(entry.viewer)) cache.delete(hash);
  };
  changes.subscribe((change: SessionChange) => {
    generation += 1;
    if (change.kind === 'all') cache.clear();
    else if (change.kind === 'apiKey') drop((viewer) => viewer.apiKeyId === change.id);
    else if (change.kind === 'user') drop((viewer) => viewer.userId === change.id);
  });

  async function load(hash: ApiKeyHash, now: number): Promise<Entry> {
    const startedIn = generation;
    const status = await apiKeys.status(hash);
    if (!status) throw new ApiKeyRefusedError('unknown');
    const { key, user } = status;
    if (key.revokedAt !== null) throw new ApiKeyRefusedError('revoked', key.id, key.userId);
    checkExpiry(key.expiresAt, { apiKeyId: key.id, userId: key.userId }, now);
    if (key.lastUsedAt === null || now - key.lastUsedAt >= touchEveryMs) await apiKeys.touch(key.id, now, now - touchEveryMs);
    const viewer: ApiKeyViewer = { kind: 'apiKey', userId: user.id, role: keyRole(user.role, key.scopes), apiKeyId: key.id, scopes: new Set(key.scopes), emailVerified: user.emailVerified };
    users.set(viewer, user);
    const entry: Entry = { viewer, expiresAt: key.expiresAt, cachedAt: now };
    if (generation === startedIn && changes.listening) cache.set(hash, entry);
    return entry;
  }

  return {
    async viewerFor(key) {
      if (!looksLikeApiKey(key)) throw new ApiKeyRefusedError('malformed');
      const hash = hashApiKey(key);
      const now = clock.now();
      const cached = changes.listening ? cache.get(hash) : undefined;
      const entry = cached && now - cached.cachedAt < cacheTtlMs ? cached : await load(hash, now);
      checkExpiry(entry.expiresAt, entry.viewer, now); // a cached key expires on time too
      return entry.viewer;
    },
    cachedUser: (viewer) => users.get(viewer),
    forgetKey: (id) => changes.publish({ kind: 'apiKey', id }),
  };
}
