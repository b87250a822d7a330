// The user queries on SQLite (better-sqlite3, synchronous).
import { and, asc, eq, gt, inArray, isNull, notExists, sql } from 'drizzle-orm';
import type { SqliteDb } from '../../../db/create-database.js';
import { users } from '../../../db/sqlite/schema.js';
import { maybe, toUser, toUserWithPasswordHash } from '../records-from-rows.js';
import { collision, userFilters } from '../user-filters.js';
import type { UserId } from '../../platform/ids.js';
import type { UserRepository } from '../user-repository.js';

const where = userFilters(users);

// Queries on hot paths, built and prepared once: drizzle rebuilding the SQL
// and better-sqlite3 re-preparing it on every call were a fifth of me's CPU,
// and ~150 KB of garbage per login.
const prepareHotQueries = (db: SqliteDb) => ({
  byId: db.select().from(users).where(eq(users.id, sql.placeholder('id'))).prepare(),
  // Every login reads its user by email, and again by id once the hash is checked.
  byEmail: db.select().from(users).where(where.email(sql.placeholder('email'))).prepare(),
  // The users list: one statement for the first page, one for the pages after a cursor.
  firstPage: db.select().from(users).orderBy(asc(users.id)).limit(sql.placeholder('limit')).prepare(),
  pageAfter: db.select().from(users).where(gt(users.id, sql.placeholder('after'))).orderBy(asc(users.id)).limit(sql.placeholder('limit')).prepare(),
});

export const createSqliteUserRepository = (db: SqliteDb, hot = prepareHotQueries(db)): UserRepository => ({
  async findById(id) {
    return maybe(hot.byId.get({ id }), toUser);
  },
  async findByIds(ids) {
    return ids.length === 0 ? [] : db.select().from(users).where(inArray(users.id, [...ids])).all().map(toUser);
  },
  async findByEmail(email) {
    return maybe(hot.byEmail.get({ email }), toUserWithPasswordHash);
  },
  async findWithPasswordHash(id) {
    return maybe(hot.byId.get({ id }), toUserWithPasswordHash);
  },
  async whoHas(address) {
    return collision(address, db.select({ email: users.email }).from(users).where(where.holding(address)).limit(2).all());
  },
  async insert({ id, email, emailSkeleton, passwordHash, role, now }) {
    // The unique indexes on lower(email) and the skeleton turn a taken address into no row.
    return maybe(db.insert(users).values({ id, email, emailSkeleton: emailSkeleton ?? null, passwordHash, role, createdAt: now, updatedAt: now }).onConflictDoNothing().returning().get(), toUser);
  },
  async listWithoutSkeleton(after, limit) {
    const rows = db.select({ id: users.id, email: users.email }).from(users).where(and(isNull(users.emailSkeleton), after === undefined ? undefined : gt(users.id, after))).orderBy(asc(users.id)).limit(limit).all();
    return rows.map((row) => ({ id: row.id as UserId, email: row.email }));
  },
  async setEmailSkeleton(id, emailSkeleton) {
    // One statement, and SQLite runs one writer at a time: nobody takes the skeleton in between.
    const holder = db.select({ id: users.id }).from(users).where(eq(users.emailSkeleton, emailSkeleton));
    return db.update(users).set({ emailSkeleton }).where(and(eq(users.id, id), isNull(users.emailSkeleton), notExists(holder))).run().changes === 1;
  },
  async listAfter(after, limit) {
    return (after === undefined ? hot.firstPage.all({ limit }) : hot.pageAfter.all({ after, limit })).map(toUser);
  },
  async setRole(id, role, now) {
    return maybe(db.update(users).set({ role, updatedAt: now }).where(eq(users.id, id)).returning().get(), toUser);
  },
  async setPasswordHash(id, passwordHash, now) {
    return db.update(users).set({ passwordHash, updatedAt: now }).where(eq(users.id, id)).run().changes === 1;
  },
  async countAdmins() {
    return db.$count(users, eq(users.role, 'ADMIN'));
  },
  async delete(id) {
    return db.delete(users).where(eq(users.id, id)).run().changes === 1;
  },
});
