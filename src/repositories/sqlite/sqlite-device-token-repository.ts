// The device token queries on SQLite (better-sqlite3, synchronous).
import { and, desc, eq, gt, lte, ne, notInArray } from 'drizzle-orm';
import type { SqliteDb } from '../../../db/create-database.js';
import { deviceTokens } from '../../../db/sqlite/schema.js';
import type { UserId } from '../../platform/ids.js';
import type { DeviceTokenRepository } from '../device-token-repository.js';

export const createSqliteDeviceTokenRepository = (db: SqliteDb): DeviceTokenRepository => ({
  async create({ hash, userId, now, expiresAt }, keepNewest) {
    db.transaction((tx) => {
      tx.insert(deviceTokens).values({ tokenHash: hash, userId, createdAt: now, lastUsedAt: now, expiresAt }).run();
      // The new token always stays, however many share its millisecond; of the others, the most recently used.
      const newest = tx.select({ hash: deviceTokens.tokenHash }).from(deviceTokens).where(and(eq(deviceTokens.userId, userId), ne(deviceTokens.tokenHash, hash))).orderBy(desc(deviceTokens.lastUsedAt), desc(deviceTokens.createdAt)).limit(keepNewest - 1);
      tx.delete(deviceTokens).where(and(eq(deviceTokens.userId, userId), ne(deviceTokens.tokenHash, hash), notInArray(deviceTokens.tokenHash, newest))).run();
    });
  },
  async userOf(hash, now) {
    const row = db
      .update(deviceTokens)
      .set({ lastUsedAt: now })
      .where(and(eq(deviceTokens.tokenHash, hash), gt(deviceTokens.expiresAt, now)))
      .returning({ userId: deviceTokens.userId })
      .get();
    return row?.userId as UserId | undefined;
  },
  async revokeAllForUser(userId) {
    return db.delete(deviceTokens).where(eq(deviceTokens.userId, userId)).run().changes;
  },
  async purgeExpired(now) {
    return db.delete(deviceTokens).where(lte(deviceTokens.expiresAt, now)).run().changes;
  },
});
