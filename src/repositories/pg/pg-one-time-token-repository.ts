// The one-time token queries on PostgreSQL (node-postgres pool).
import { and, eq, gt } from 'drizzle-orm';
import type { PgDb } from '../../../db/create-database.js';
import { oneTimeTokens, users } from '../../../db/pg/schema.js';
import { maybe } from '../records-from-rows.js';
import type { OneTimeTokenRepository } from '../one-time-token-repository.js';
import { liveAt, toOneTimeToken } from '../one-time-token-rows.js';

export const createPgOneTimeTokenRepository = (db: PgDb): OneTimeTokenRepository => ({
  async replace({ hash, userId, purpose, email, now, expiresAt }) {
    await db.transaction(async (tx) => {
      // The user's row is locked first, so two requests at once replace in
      // turn and leave one token, not two (each delete would miss the other's insert).
      await tx.select({ id: users.id }).from(users).where(eq(users.id, userId)).for('update');
      await tx.delete(oneTimeTokens).where(and(eq(oneTimeTokens.userId, userId), eq(oneTimeTokens.purpose, purpose)));
      await tx.insert(oneTimeTokens).values({ tokenHash: hash, userId, purpose, email, createdAt: now, expiresAt });
    });
  },
  async findLive(hash, purpose, now) {
    const [row] = await db.select().from(oneTimeTokens).where(and(eq(oneTimeTokens.tokenHash, hash), eq(oneTimeTokens.purpose, purpose), gt(oneTimeTokens.expiresAt, now)));
    return maybe(row, toOneTimeToken);
  },
  async consume(hash, purpose, now) {
    const [row] = await db.delete(oneTimeTokens).where(and(eq(oneTimeTokens.tokenHash, hash), eq(oneTimeTokens.purpose, purpose))).returning();
    return liveAt(maybe(row, toOneTimeToken), now);
  },
  async deleteAllOf(userId) {
    return (await db.delete(oneTimeTokens).where(eq(oneTimeTokens.userId, userId)).returning({ hash: oneTimeTokens.tokenHash })).length;
  },
});
