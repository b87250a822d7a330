// The per-request check that makes revocation bite at once: a verified access
// token names a session, and the session must still be live. Answers are kept
// in memory for a short, bounded time; every path in this process that ends a
// session or changes a user calls forget*, so here the next request sees it.
// The TTL bounds how stale a change made elsewhere (the CLI) can be.
import type { AccessTokenSubject } from '../credentials/access-tokens.js';
import type { Clock } from '../platform/clock.js';
import { InvalidTokenError } from '../platform/errors.js';
import type { SessionId, UserId } from '../platform/ids.js';
import type { SignedInViewer } from '../platform/request-context.js';
import type { SessionRepository } from '../repositories/session-repository.js';

export interface SessionVerifier {
  /** The viewer a verified token stands for now; throws InvalidTokenError if its session is over. */
  viewerFor(token: AccessTokenSubject): Promise<SignedInViewer>;
  forgetSession(id: SessionId): void;
  forgetUser(id: UserId): void;
}

interface Entry {
  readonly viewer: SignedInViewer | undefined; // undefined: not live, for `refusal`
  readonly refusal: string;
  readonly sessionExpiresAt: number;
  readonly cachedAt: number;
}

// lastUsedAt is for people reading their session list, not for security:
// writing it at most once a minute keeps the hot path read-only.
const touchEveryMs = 60_000;

export function createSessionVerifier(deps: {
  sessions: SessionRepository;
  clock: Clock;
  cacheTtlMs: number;
  maxEntries: number;
}): SessionVerifier {
  const { sessions, clock, cacheTtlMs, maxEntries } = deps;
  const cache = new Map<SessionId, Entry>();
  // Bumped by every forget*. A load that read the database before a forget
  // may hold the answer from before the change: it serves its own request
  // (which raced the change) but must not be cached for the ones after.
  let generation = 0;

  async function load(id: SessionId, now: number): Promise<Entry> {
    const startedIn = generation;
    const status = await sessions.status(id);
    const refusal = !status ? 'session unknown (ended and purged, or its user deleted)' : status.ended ? 'session ended' : status.expiresAt <= now ? 'session expired' : '';
    const live = status && refusal === '' ? status : undefined;
    if (live && now - live.lastUsedAt > touchEveryMs) await sessions.touch(id, now);
    const entry: Entry = {
      viewer: live && { kind: 'user', userId: live.userId, role: live.role, sessionId: id },
      refusal,
      sessionExpiresAt: live?.expiresAt ?? 0,
      cachedAt: now,
    };
    if (generation === startedIn) {
      cache.delete(id); // re-inserted last, so eviction below takes the least recently loaded
      if (cache.size >= maxEntries) cache.delete(cache.keys().next().value as SessionId);
      cache.set(id, entry);
    }
    return entry;
  }

  return {
    async viewerFor(token) {
      const now = clock.now();
      const cached = cache.get(token.sessionId);
      const entry = cached && now - cached.cachedAt < cacheTtlMs ? cached : await load(token.sessionId, now);
      const viewer = entry.viewer;
      if (!viewer) throw new InvalidTokenError(entry.refusal);
      if (entry.sessionExpiresAt <= now) throw new InvalidTokenError('session expired');
      if (viewer.userId !== token.userId) throw new InvalidTokenError('token subject does not own its session');
      return viewer;
    },
    forgetSession(id) {
      generation += 1;
      cache.delete(id);
    },
    forgetUser(userId) {
      generation += 1;
      // Rare (role change, deletion) and bounded by maxEntries.
      for (const [id, entry] of cache) if (entry.viewer?.userId === userId) cache.delete(id);
    },
  };
}
