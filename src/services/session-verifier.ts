// The per-request check that makes revocation bite at once: a verified access
// token names a session, and the session must still be live. Answers are kept
// in memory for a short, bounded time; every path in this process that ends a
// session or changes a user calls forget*, so here the next request sees it.
// forget* also publishes the change to the other instances (REDIS_URL), which
// apply it to their caches; while they may be missing changes they cache
// nothing. The TTL bounds how stale a change made elsewhere (the CLI) can be.
import { LRUCache } from 'lru-cache';
import type { AccessTokenSubject } from '../credentials/access-tokens.js';
import type { Clock } from '../platform/clock.js';
import { InvalidTokenError } from '../platform/errors.js';
import type { SessionId, UserId } from '../platform/ids.js';
import type { SignedInViewer } from '../platform/request-context.js';
import type { UserRecord } from '../repositories/records.js';
import type { SessionRepository } from '../repositories/session-repository.js';
import { localOnly, type SessionChange, type SessionInvalidations } from './session-invalidations.js';

export interface SessionVerifier {
  /** The viewer a verified token stands for now; throws InvalidTokenError if its session is over. */
  viewerFor(token: AccessTokenSubject): Promise<SignedInViewer>;
  /**
   * The viewer at once (no promise) when a fresh cached answer says the
   * session is live and the token's; undefined otherwise (no answer, a stale
   * one, or a refusal): then call viewerFor, which reads or refuses.
   */
  cachedViewerFor(token: AccessTokenSubject): SignedInViewer | undefined;
  /**
   * The viewer's user as read by the check that produced `viewer`, while that
   * answer is still cached (so exactly as fresh as the viewer's role); else undefined.
   */
  cachedUser(viewer: SignedInViewer): UserRecord | undefined;
  /** Drops the cached answer here and tells the other instances; resolves once they have been told. */
  forgetSession(id: SessionId): Promise<void>;
  forgetUser(id: UserId): Promise<void>;
}

interface Entry {
  readonly viewer: SignedInViewer | undefined; // undefined: not live, for `refusal`
  readonly user: UserRecord | undefined;
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
  /** Changes from and to other instances; default: this process is the only one. */
  invalidations?: SessionInvalidations | undefined;
}): SessionVerifier {
  const { sessions, clock, cacheTtlMs, maxEntries } = deps;
  const invalidations = deps.invalidations ?? localOnly;
  // Bounded: past maxEntries the least recently used answer goes (lru-cache: O(1), unlike a re-inserting Map).
  const cache = new LRUCache<SessionId, Entry>({ max: maxEntries });
  // Bumped by every forget*. A load that read the database before a forget
  // may hold the answer from before the change: it serves its own request
  // (which raced the change) but must not be cached for the ones after.
  let generation = 0;

  function forget(change: SessionChange): void {
    generation += 1;
    if (change.kind === 'all') cache.clear();
    else if (change.kind === 'session') cache.delete(change.id);
    else if (change.kind === 'user') {
      // Rare (role change, deletion) and bounded by maxEntries.
      for (const [id, entry] of [...cache.entries()]) if (entry.viewer?.userId === change.id) cache.delete(id);
    }
  }
  invalidations.subscribe(forget);

  async function load(id: SessionId, now: number): Promise<Entry> {
    const startedIn = generation;
    const status = await sessions.status(id);
    const refusal = !status ? 'session unknown (ended and purged, or its user deleted)' : status.ended ? 'session ended' : status.expiresAt <= now ? 'session expired' : '';
    const live = status && refusal === '' ? status : undefined;
    if (live && now - live.lastUsedAt > touchEveryMs) await sessions.touch(id, now);
    const entry: Entry = {
      viewer: live && { kind: 'user', userId: live.user.id, role: live.user.role, sessionId: id, emailVerified: live.user.emailVerified },
      user: live?.user,
      refusal,
      sessionExpiresAt: live?.expiresAt ?? 0,
      cachedAt: now,
    };
    if (generation === startedIn && invalidations.listening) cache.set(id, entry);
    return entry;
  }

  /** A cached answer still fresh enough to use, if there is one. */
  const freshEntry = (token: AccessTokenSubject, now: number): Entry | undefined => {
    const cached = invalidations.listening ? cache.get(token.sessionId) : undefined;
    return cached && now - cached.cachedAt < cacheTtlMs ? cached : undefined;
  };
  /** The viewer `entry` gives `token`, or the reason it gives none. */
  const verdict = (entry: Entry, token: AccessTokenSubject, now: number): SignedInViewer | string => {
    const viewer = entry.viewer;
    if (!viewer) return entry.refusal;
    if (entry.sessionExpiresAt <= now) return 'session expired';
    if (viewer.userId !== token.userId) return 'token subject does not own its session';
    return viewer;
  };

  return {
    async viewerFor(token) {
      const now = clock.now();
      const answer = verdict(freshEntry(token, now) ?? (await load(token.sessionId, now)), token, now);
      if (typeof answer === 'string') throw new InvalidTokenError(answer);
      return answer;
    },
    cachedViewerFor(token) {
      const now = clock.now();
      const entry = freshEntry(token, now);
      const answer = entry && verdict(entry, token, now);
      return typeof answer === 'object' ? answer : undefined;
    },
    cachedUser(viewer) {
      const entry = cache.get(viewer.sessionId);
      return entry !== undefined && entry.viewer === viewer ? entry.user : undefined;
    },
    forgetSession(id) {
      forget({ kind: 'session', id });
      return invalidations.publish({ kind: 'session', id });
    },
    forgetUser(id) {
      forget({ kind: 'user', id });
      return invalidations.publish({ kind: 'user', id });
    },
  };
}
