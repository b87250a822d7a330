// Passkey and WebAuthn challenge queries on SQLite (better-sqlite3, synchronous).
import { count, eq } from 'drizzle-orm';
import type { SqliteDb } from '../../../db/create-database.js';
import { passkeys, webauthnChallenges } from '../../../db/sqlite/mfa-schema.js';
import { maybe } from '../records-from-rows.js';
import { byUser, passkeyFilters, passkeyRow, toChallenge, toPasskey } from '../passkey-rows.js';
import type { PasskeyRepository } from '../passkey-repository.js';

const where = passkeyFilters(passkeys, webauthnChallenges);

export const createSqlitePasskeyRepository = (db: SqliteDb): PasskeyRepository => ({
  async listOf(userIds) {
    if (userIds.length === 0) return new Map();
    return byUser(userIds, db.select().from(passkeys).where(where.ofUsers(userIds)).orderBy(...where.oldestFirst()).all());
  },
  async byCredentialId(credentialId) {
    return maybe(db.select().from(passkeys).where(eq(passkeys.credentialId, credentialId)).get(), toPasskey);
  },
  async insert(passkey, maxPerUser) {
    return db.transaction((tx) => {
      const held = tx.select({ n: count() }).from(passkeys).where(eq(passkeys.userId, passkey.userId)).get()?.n ?? 0;
      if (held >= maxPerUser) return false;
      tx.insert(passkeys).values(passkeyRow(passkey)).run();
      return true;
    });
  },
  async recordUse(id, checked, counter, now) {
    return db.update(passkeys).set({ counter, lastUsedAt: now }).where(where.atCounter(id, checked)).run().changes === 1;
  },
  async remove(id, userId) {
    return db.delete(passkeys).where(where.owned(id, userId)).run().changes === 1;
  },
  async removeAllOf(userId) {
    return db.delete(passkeys).where(eq(passkeys.userId, userId)).run().changes;
  },
  async createChallenge(challenge, now) {
    db.transaction((tx) => {
      tx.delete(webauthnChallenges).where(where.expiredChallenges(now)).run();
      if (challenge.purpose === 'registration' && challenge.userId !== null) tx.delete(webauthnChallenges).where(where.registrationsOf(challenge.userId)).run();
      tx.insert(webauthnChallenges).values(challenge).run();
    });
  },
  async takeChallenge(key, now) {
    return maybe(db.delete(webauthnChallenges).where(where.liveChallenge(key, now)).returning().get(), toChallenge);
  },
});
