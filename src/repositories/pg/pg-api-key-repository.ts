// The API key queries on PostgreSQL (node-postgres pool).
import { count, desc, eq, sql } from 'drizzle-orm';
import type { PgDb } from '../../../db/create-database.js';
import { apiKeys, users } from '../../../db/pg/schema.js';
import type { UserId } from '../../platform/ids.js';
import type { ApiKeyRepository } from '../api-key-repository.js';
import { apiKeyFilters, toApiKey, toApiKeyRow } from '../api-key-rows.js';
import { maybe, toUser } from '../records-from-rows.js';

const where = apiKeyFilters(apiKeys);

export function createPgApiKeyRepository(db: PgDb): ApiKeyRepository {
  // The per-request read on every cache miss: a named prepared statement,
  // parsed and planned once per pooled connection.
  const statusByHash = db.select({ key: apiKeys, user: users }).from(apiKeys).innerJoin(users, eq(users.id, apiKeys.userId)).where(eq(apiKeys.keyHash, sql.placeholder('hash'))).prepare('api_key_status');
  return {
    async create(key, maxLive) {
      return db.transaction(async (tx) => {
        // The user's row is the lock: two concurrent creations for one user take
        // turns, so the count below cannot be stale when the insert lands.
        const [owner] = await tx.select({ id: users.id }).from(users).where(eq(users.id, key.userId)).for('update');
        if (!owner) return false;
        const [live] = await tx.select({ n: count() }).from(apiKeys).where(where.liveOf(key.userId, key.now));
        if ((live?.n ?? 0) >= maxLive) return false;
        await tx.insert(apiKeys).values(toApiKeyRow(key));
        return true;
      });
    },
    async countLive(userIds, now) {
      if (userIds.length === 0) return new Map();
      const rows = await db
        .select({ userId: apiKeys.userId, n: count() })
        .from(apiKeys)
        .where(where.liveOfAny(userIds, now))
        .groupBy(apiKeys.userId);
      return new Map(rows.map((row) => [row.userId as UserId, row.n]));
    },
    async listOf(userId, now, limit) {
      return (await db.select().from(apiKeys).where(where.shownTo(userId)).orderBy(where.expiredLast(now), desc(apiKeys.createdAt), desc(apiKeys.id)).limit(limit)).map(toApiKey);
    },
    async find(id) {
      const [row] = await db.select().from(apiKeys).where(eq(apiKeys.id, id));
      return maybe(row, toApiKey);
    },
    async status(hash) {
      const [row] = await statusByHash.execute({ hash });
      return row && { key: toApiKey(row.key), user: toUser(row.user) };
    },
    async revoke(id, now) {
      return (await db.update(apiKeys).set({ revokedAt: now }).where(where.unrevoked(id)).returning({ id: apiKeys.id })).length > 0;
    },
    async revokeAllOf(userId, now) {
      return (await db.update(apiKeys).set({ revokedAt: now }).where(where.unrevokedOf(userId))).rowCount ?? 0;
    },
    async touch(id, now, notAfter) {
      await db.update(apiKeys).set({ lastUsedAt: now }).where(where.touchable(id, notAfter));
    },
    async purge(before) {
      return (await db.delete(apiKeys).where(where.purgeable(before)).returning({ id: apiKeys.id })).length;
    },
  };
}
