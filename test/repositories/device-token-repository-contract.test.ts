// The device token repository behaves the same on SQLite and PostgreSQL: a
// user's list is bounded (the least recently used go first), expired tokens
// are not trusted and are purged, and deleting the user deletes its tokens.
import { describe, expect, it } from 'vitest';
import type { DeviceTokenHash, UserId } from '../../src/platform/ids.js';
import { createDeviceTokenRepository, createUserRepository } from '../../src/repositories/create-repositories.js';
import { dialects, useEmptyDatabase } from '../helpers/each-dialect.js';

const now = 1_767_225_600_000;
const hour = 3_600_000;
const userId = (n: number) => `01900000-0000-7000-8000-${String(n).padStart(12, '0')}` as UserId;
const hash = (name: string) => `hash-${name}` as DeviceTokenHash;

describe.each(dialects)('device token repository on $dialect', ({ dialect }) => {
  const database = useEmptyDatabase(dialect, 'device token repository contract on PostgreSQL');
  const tokens = () => createDeviceTokenRepository(database());
  const withUsers = async (...ns: number[]) => {
    for (const n of ns) await createUserRepository(database()).insert({ id: userId(n), email: `user${n}@example.com`, passwordHash: 'h', role: 'USER', now });
  };
  const issue = (name: string, user: number, at: number, keep = 10) => tokens().create({ hash: hash(name), userId: userId(user), now: at, expiresAt: at + hour }, keep);
  const liveOf = async (names: readonly string[], at: number) => {
    const owners = await Promise.all(names.map((name) => tokens().userOf(hash(name), at)));
    return names.filter((_, i) => owners[i] !== undefined);
  };

  it('keeps at most the newest of a user, by last use, and never touches another user', async () => {
    await withUsers(1, 2);
    await issue('other', 2, now);
    for (const [i, name] of ['a', 'b', 'c'].entries()) await issue(name, 1, now + i, 3);
    expect(await tokens().userOf(hash('a'), now + 3)).toBe(userId(1)); // a is used again: now the most recent
    await issue('d', 1, now + 4, 3);
    expect(await liveOf(['a', 'b', 'c', 'd', 'other'], now + 5)).toEqual(['a', 'c', 'd', 'other']);
  });

  it('never drops the token it has just stored, even when all were issued in the same millisecond', async () => {
    await withUsers(1);
    for (const name of ['a', 'b', 'c', 'd', 'e']) {
      await issue(name, 1, now, 2);
      expect(await tokens().userOf(hash(name), now), name).toBe(userId(1));
    }
  });

  it('trusts a token until it expires, and purges only the expired', async () => {
    await withUsers(1);
    await issue('old', 1, now);
    await issue('new', 1, now + hour / 2);
    expect(await tokens().userOf(hash('old'), now + hour - 1)).toBe(userId(1));
    expect(await tokens().userOf(hash('old'), now + hour)).toBeUndefined();
    expect(await tokens().userOf(hash('unknown'), now)).toBeUndefined();
    expect(await tokens().purgeExpired(now + hour)).toBe(1);
    expect(await tokens().purgeExpired(now + hour)).toBe(0);
    expect(await liveOf(['old', 'new'], now + hour)).toEqual(['new']);
  });

  it('revokes every token of one user, and says how many', async () => {
    await withUsers(1, 2);
    await issue('a', 1, now);
    await issue('b', 1, now);
    await issue('c', 2, now);
    expect(await tokens().revokeAllForUser(userId(1))).toBe(2);
    expect(await liveOf(['a', 'b', 'c'], now)).toEqual(['c']);
  });

  it('deletes the tokens of a deleted user (cascade)', async () => {
    await withUsers(1, 2);
    await issue('a', 1, now);
    await issue('b', 2, now);
    expect(await createUserRepository(database()).delete(userId(1))).toBe(true);
    expect(await liveOf(['a', 'b'], now)).toEqual(['b']);
    expect(await tokens().revokeAllForUser(userId(1))).toBe(0);
  });
});
