// The device token queries on PostgreSQL (node-postgres pool).
import { and, desc, eq, gt, lte, ne, notInArray, sql } from 'drizzle-orm';
import type { PgDb } from '../../../db/create-database.js';
import { deviceTokens } from '../../../db/pg/schema.js';
import type { UserId } from '../../platform/ids.js';
import type { DeviceTokenRepository } from '../device-token-repository.js';

export const createPgDeviceTokenRepository = (db: PgDb): DeviceTokenRepository => {
  // A sign-in that presents a device token asks its owner (and marks it used): prepared once.
  const owner = db
    .update(deviceTokens)
    .set({ lastUsedAt: sql`${sql.placeholder('now')}` })
    .where(and(eq(deviceTokens.tokenHash, sql.placeholder('hash')), gt(deviceTokens.expiresAt, sql.placeholder('now'))))
    .returning({ userId: deviceTokens.userId })
    .prepare('device_token_owner');
  return {
    async create({ hash, userId, now, expiresAt }, keepNewest) {
      await db.transaction(async (tx) => {
        await tx.insert(deviceTokens).values({ tokenHash: hash, userId, createdAt: now, lastUsedAt: now, expiresAt });
        // The new token always stays, however many share its millisecond; of the others, the most recently used.
        const newest = tx.select({ hash: deviceTokens.tokenHash }).from(deviceTokens).where(and(eq(deviceTokens.userId, userId), ne(deviceTokens.tokenHash, hash))).orderBy(desc(deviceTokens.lastUsedAt), desc(deviceTokens.createdAt)).limit(keepNewest - 1);
        await tx.delete(deviceTokens).where(and(eq(deviceTokens.userId, userId), ne(deviceTokens.tokenHash, hash), notInArray(deviceTokens.tokenHash, newest)));
      });
    },
    async userOf(hash, now) {
      const [row] = await owner.execute({ hash, now });
      return row?.userId as UserId | undefined;
    },
    async revokeAllForUser(userId) {
      return (await db.delete(deviceTokens).where(eq(deviceTokens.userId, userId)).returning({ hash: deviceTokens.tokenHash })).length;
    },
    async purgeExpired(now) {
      return (await db.delete(deviceTokens).where(lte(deviceTokens.expiresAt, now)).returning({ hash: deviceTokens.tokenHash })).length;
    },
  };
};
