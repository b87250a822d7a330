// Pending second-factor sign-ins on SQLite (better-sqlite3, synchronous).
import { eq } from 'drizzle-orm';
import type { SqliteDb } from '../../../db/create-database.js';
import { mfaChallenges } from '../../../db/sqlite/mfa-schema.js';
import { maybe } from '../records-from-rows.js';
import { mfaChallengeFilters, mfaChallengeRow, toMfaChallenge } from '../mfa-challenge-rows.js';
import type { MfaChallengeRepository } from '../mfa-challenge-repository.js';

const where = mfaChallengeFilters(mfaChallenges);

export const createSqliteMfaChallengeRepository = (db: SqliteDb): MfaChallengeRepository => ({
  async create(challenge, now) {
    db.transaction((tx) => {
      tx.delete(mfaChallenges).where(where.expired(now)).run();
      tx.insert(mfaChallenges).values(mfaChallengeRow(challenge)).run();
    });
  },
  async claimAttempt(tokenHash, maxAttempts, now) {
    const row = db.update(mfaChallenges).set({ attempts: where.oneMoreAttempt() }).where(where.claimable(tokenHash, maxAttempts, now)).returning().get();
    return maybe(row, toMfaChallenge);
  },
  async consume(tokenHash) {
    return db.delete(mfaChallenges).where(eq(mfaChallenges.tokenHash, tokenHash)).run().changes === 1;
  },
  async deleteAllOf(userId) {
    db.delete(mfaChallenges).where(eq(mfaChallenges.userId, userId)).run();
  },
});
