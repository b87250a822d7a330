// The device token queries on PostgreSQL (node-postgres pool).
import { and, desc, eq, gt, lte, notInArray } from 'drizzle-orm';
import type { PgDb } from '../../../db/create-database.js';
import { deviceTokens } from '../../../db/pg/schema.js';
import type { UserId } from '../../platform/ids.js';
import type { DeviceTokenRepository } from '../device-token-repository.js';

export const createPgDeviceTokenRepository = (db: PgDb): DeviceTokenRepository => ({
  async create({ hash, userId, now, expiresAt }, keepNewest) {
    await db.transaction(async (tx) => {
      await tx.insert(deviceTokens).values({ tokenHash: hash, userId, createdAt: now, lastUsedAt: now, expiresAt });
      const newest = tx.select({ hash: deviceTokens.tokenHash }).from(deviceTokens).where(eq(deviceTokens.userId, userId)).orderBy(desc(deviceTokens.lastUsedAt), desc(deviceTokens.createdAt)).limit(keepNewest);
      await tx.delete(deviceTokens).where(and(eq(deviceTokens.userId, userId), notInArray(deviceTokens.tokenHash, newest)));
    });
  },
  async userOf(hash, now) {
    const [row] = await db
      .update(deviceTokens)
      .set({ lastUsedAt: now })
      .where(and(eq(deviceTokens.tokenHash, hash), gt(deviceTokens.expiresAt, now)))
      .returning({ userId: deviceTokens.userId });
    return row?.userId as UserId | undefined;
  },
  async revokeAllForUser(userId) {
    return (await db.delete(deviceTokens).where(eq(deviceTokens.userId, userId)).returning({ hash: deviceTokens.tokenHash })).length;
  },
  async purgeExpired(now) {
    return (await db.delete(deviceTokens).where(lte(deviceTokens.expiresAt, now)).returning({ hash: deviceTokens.tokenHash })).length;
  },
});
