// The one-time token queries on SQLite (better-sqlite3): synchronous, so a
// transaction is a plain function that nothing else can interleave with.
import { and, eq, gt } from 'drizzle-orm';
import type { SqliteDb } from '../../../db/create-database.js';
import { oneTimeTokens } from '../../../db/sqlite/schema.js';
import { maybe } from '../records-from-rows.js';
import type { OneTimeTokenRepository } from '../one-time-token-repository.js';
import { liveAt, toOneTimeToken } from '../one-time-token-rows.js';

export const createSqliteOneTimeTokenRepository = (db: SqliteDb): OneTimeTokenRepository => ({
  async replace({ hash, userId, purpose, email, now, expiresAt }) {
    db.transaction((tx) => {
      tx.delete(oneTimeTokens).where(and(eq(oneTimeTokens.userId, userId), eq(oneTimeTokens.purpose, purpose))).run();
      tx.insert(oneTimeTokens).values({ tokenHash: hash, userId, purpose, email, createdAt: now, expiresAt }).run();
    });
  },
  async findLive(hash, purpose, now) {
    const row = db.select().from(oneTimeTokens).where(and(eq(oneTimeTokens.tokenHash, hash), eq(oneTimeTokens.purpose, purpose), gt(oneTimeTokens.expiresAt, now))).get();
    return maybe(row, toOneTimeToken);
  },
  async consume(hash, purpose, now) {
    const row = db.delete(oneTimeTokens).where(and(eq(oneTimeTokens.tokenHash, hash), eq(oneTimeTokens.purpose, purpose))).returning().get();
    return liveAt(maybe(row, toOneTimeToken), now);
  },
  async deleteAllOf(userId) {
    return db.delete(oneTimeTokens).where(eq(oneTimeTokens.userId, userId)).run().changes;
  },
});
