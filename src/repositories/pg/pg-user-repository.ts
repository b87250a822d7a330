// The user queries on PostgreSQL (node-postgres pool).
import { and, asc, eq, gt, inArray, isNull, notExists, sql } from 'drizzle-orm';
import type { PgDb } from '../../../db/create-database.js';
import { users } from '../../../db/pg/schema.js';
import { maybe, toUser, toUserWithPasswordHash } from '../records-from-rows.js';
import type { UserId } from '../../platform/ids.js';
import { collision, userFilters } from '../user-filters.js';
import type { UserRepository } from '../user-repository.js';

const where = userFilters(users);

// As on SQLite, the queries on hot paths are built once: named prepared
// statements, parsed and planned once per pooled connection, so a sign-in
// (by email, then by id) pays neither drizzle's query building nor the
// server's planning each time.
const prepareHotQueries = (db: PgDb) => ({
  byId: db.select().from(users).where(eq(users.id, sql.placeholder('id'))).prepare('user_by_id'),
  byEmail: db.select().from(users).where(where.email(sql.placeholder('email'))).prepare('user_by_email'),
  firstPage: db.select().from(users).orderBy(asc(users.id)).limit(sql.placeholder('limit')).prepare('users_first_page'),
  pageAfter: db.select().from(users).where(gt(users.id, sql.placeholder('after'))).orderBy(asc(users.id)).limit(sql.placeholder('limit')).prepare('users_page_after'),
});

export const createPgUserRepository = (db: PgDb, hot = prepareHotQueries(db)): UserRepository => {
  const byId = async (id: string) => (await hot.byId.execute({ id }))[0];
  return {
    async findById(id) {
      return maybe(await byId(id), toUser);
    },
    async findByIds(ids) {
      return ids.length === 0 ? [] : (await db.select().from(users).where(inArray(users.id, [...ids]))).map(toUser);
    },
    async findByEmail(email) {
      const [row] = await hot.byEmail.execute({ email });
      return maybe(row, toUserWithPasswordHash);
    },
    async findWithPasswordHash(id) {
      return maybe(await byId(id), toUserWithPasswordHash);
    },
    async whoHas(address) {
      return collision(address, await db.select({ email: users.email }).from(users).where(where.holding(address)).limit(2));
    },
    async insert({ id, email, emailSkeleton, passwordHash, role, now }) {
      // ON CONFLICT DO NOTHING covers the unique indexes on lower(email) and the skeleton too.
      const [row] = await db.insert(users).values({ id, email, emailSkeleton: emailSkeleton ?? null, passwordHash, role, createdAt: now, updatedAt: now }).onConflictDoNothing().returning();
      return maybe(row, toUser);
    },
    async listWithoutSkeleton(after, limit) {
      const rows = await db.select({ id: users.id, email: users.email }).from(users).where(and(isNull(users.emailSkeleton), after === undefined ? undefined : gt(users.id, after))).orderBy(asc(users.id)).limit(limit);
      return rows.map((row) => ({ id: row.id as UserId, email: row.email }));
    },
    async setEmailSkeleton(id, emailSkeleton) {
      const holder = db.select({ id: users.id }).from(users).where(eq(users.emailSkeleton, emailSkeleton));
      try {
        return (await db.update(users).set({ emailSkeleton }).where(and(eq(users.id, id), isNull(users.emailSkeleton), notExists(holder)))).rowCount === 1;
      } catch (error) {
        // Another instance stored the same skeleton between our check and our write.
        if (isUniqueViolation(error)) return false;
        throw error;
      }
    },
    async listAfter(after, limit) {
      return (after === undefined ? await hot.firstPage.execute({ limit }) : await hot.pageAfter.execute({ after, limit })).map(toUser);
    },
    async setRole(id, role, now) {
      const [row] = await db.update(users).set({ role, updatedAt: now }).where(eq(users.id, id)).returning();
      return maybe(row, toUser);
    },
    async setPasswordHash(id, passwordHash, now) {
      return (await db.update(users).set({ passwordHash, updatedAt: now }).where(eq(users.id, id))).rowCount === 1;
    },
    async countAdmins() {
      return db.$count(users, eq(users.role, 'ADMIN'));
    },
    async delete(id) {
      return (await db.delete(users).where(eq(users.id, id))).rowCount === 1;
    },
  };
};

/** PostgreSQL's unique_violation (23505), wherever drizzle wrapped it. */
function isUniqueViolation(error: unknown): boolean {
  for (let e: unknown = error; e instanceof Error; e = e.cause) if ('code' in e && e.code === '23505') return true;
  return false;
}
