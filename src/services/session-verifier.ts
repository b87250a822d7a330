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
  readonly viewer: SignedInViewer | undefined; // undefined: ended, expired or its user deleted
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

  async function load(id: SessionId, now: number): Promise<Entry> {
    const status = await sessions.status(id);
    const liveStatus = status && !status.ended && status.expiresAt > now ? status : undefined;
    if (liveStatus && now - liveStatus.lastUsedAt > touchEveryMs) await sessions.touch(id, now);
    const entry: Entry = {
      viewer: liveStatus && { kind: 'user', userId: liveStatus.userId, role: liveStatus.role, sessionId: id },
      sessionExpiresAt: liveStatus?.expiresAt ?? 0,
      cachedAt: now,
    };
    if (cache.size >= maxEntries) cache.delete(cache.keys().next().value as SessionId); // oldest first
    cache.set(id, entry);
    return entry;
  }

  return {
    async viewerFor(token) {
      const now = clock.now();
      const cached = cache.get(token.sessionId);
      const entry = cached && now - cached.cachedAt < cacheTtlMs ? cached : await load(token.sessionId, now);
      const viewer = entry.viewer;
      if (!viewer) throw new InvalidTokenError('session ended, expired or unknown');
      if (entry.sessionExpiresAt <= now) throw new InvalidTokenError('session expired');
      if (viewer.userId !== token.userId) throw new InvalidTokenError('token subject does not own its session');
      return viewer;
    },
    forgetSession(id) {
      cache.delete(id);
    },
    forgetUser(userId) {
      // Rare (role change, deletion, sign-out everywhere) and bounded by maxEntries.
      for (const [id, entry] of cache) if (entry.viewer?.userId === userId) cache.delete(id);
    },
  };
}
