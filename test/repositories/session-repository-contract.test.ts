// The session repository behaves the same on SQLite and PostgreSQL: the
// per-request status, ending sessions, listing, purging, and refresh rotation,
// which stays atomic when many rotations of one token race.
import { describe, expect, it } from 'vitest';
import type { RefreshTokenHash, SessionId, UserId } from '../../src/platform/ids.js';
import type { NewSession, Rotation } from '../../src/repositories/session-repository.js';
import { createSessionRepository, createUserRepository } from '../../src/repositories/create-repositories.js';
import { dialects, useEmptyDatabase } from '../helpers/each-dialect.js';

const now = 1_767_225_600_000;
const hour = 3_600_000;
const alice = '01900000-0000-7000-8000-0000000000a1' as UserId;
const bob = '01900000-0000-7000-8000-0000000000b0' as UserId;
const sessionId = (n: number) => `01900000-0000-7000-8000-5e5500000${String(n).padStart(3, '0')}` as SessionId;
const hash = (name: string) => name as RefreshTokenHash;

const newSession = (n: number, userId = alice, at = now): NewSession => ({
  id: sessionId(n),
  userId,
  now: at,
  expiresAt: at + 2 * hour,
  userAgent: 'agent/1',
  ip: '10.0.0.1',
  refreshTokenHash: hash(`t${n}`),
  refreshTokenExpiresAt: at + hour,
  proof: { authTime: at, amr: ['pwd', 'otp', 'mfa'] },
});
const rotation = (presented: string, next: string, at: number): Rotation => ({
  presented: hash(presented),
  next: hash(next),
  nextExpiresAt: at + hour,
  now: at,
  userAgent: 'agent/2',
  ip: '10.0.0.2',
});

