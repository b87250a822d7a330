// Pending second-factor sign-ins on PostgreSQL (node-postgres pool).
import { eq } from 'drizzle-orm';
import type { PgDb } from '../../../db/create-database.js';
import { mfaChallenges } from '../../../db/pg/mfa-schema.js';
import { maybe } from '../records-from-rows.js';
import { mfaChallengeFilters, mfaChallengeRow, toMfaChallenge } from '../mfa-challenge-rows.js';
import type { MfaChallengeRepository } from '../mfa-challenge-repository.js';

const where = mfaChallengeFilters(mfaChallenges);

export const createPgMfaChallengeRepository = (db: PgDb): MfaChallengeRepository => ({
  async create(challenge, now) {
    await db.transaction(async (tx) => {
      await tx.delete(mfaChallenges).where(where.expired(now));
      await tx.insert(mfaChallenges).values(mfaChallengeRow(challenge));
    });
  },
  async claimAttempt(tokenHash, maxAttempts, now) {
    const [row] = await db.update(mfaChallenges).set({ attempts: where.oneMoreAttempt() }).where(where.claimable(tokenHash, maxAttempts, now)).returning();
    return maybe(row, toMfaChallenge);
  },
  async consume(tokenHash) {
    return (await db.delete(mfaChallenges).where(eq(mfaChallenges.tokenHash, tokenHash)).returning({ tokenHash: mfaChallenges.tokenHash })).length === 1;
  },
  async deleteAllOf(userId) {
    await db.delete(mfaChallenges).where(eq(mfaChallenges.userId, userId));
  },
});
