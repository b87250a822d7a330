// The user repository behaves the same on SQLite and PostgreSQL: the same
// records out, the same constraints (case-insensitive unique email, the role
// check, cascading deletes) and the same paging order.
import { describe, expect, it } from 'vitest';
import type { RefreshTokenHash, SessionId, UserId } from '../../src/platform/ids.js';
import type { Role } from '../../src/platform/request-context.js';
import { createSessionRepository, createUserRepository } from '../../src/repositories/create-repositories.js';
import { dialects, useEmptyDatabase } from '../helpers/each-dialect.js';

// Past 2^31 and 2^32 on purpose: epoch milliseconds must survive as exact numbers.
const now = 1_767_225_600_123;
const userId = (n: number) => `01900000-0000-7000-8000-${String(n).padStart(12, '0')}` as UserId;
const newUser = (n: number, email = `user${n}@example.com`, role: Role = 'USER') => ({ id: userId(n), email, passwordHash: `hash-${n}`, role, now: now + n });

describe.each(dialects)('user repository on $dialect', ({ dialect }) => {
  const database = useEmptyDatabase(dialect, 'user repository contract on PostgreSQL');
  const users = () => createUserRepository(database());

  it('inserts a user and finds it by id, by email in any case, and with its password hash', async () => {
    const inserted = await users().insert(newUser(1, 'ada@example.com'));
    const record = { id: userId(1), email: 'ada@example.com', role: 'USER', createdAt: now + 1, emailVerified: false };
    expect(inserted).toEqual(record);
    expect(await users().findById(userId(1))).toEqual(record);
    expect(await users().findByEmail('ADA@Example.COM')).toEqual({ ...record, passwordHash: 'hash-1' });
    expect(await users().findWithPasswordHash(userId(1))).toEqual({ ...record, passwordHash: 'hash-1' });
  });

  it('finds nothing for unknown ids and emails', async () => {
    expect(await users().findById(userId(9))).toBeUndefined();
    expect(await users().findByEmail('nobody@example.com')).toBeUndefined();
    expect(await users().findWithPasswordHash(userId(9))).toBeUndefined();
  });

  it('refuses an email taken in another case by returning no user, and stores nothing', async () => {
    await users().insert(newUser(1, 'Grace@Example.com'));
    expect(await users().insert(newUser(2, 'grace@example.COM'))).toBeUndefined();
    expect(await users().findById(userId(2))).toBeUndefined();
    expect((await users().listAfter(undefined, 10)).map((u) => u.email)).toEqual(['Grace@Example.com']);
  });

  it('refuses a taken skeleton like a taken email, and tells which of the two an address collides with', async () => {
    await users().insert({ ...newUser(1, 'admin@example.com'), emailSkeleton: 'adrnin@exarnple.corn' });
    await users().insert(newUser(2, 'plain@example.com')); // no skeleton: made while UTF-8 local parts were off
    expect(await users().insert({ ...newUser(3, 'аdmin@example.com'), emailSkeleton: 'adrnin@exarnple.corn' })).toBeUndefined();
    expect(await users().findById(userId(3))).toBeUndefined();
    expect(await users().whoHas({ email: 'ADMIN@example.com', emailSkeleton: null })).toBe('email');
    expect(await users().whoHas({ email: 'admin@example.com', emailSkeleton: 'adrnin@exarnple.corn' })).toBe('email');
    expect(await users().whoHas({ email: 'аdmin@example.com', emailSkeleton: 'adrnin@exarnple.corn' })).toBe('skeleton');
    expect(await users().whoHas({ email: 'other@example.com', emailSkeleton: 'other@exarnple.corn' })).toBeUndefined();
    // Nulls never collide: any number of users may have no skeleton.
    expect(await users().insert(newUser(4, 'another@example.com'))).toMatchObject({ id: userId(4) });
  });

  it('lists the users without a skeleton in id order, and stores one only while nobody else holds it', async () => {
    for (const n of [1, 2, 3]) await users().insert(newUser(n));
    await users().insert({ ...newUser(4), emailSkeleton: 'taken' });
    expect(await users().listWithoutSkeleton(undefined, 2)).toEqual([
      { id: userId(1), email: 'user1@example.com' },
      { id: userId(2), email: 'user2@example.com' },
    ]);
    expect(await users().listWithoutSkeleton(userId(2), 10)).toEqual([{ id: userId(3), email: 'user3@example.com' }]);
    expect(await users().setEmailSkeleton(userId(1), 'one')).toBe(true);
    expect(await users().setEmailSkeleton(userId(2), 'taken')).toBe(false);
    expect(await users().setEmailSkeleton(userId(4), 'other')).toBe(false); // already has one
    expect(await users().setEmailSkeleton(userId(9), 'nine')).toBe(false);
    expect(await users().whoHas({ email: 'x@example.com', emailSkeleton: 'one' })).toBe('skeleton');
    expect((await users().listWithoutSkeleton(undefined, 10)).map((u) => u.id)).toEqual([userId(2), userId(3)]);
  });

  it('gives a skeleton to one of two users storing it at once; the other is told no, not thrown at', async () => {
    for (const n of [1, 2]) await users().insert(newUser(n));
    const stored = await Promise.all([users().setEmailSkeleton(userId(1), 'same'), users().setEmailSkeleton(userId(2), 'same')]);
    expect([...stored].sort()).toEqual([false, true]);
  });

  it('rejects a role outside USER and ADMIN (the check constraint), storing nothing', async () => {
    await expect(users().insert(newUser(1, 'root@example.com', 'ROOT' as Role))).rejects.toThrow();
    expect(await users().findById(userId(1))).toBeUndefined();
  });

  it('pages by id in creation order', async () => {
    for (const n of [3, 1, 4, 2, 5]) await users().insert(newUser(n));
    const first = await users().listAfter(undefined, 2);
    expect(first.map((u) => u.id)).toEqual([userId(1), userId(2)]);
    expect((await users().listAfter(userId(2), 2)).map((u) => u.id)).toEqual([userId(3), userId(4)]);
    expect((await users().listAfter(userId(4), 10)).map((u) => u.id)).toEqual([userId(5)]);
    expect(await users().listAfter(userId(5), 10)).toEqual([]);
  });

  it('changes the role and the password hash, and says when there was no such user', async () => {
    await users().insert(newUser(1));
    expect(await users().setRole(userId(1), 'ADMIN', now + 100)).toEqual({ id: userId(1), email: 'user1@example.com', role: 'ADMIN', createdAt: now + 1, emailVerified: false });
    expect(await users().setRole(userId(9), 'ADMIN', now)).toBeUndefined();
    expect(await users().setPasswordHash(userId(1), 'new-hash', now + 200)).toBe(true);
    expect(await users().setPasswordHash(userId(9), 'new-hash', now)).toBe(false);
    expect((await users().findWithPasswordHash(userId(1)))?.passwordHash).toBe('new-hash');
  });

  it('starts unverified unless told otherwise, and verifies an address only while the user still has it', async () => {
    await users().insert(newUser(1, 'Lin@example.com'));
    await users().insert({ ...newUser(2), emailVerified: true });
    expect((await users().findById(userId(2)))?.emailVerified).toBe(true);
    expect(await users().markEmailVerified(userId(1), 'other@example.com', now + 5)).toBeUndefined();
    expect((await users().findById(userId(1)))?.emailVerified).toBe(false);
    expect(await users().markEmailVerified(userId(1), 'lin@EXAMPLE.com', now + 5)).toEqual({ id: userId(1), email: 'Lin@example.com', role: 'USER', createdAt: now + 1, emailVerified: true });
    expect(await users().markEmailVerified(userId(9), 'lin@example.com', now + 5)).toBeUndefined();
  });

  it('moves a user to a free address, verified, and refuses one taken in any case', async () => {
    await users().insert(newUser(1, 'first@example.com'));
    await users().insert(newUser(2, 'Taken@example.com'));
    expect(await users().changeEmail(userId(1), { email: 'taken@EXAMPLE.com', emailSkeleton: null }, now + 5)).toBeUndefined();
    expect(await users().findById(userId(1))).toMatchObject({ email: 'first@example.com', emailVerified: false });
    expect(await users().changeEmail(userId(1), { email: 'second@example.com', emailSkeleton: null }, now + 5)).toEqual({ id: userId(1), email: 'second@example.com', role: 'USER', createdAt: now + 1, emailVerified: true });
    expect(await users().changeEmail(userId(9), { email: 'third@example.com', emailSkeleton: null }, now + 5)).toBeUndefined();
  });

  it('deletes a user with its sessions and refresh tokens (cascade)', async () => {
    await users().insert(newUser(1));
    await users().insert(newUser(2));
    const sessions = createSessionRepository(database());
    const session = (n: number, user: UserId) => ({
      id: `01900000-0000-7000-8000-5e55${String(n).padStart(8, '0')}` as SessionId,
      userId: user,
      now,
      expiresAt: now + 3_600_000,
      userAgent: undefined,
      ip: '127.0.0.1',
      refreshTokenHash: `token-${n}` as RefreshTokenHash,
      refreshTokenExpiresAt: now + 3_600_000,
    });
    await sessions.create(session(1, userId(1)));
    await sessions.create(session(2, userId(2)));

    expect(await users().delete(userId(1))).toBe(true);
    expect(await users().delete(userId(1))).toBe(false);
    expect(await users().findById(userId(1))).toBeUndefined();
    expect(await sessions.find(session(1, userId(1)).id)).toBeUndefined();
    const rotation = { next: 'next' as RefreshTokenHash, nextExpiresAt: now + 3_600_000, now: now + 1, userAgent: undefined, ip: '127.0.0.1' };
    expect(await sessions.rotate({ ...rotation, presented: 'token-1' as RefreshTokenHash })).toEqual({ kind: 'unknown' });
    // The other user's session and token are untouched.
    expect((await sessions.rotate({ ...rotation, presented: 'token-2' as RefreshTokenHash })).kind).toBe('rotated');
  });
});
