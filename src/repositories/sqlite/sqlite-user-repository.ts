// The user queries on SQLite (better-sqlite3, synchronous).
import { asc, eq, gt } from 'drizzle-orm';
import type { SqliteDb } from '../../../db/create-database.js';
import { users } from '../../../db/sqlite/schema.js';
import { maybe, toUser, toUserWithPasswordHash } from '../records-from-rows.js';
import { userFilters } from '../user-filters.js';
import type { UserRepository } from '../user-repository.js';

const where = userFilters(users);

export const createSqliteUserRepository = (db: SqliteDb): UserRepository => ({
  async findById(id) {
    return maybe(db.select().from(users).where(eq(users.id, id)).get(), toUser);
  },
  async findByEmail(email) {
    return maybe(db.select().from(users).where(where.email(email)).get(), toUserWithPasswordHash);
  },
  async findWithPasswordHash(id) {
    return maybe(db.select().from(users).where(eq(users.id, id)).get(), toUserWithPasswordHash);
  },
  async insert({ id, email, passwordHash, role, now }) {
    // The unique index on lower(email) turns a taken email into no row.
    return maybe(db.insert(users).values({ id, email, passwordHash, role, createdAt: now, updatedAt: now }).onConflictDoNothing().returning().get(), toUser);
  },
  async listAfter(after, limit) {
    const query = db.select().from(users);
    return (after === undefined ? query : query.where(gt(users.id, after))).orderBy(asc(users.id)).limit(limit).all().map(toUser);
  },
  async setRole(id, role, now) {
    return maybe(db.update(users).set({ role, updatedAt: now }).where(eq(users.id, id)).returning().get(), toUser);
  },
  async setPasswordHash(id, passwordHash, now) {
    return db.update(users).set({ passwordHash, updatedAt: now }).where(eq(users.id, id)).run().changes === 1;
  },
  async delete(id) {
    return db.delete(users).where(eq(users.id, id)).run().changes === 1;
  },
});
