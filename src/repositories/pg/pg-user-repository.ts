// The user queries on PostgreSQL (node-postgres pool).
import { asc, eq, gt, inArray } from 'drizzle-orm';
import type { PgDb } from '../../../db/create-database.js';
import { users } from '../../../db/pg/schema.js';
import { maybe, toUser, toUserWithPasswordHash } from '../records-from-rows.js';
import { isUniqueViolation } from '../unique-violation.js';
import { userFilters } from '../user-filters.js';
import type { UserRepository } from '../user-repository.js';

const where = userFilters(users);

export const createPgUserRepository = (db: PgDb): UserRepository => {
  const byId = async (id: string) => (await db.select().from(users).where(eq(users.id, id)))[0];
  return {
    async findById(id) {
      return maybe(await byId(id), toUser);
    },
    async findByIds(ids) {
      return ids.length === 0 ? [] : (await db.select().from(users).where(inArray(users.id, [...ids]))).map(toUser);
    },
    async findByEmail(email) {
      const [row] = await db.select().from(users).where(where.email(email));
      return maybe(row, toUserWithPasswordHash);
    },
    async findWithPasswordHash(id) {
      return maybe(await byId(id), toUserWithPasswordHash);
    },
    async insert({ id, email, passwordHash, role, now, emailVerified = false }) {
      // ON CONFLICT DO NOTHING covers the unique index on lower(email) too.
      const [row] = await db.insert(users).values({ id, email, passwordHash, role, emailVerified, createdAt: now, updatedAt: now }).onConflictDoNothing().returning();
      return maybe(row, toUser);
    },
    async listAfter(after, limit) {
      const query = db.select().from(users);
      return (await (after === undefined ? query : query.where(gt(users.id, after))).orderBy(asc(users.id)).limit(limit)).map(toUser);
    },
    async setRole(id, role, now) {
      const [row] = await db.update(users).set({ role, updatedAt: now }).where(eq(users.id, id)).returning();
      return maybe(row, toUser);
    },
    async setPasswordHash(id, passwordHash, now) {
      return (await db.update(users).set({ passwordHash, updatedAt: now }).where(eq(users.id, id))).rowCount === 1;
    },
    async markEmailVerified(id, email, now) {
      const [row] = await db.update(users).set({ emailVerified: true, updatedAt: now }).where(where.idWithEmail(id, email)).returning();
      return maybe(row, toUser);
    },
    async changeEmail(id, email, now) {
      try {
        const [row] = await db.update(users).set({ email, emailVerified: true, updatedAt: now }).where(eq(users.id, id)).returning();
        return maybe(row, toUser);
      } catch (error) {
        if (isUniqueViolation(error)) return undefined;
        throw error;
      }
    },
    async countAdmins() {
      return db.$count(users, eq(users.role, 'ADMIN'));
    },
    async delete(id) {
      return (await db.delete(users).where(eq(users.id, id))).rowCount === 1;
    },
  };
};