describe.each(dialects)('session repository on $dialect', ({ dialect }) => {
  const database = useEmptyDatabase(dialect, 'session repository contract on PostgreSQL');
  const sessions = () => createSessionRepository(database());
  const withUsers = async () => {
    const users = createUserRepository(database());
    await users.insert({ id: alice, email: 'alice@example.com', passwordHash: 'x', role: 'ADMIN', now });
    await users.insert({ id: bob, email: 'bob@example.com', passwordHash: 'x', role: 'USER', now });
    return sessions();
  };

  it('reports a new session as live, with its owner as stored now, and unknown ids as absent', async () => {
    const repo = await withUsers();
    await repo.create(newSession(1));
    expect(await repo.status(sessionId(1))).toEqual({
      sessionId: sessionId(1),
      user: { id: alice, email: 'alice@example.com', role: 'ADMIN', createdAt: now, emailVerified: false },
      expiresAt: now + 2 * hour,
      lastUsedAt: now,
      ended: false,
    });
    expect(await repo.find(sessionId(1))).toEqual({
      ...{ id: sessionId(1), userId: alice, createdAt: now, lastUsedAt: now, expiresAt: now + 2 * hour, userAgent: 'agent/1', ip: '10.0.0.1' },
      proof: { authTime: now, amr: ['pwd', 'otp', 'mfa'] },
    });
    expect(await repo.status(sessionId(9))).toBeUndefined();
    expect(await repo.find(sessionId(9))).toBeUndefined();
  });

  it('refuses a session for a user that does not exist (foreign key)', async () => {
    const repo = await withUsers();
    await expect(repo.create(newSession(1, '01900000-0000-7000-8000-00000000dead' as UserId))).rejects.toThrow();
    expect(await repo.find(sessionId(1))).toBeUndefined();
  });

  it('moves last use forward only', async () => {
    const repo = await withUsers();
    await repo.create(newSession(1));
    await repo.touch(sessionId(1), now + 10);
    await repo.touch(sessionId(1), now + 5);
    expect((await repo.find(sessionId(1)))?.lastUsedAt).toBe(now + 10);
  });

  it('ends a session once, and ends all of a user’s sessions but one', async () => {
    const repo = await withUsers();
    for (const n of [1, 2, 3]) await repo.create(newSession(n));
    await repo.create(newSession(4, bob));
    expect(await repo.end(sessionId(1), 'logout', now + 1)).toBe(true);
    expect(await repo.end(sessionId(1), 'logout', now + 2)).toBe(false);
    expect((await repo.status(sessionId(1)))?.ended).toBe(true);

    expect(await repo.endAllOf(alice, 'logout_all', now + 3, sessionId(3))).toEqual([sessionId(2)]);
    expect(await repo.endAllOf(alice, 'password_changed', now + 4)).toEqual([sessionId(3)]);
    expect((await repo.status(sessionId(4)))?.ended).toBe(false);
  });

  it('lists a user’s live sessions newest first, leaving out ended and expired ones', async () => {
    const repo = await withUsers();
    await repo.create(newSession(1, alice, now - 3 * hour)); // expired at now - hour
    await repo.create(newSession(2, alice, now));
    await repo.create(newSession(3, alice, now + 1));
    await repo.create(newSession(4, alice, now + 2));
    await repo.create(newSession(5, bob, now + 3));
    await repo.end(sessionId(3), 'revoked', now + 4);
    expect((await repo.listLive(alice, now + 5)).map((s) => s.id)).toEqual([sessionId(4), sessionId(2)]);
  });

  it('rotates a token once: the successor works, the old one comes back as reused', async () => {
    const repo = await withUsers();
    await repo.create(newSession(1));
    const first = await repo.rotate(rotation('t1', 't1b', now + 10));
    expect(first).toEqual({
      kind: 'rotated',
      // The sign-in's proof comes along unchanged: a refresh proves nothing new.
      session: { id: sessionId(1), userId: alice, createdAt: now, lastUsedAt: now + 10, expiresAt: now + 2 * hour, userAgent: 'agent/2', ip: '10.0.0.2', proof: { authTime: now, amr: ['pwd', 'otp', 'mfa'] } },
      user: { id: alice, email: 'alice@example.com', role: 'ADMIN', createdAt: now, emailVerified: false },
    });
    expect(await repo.rotate(rotation('t1', 't1c', now + 20))).toEqual({ kind: 'reused', sessionId: sessionId(1), userId: alice, rotatedAt: now + 10 });
    expect((await repo.rotate(rotation('t1b', 't1d', now + 30))).kind).toBe('rotated');
    expect(await repo.rotate(rotation('nope', 'x', now))).toEqual({ kind: 'unknown' });
  });

  it('renews a live session\'s proof with a new refresh token, the old one counting as rotated', async () => {
    const repo = await withUsers();
    await repo.create(newSession(1));
    const renewal = { sessionId: sessionId(1), proof: { authTime: now + 50, amr: ['pwd'] as const }, refreshTokenHash: hash('t1-renewed'), refreshTokenExpiresAt: now + 10 * hour, now: now + 50 };
    expect(await repo.renewProof({ ...renewal, proof: { authTime: now + 50, amr: ['pwd'] } })).toBe(true);
    expect((await repo.find(sessionId(1)))?.proof).toEqual({ authTime: now + 50, amr: ['pwd'] });
    expect(await repo.rotate(rotation('t1', 'x', now + 60))).toEqual({ kind: 'reused', sessionId: sessionId(1), userId: alice, rotatedAt: now + 50 });
    // The new token never outlives the session, and rotates as any other.
    expect(await repo.rotate(rotation('t1-renewed', 't1-next', now + 70))).toMatchObject({ kind: 'rotated', session: { proof: { authTime: now + 50, amr: ['pwd'] } } });
    await repo.end(sessionId(1), 'logout', now + 80);
    expect(await repo.renewProof({ ...renewal, refreshTokenHash: hash('t1-late'), now: now + 90, proof: { authTime: now + 90, amr: ['pwd'] } })).toBe(false);
    expect(await repo.rotate(rotation('t1-late', 'y', now + 100))).toEqual({ kind: 'unknown' });
  });

  it('refuses expired tokens, tokens of ended sessions, and refreshing past the session’s lifetime', async () => {
    const repo = await withUsers();
    for (const n of [1, 2, 3]) await repo.create(newSession(n));
    expect(await repo.rotate(rotation('t3', 'x3', now + hour))).toEqual({ kind: 'expired' });
    await repo.end(sessionId(2), 'logout', now + 1);
    expect(await repo.rotate(rotation('t2', 'x2', now + 2))).toEqual({ kind: 'ended' });
    // Refreshing keeps a session going only up to its absolute lifetime.
    expect((await repo.rotate(rotation('t1', 't1b', now + 0.9 * hour))).kind).toBe('rotated');
    expect((await repo.rotate(rotation('t1b', 't1c', now + 1.8 * hour))).kind).toBe('rotated');
    expect(await repo.rotate(rotation('t1c', 't1d', now + 2 * hour))).toEqual({ kind: 'expired' });
  });

  it('lets exactly one of many concurrent rotations of one token win', async () => {
    const repo = await withUsers();
    await repo.create(newSession(1));
    const outcomes = await Promise.all(Array.from({ length: 12 }, (_, i) => repo.rotate(rotation('t1', `t1-${i}`, now + 10))));
    const winners = outcomes.filter((o) => o.kind === 'rotated');
    expect(winners).toHaveLength(1);
    expect(outcomes.filter((o) => o.kind === 'reused')).toHaveLength(11);
    // Exactly one successor exists: the others' tokens were never stored.
    const live = await Promise.all(Array.from({ length: 12 }, (_, i) => repo.rotate(rotation(`t1-${i}`, `t1-${i}-next`, now + 20))));
    expect(live.filter((o) => o.kind === 'rotated')).toHaveLength(1);
    expect(live.filter((o) => o.kind === 'unknown')).toHaveLength(11);
  });

  it('purges sessions over for longer than the retention, with their tokens, and expired tokens', async () => {
    const repo = await withUsers();
    await repo.create(newSession(1)); // ends at once
    await repo.create(newSession(2)); // live; its first token expires at now + hour
    await repo.create(newSession(3, bob, now + hour)); // live throughout
    await repo.end(sessionId(1), 'logout', now);
    expect(await repo.purge(now + 10, now)).toEqual({ sessions: 0, refreshTokens: 0 });
    expect(await repo.purge(now + hour + 1, now + 1)).toEqual({ sessions: 1, refreshTokens: 1 });
    expect(await repo.find(sessionId(1))).toBeUndefined();
    expect(await repo.find(sessionId(2))).toMatchObject({ id: sessionId(2), userId: alice, expiresAt: newSession(2).expiresAt });
    expect(await repo.rotate(rotation('t3', 't3b', now + hour + 2))).toMatchObject({ kind: 'rotated' });
  });
});
