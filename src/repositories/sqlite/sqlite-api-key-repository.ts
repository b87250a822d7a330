// The API key queries on SQLite (better-sqlite3, synchronous).
import { count, desc, eq, sql } from 'drizzle-orm';
import type { SqliteDb } from '../../../db/create-database.js';
import { apiKeys, users } from '../../../db/sqlite/schema.js';
import type { UserId } from '../../platform/ids.js';
import type { ApiKeyRepository } from '../api-key-repository.js';
import { apiKeyFilters, toApiKey, toApiKeyRow } from '../api-key-rows.js';
import { maybe, toUser } from '../records-from-rows.js';

const where = apiKeyFilters(apiKeys);

export function createSqliteApiKeyRepository(db: SqliteDb): ApiKeyRepository {
  // The per-request read on every cache miss: prepared once.
  const statusByHash = db.select({ key: apiKeys, user: users }).from(apiKeys).innerJoin(users, eq(users.id, apiKeys.userId)).where(eq(apiKeys.keyHash, sql.placeholder('hash'))).prepare();
  return {
    async create(key, maxLive) {
      // IMMEDIATE: the count and the insert hold the write lock together, so
      // two processes on one file cannot both take the last place.
      return db.transaction(
        (tx) => {
          const [live] = tx.select({ n: count() }).from(apiKeys).where(where.liveOf(key.userId, key.now)).all();
          if ((live?.n ?? 0) >= maxLive) return false;
          tx.insert(apiKeys).values(toApiKeyRow(key)).run();
          return true;
        },
        { behavior: 'immediate' },
      );
    },
    async countLive(userIds, now) {
      if (userIds.length === 0) return new Map();
      const rows = db
        .select({ userId: apiKeys.userId, n: count() })
        .from(apiKeys)
        .where(where.liveOfAny(userIds, now))
        .groupBy(apiKeys.userId)
        .all();
      return new Map(rows.map((row) => [row.userId as UserId, row.n]));
    },
    async listOf(userId, now, limit) {
      return db.select().from(apiKeys).where(where.shownTo(userId)).orderBy(where.expiredLast(now), desc(apiKeys.createdAt), desc(apiKeys.id)).limit(limit).all().map(toApiKey);
    },
    async find(id) {
      return maybe(db.select().from(apiKeys).where(eq(apiKeys.id, id)).get(), toApiKey);
    },
    async status(hash) {
      const row = statusByHash.get({ hash });
      return row && { key: toApiKey(row.key), user: toUser(row.user) };
    },
    async revoke(id, now) {
      return db.update(apiKeys).set({ revokedAt: now }).where(where.unrevoked(id)).run().changes > 0;
    },
    async revokeAllOf(userId, now) {
      return db.update(apiKeys).set({ revokedAt: now }).where(where.unrevokedOf(userId)).run().changes;
    },
    async touch(id, now, notAfter) {
      db.update(apiKeys).set({ lastUsedAt: now }).where(where.touchable(id, notAfter)).run();
    },
    async purge(before) {
      return db.delete(apiKeys).where(where.purgeable(before)).run().changes;
    },
  };
}
