// Passkey and WebAuthn challenge queries on PostgreSQL (node-postgres pool).
import { count, eq } from 'drizzle-orm';
import type { PgDb } from '../../../db/create-database.js';
import { users } from '../../../db/pg/schema.js';
import { passkeys, webauthnChallenges } from '../../../db/pg/mfa-schema.js';
import { maybe } from '../records-from-rows.js';
import { byUser, passkeyFilters, passkeyRow, toChallenge, toPasskey } from '../passkey-rows.js';
import type { PasskeyRepository } from '../passkey-repository.js';

const where = passkeyFilters(passkeys, webauthnChallenges);

export const createPgPasskeyRepository = (db: PgDb): PasskeyRepository => ({
  async listOf(userIds) {
    if (userIds.length === 0) return new Map();
    return byUser(userIds, await db.select().from(passkeys).where(where.ofUsers(userIds)).orderBy(...where.oldestFirst()));
  },
  async byCredentialId(credentialId) {
    const [row] = await db.select().from(passkeys).where(eq(passkeys.credentialId, credentialId));
    return maybe(row, toPasskey);
  },
  async insert(passkey, maxPerUser) {
    return db.transaction(async (tx) => {
      // The user's row locked: two registrations at once cannot both pass the count.
      await tx.select({ id: users.id }).from(users).where(eq(users.id, passkey.userId)).for('update');
      const [held] = await tx.select({ n: count() }).from(passkeys).where(eq(passkeys.userId, passkey.userId));
      if ((held?.n ?? 0) >= maxPerUser) return false;
      await tx.insert(passkeys).values(passkeyRow(passkey));
      return true;
    });
  },
  async recordUse(id, checked, counter, now) {
    return (await db.update(passkeys).set({ counter, lastUsedAt: now }).where(where.atCounter(id, checked))).rowCount === 1;
  },
  async remove(id, userId) {
    return (await db.delete(passkeys).where(where.owned(id, userId))).rowCount === 1;
  },
  async removeAllOf(userId) {
    return (await db.delete(passkeys).where(eq(passkeys.userId, userId))).rowCount ?? 0;
  },
  async createChallenge(challenge, now) {
    await db.transaction(async (tx) => {
      await tx.delete(webauthnChallenges).where(where.expiredChallenges(now));
      if (challenge.purpose === 'registration' && challenge.userId !== null) await tx.delete(webauthnChallenges).where(where.registrationsOf(challenge.userId));
      await tx.insert(webauthnChallenges).values(challenge);
    });
  },
  async takeChallenge(key, now) {
    const [row] = await db.delete(webauthnChallenges).where(where.liveChallenge(key, now)).returning();
    return maybe(row, toChallenge);
  },
});
