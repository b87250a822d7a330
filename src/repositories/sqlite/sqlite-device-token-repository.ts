// The device token queries on SQLite (better-sqlite3, synchronous).
import { and, desc, eq, gt, lte, notInArray } from 'drizzle-orm';
import type { SqliteDb } from '../../../db/create-database.js';
import { deviceTokens } from '../../../db/sqlite/schema.js';
import type { UserId } from '../../platform/ids.js';
import type { DeviceTokenRepository } from '../device-token-repository.js';

export const createSqliteDeviceTokenRepository = (db: SqliteDb): DeviceTokenRepository => ({
  async create({ hash, userId, now, expiresAt }, keepNewest) {
    db.transaction((tx) => {
      tx.insert(deviceTokens).values({ tokenHash: hash, userId, createdAt: now, lastUsedAt: now, expiresAt }).run();
      const newest = tx.select({ hash: deviceTokens.tokenHash }).from(deviceTokens).where(eq(deviceTokens.userId, userId)).orderBy(desc(deviceTokens.lastUsedAt), desc(deviceTokens.createdAt)).limit(keepNewest);
      tx.delete(deviceTokens).where(and(eq(deviceTokens.userId, userId), notInArray(deviceTokens.tokenHash, newest))).run();
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
