// The one-time token repository behaves the same on SQLite and PostgreSQL:
// one live token per user and purpose, used up exactly once (of two uses at
// once, one wins), never after it expired, and gone with its user.
import { describe, expect, it } from 'vitest';
import type { OneTimeTokenHash, UserId } from '../../src/platform/ids.js';
import { createOneTimeTokenRepository, createUserRepository } from '../../src/repositories/create-repositories.js';
import { dialects, useEmptyDatabase } from '../helpers/each-dialect.js';

const now = 1_767_225_600_123;
const userId = (n: number) => `01900000-0000-7000-8000-${String(n).padStart(12, '0')}` as UserId;
const hash = (name: string) => `hash-${name}` as OneTimeTokenHash;

describe.each(dialects)('one-time token repository on $dialect', ({ dialect }) => {
  const database = useEmptyDatabase(dialect, 'one-time token repository contract on PostgreSQL');
  const tokens = () => createOneTimeTokenRepository(database());
  const withUsers = async (...ns: number[]) => {
    for (const n of ns) await createUserRepository(database()).insert({ id: userId(n), email: `u${n}@example.com`, passwordHash: 'h', role: 'USER', now });
  };
  const issue = (name: string, n = 1, purpose: 'password_reset' | 'email_verification' | 'email_change' = 'password_reset', ttl = 60_000) =>
    tokens().replace({ hash: hash(name), userId: userId(n), purpose, email: `u${n}@example.com`, now, expiresAt: now + ttl });

  it('stores a token that can be looked at, then used up exactly once', async () => {
    await withUsers(1);
    await issue('a');
    const record = { userId: userId(1), purpose: 'password_reset', email: 'u1@example.com', createdAt: now, expiresAt: now + 60_000 };
    expect(await tokens().findLive(hash('a'), 'password_reset', now)).toEqual(record);
    expect(await tokens().consume(hash('a'), 'password_reset', now)).toEqual(record);
    expect(await tokens().consume(hash('a'), 'password_reset', now)).toBeUndefined();
    expect(await tokens().findLive(hash('a'), 'password_reset', now)).toBeUndefined();
  });

  it('keeps one token per user and purpose: a newer one replaces the older, other purposes and users stay', async () => {
    await withUsers(1, 2);
    await issue('old');
    await issue('verify', 1, 'email_verification');
    await issue('other-user', 2);
    await issue('new');
    expect(await tokens().findLive(hash('old'), 'password_reset', now)).toBeUndefined();
    for (const [name, purpose, n] of [['new', 'password_reset', 1], ['verify', 'email_verification', 1], ['other-user', 'password_reset', 2]] as const) {
      expect((await tokens().findLive(hash(name), purpose, now))?.userId).toBe(userId(n));
    }
  });

  it('replaces in turn when two requests for one user run at once, leaving one token', async () => {
    await withUsers(1);
    const names = ['v', 'w', 'x', 'y', 'z'];
    // Open several connections first (PostgreSQL's pool), so the replacements really overlap.
    await Promise.all(names.map((name) => tokens().findLive(hash(name), 'password_reset', now)));
    await Promise.all(names.map((name) => issue(name)));
    const live = await Promise.all(names.map((name) => tokens().findLive(hash(name), 'password_reset', now)));
    expect(live.filter((t) => t !== undefined)).toHaveLength(1);
  });

  it('does not use up a token for another purpose, and refuses an expired one (deleting it)', async () => {
    await withUsers(1);
    await issue('a', 1, 'email_change', 1000);
    expect(await tokens().consume(hash('a'), 'password_reset', now)).toBeUndefined();
    expect(await tokens().findLive(hash('a'), 'email_change', now + 1000)).toBeUndefined();
    expect(await tokens().consume(hash('a'), 'email_change', now + 1000)).toBeUndefined();
    expect(await tokens().consume(hash('a'), 'email_change', now)).toBeUndefined(); // it was deleted
  });

  it('gives a token to only one of two uses at once', async () => {
    await withUsers(1);
    await issue('race');
    const results = await Promise.all([1, 2, 3, 4].map(() => tokens().consume(hash('race'), 'password_reset', now)));
    expect(results.filter((r) => r !== undefined)).toHaveLength(1);
  });

  it('deletes every token of a user, and goes with the user', async () => {
    await withUsers(1, 2);
    await issue('a', 1);
    await issue('b', 1, 'email_verification');
    await issue('c', 2);
    expect(await tokens().deleteAllOf(userId(1))).toBe(2);
    await createUserRepository(database()).delete(userId(2));
    expect(await tokens().findLive(hash('c'), 'password_reset', now)).toBeUndefined();
  });
});
