// The revocation check against a real in-memory SQLite. The one case HTTP
// cannot pin down deterministically: a request that read the session just
// before a logout committed must not leave a stale "live" answer in the cache.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDatabase, type Database } from '../../db/create-database.js';
import type { RefreshTokenHash, SessionId, UserId } from '../../src/platform/ids.js';
import type { SessionRepository } from '../../src/repositories/session-repository.js';
import { createSessionRepository, createUserRepository } from '../../src/repositories/create-repositories.js';
import type { SessionChange, SessionInvalidations } from '../../src/services/session-invalidations.js';
import { createSessionVerifier } from '../../src/services/session-verifier.js';
import { createFakeClock } from '../helpers/fake-clock.js';

const userId = '01900000-0000-7000-8000-000000000001' as UserId;
const sessionId = '01900000-0000-7000-8000-000000000002' as SessionId;
const token = { userId, sessionId, role: 'USER' } as const;
const unknownSession = (n: number) => `01900000-0000-7000-8000-ff${String(n).padStart(10, '0')}` as SessionId;

describe('session verifier', () => {
  let database: Database;
  let repository: SessionRepository;
  const clock = createFakeClock();

  beforeEach(async () => {
    database = await createDatabase(':memory:');
    repository = createSessionRepository(database);
    const now = clock.now();
    await createUserRepository(database).insert({ id: userId, email: 'v@example.com', passwordHash: 'x', role: 'USER', now });
    await repository.create({ id: sessionId, userId, now, expiresAt: now + 3_600_000, userAgent: undefined, ip: '127.0.0.1', refreshTokenHash: 'h' as RefreshTokenHash, refreshTokenExpiresAt: now + 3_600_000 });
  });
  afterEach(() => database.close());

  it('does not cache an answer read before a concurrent forgetSession', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let gated = true;
    // The real repository, with the first status read held back until the logout below is done.
    const slowFirstRead: SessionRepository = {
      ...repository,
      async status(id) {
        const status = await repository.status(id);
        if (gated) {
          gated = false;
          await gate;
        }
        return status;
      },
    };
    const verifier = createSessionVerifier({ sessions: slowFirstRead, clock, cacheTtlMs: 60_000, maxEntries: 10 });

    const racing = verifier.viewerFor(token); // reads "live", then waits
    await repository.end(sessionId, 'logout', clock.now());
    verifier.forgetSession(sessionId);
    release();
    await expect(racing).resolves.toMatchObject({ sessionId }); // it raced the logout: served as it was
    await expect(verifier.viewerFor(token)).rejects.toMatchObject({ reason: 'session ended' });
  });

  it('names each refusal precisely, for the log', async () => {
    const verifier = createSessionVerifier({ sessions: repository, clock, cacheTtlMs: 60_000, maxEntries: 10 });
    await expect(verifier.viewerFor(token)).resolves.toMatchObject({ userId });
    await expect(verifier.viewerFor({ ...token, sessionId: unknownSession(1) })).rejects.toMatchObject({ reason: expect.stringMatching(/^session unknown/) });
    await expect(verifier.viewerFor({ ...token, userId: '01900000-0000-7000-8000-0000000000ee' as UserId })).rejects.toMatchObject({
      reason: 'token subject does not own its session',
    });
    clock.advance(3_600_000);
    await expect(verifier.viewerFor(token)).rejects.toMatchObject({ reason: 'session expired' });
  });

  it("hands out the user it read with a viewer's check only while that check is the cached answer", async () => {
    const verifier = createSessionVerifier({ sessions: repository, clock, cacheTtlMs: 60_000, maxEntries: 10 });
    const viewer = await verifier.viewerFor(token);
    expect(verifier.cachedUser(viewer)).toEqual({ id: userId, email: 'v@example.com', role: 'USER', createdAt: clock.now(), emailVerified: false });
    await createUserRepository(database).setRole(userId, 'ADMIN', clock.now());
    await verifier.forgetUser(userId); // what every role change does
    expect(verifier.cachedUser(viewer)).toBeUndefined();
    const after = await verifier.viewerFor(token);
    expect(verifier.cachedUser(after)).toMatchObject({ role: 'ADMIN' });
    expect(verifier.cachedUser(viewer)).toBeUndefined(); // an older answer's viewer gets nothing newer or older
  });

  it('keeps at most maxEntries, dropping the least recently loaded', async () => {
    let reads = 0;
    const counting: SessionRepository = { ...repository, status: (id) => ((reads += 1), repository.status(id)) };
    const verifier = createSessionVerifier({ sessions: counting, clock, cacheTtlMs: 60_000, maxEntries: 2 });
    const check = (n: number) => verifier.viewerFor({ ...token, sessionId: unknownSession(n) }).catch(() => undefined);
    await check(1);
    await check(2);
    await check(3); // evicts 1
    expect(reads).toBe(3);
    await check(3);
    await check(2);
    expect(reads).toBe(3); // both still cached
    await check(1);
    expect(reads).toBe(4);
  });

  describe('with a channel to other instances', () => {
    // Stands in for Redis pub/sub (test/http/two-instances.test.ts runs the real one):
    // `hear` delivers a change as if another instance had published it.
    function channel() {
      let apply: (change: SessionChange) => void = () => {};
      const published: SessionChange[] = [];
      const invalidations: SessionInvalidations & { listening: boolean } = {
        listening: true,
        publish: async (change) => void published.push(change),
        subscribe: (handler) => void (apply = handler),
      };
      return { invalidations, published, hear: (change: SessionChange) => apply(change) };
    }
    const countingReads = () => {
      const counter = { reads: 0 };
      const sessions: SessionRepository = { ...repository, status: (id) => ((counter.reads += 1), repository.status(id)) };
      return { counter, sessions };
    };

    it('publishes what it forgets, and forgets what it hears', async () => {
      const { invalidations, published, hear } = channel();
      const { counter, sessions } = countingReads();
      const verifier = createSessionVerifier({ sessions, clock, cacheTtlMs: 60_000, maxEntries: 10, invalidations });
      await verifier.viewerFor(token);
      await verifier.viewerFor(token);
      expect(counter.reads).toBe(1);
      hear({ kind: 'user', id: userId });
      await verifier.viewerFor(token);
      expect(counter.reads).toBe(2);
      await verifier.forgetSession(sessionId);
      expect(published).toEqual([{ kind: 'session', id: sessionId }]);
    });

    it('caches nothing while it may be missing changes, and drops what it had', async () => {
      const { invalidations, hear } = channel();
      const { counter, sessions } = countingReads();
      const verifier = createSessionVerifier({ sessions, clock, cacheTtlMs: 60_000, maxEntries: 10, invalidations });
      await verifier.viewerFor(token);
      invalidations.listening = false;
      hear({ kind: 'all' });
      await verifier.viewerFor(token);
      await verifier.viewerFor(token);
      expect(counter.reads).toBe(3);
      invalidations.listening = true;
      hear({ kind: 'all' });
      await verifier.viewerFor(token);
      await verifier.viewerFor(token);
      expect(counter.reads).toBe(4);
    });
  });
});
