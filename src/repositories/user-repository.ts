import { asc, eq, gt, sql } from 'drizzle-orm';
import type { SqliteDb } from '../../db/create-database.js';
import { users } from '../../db/sqlite/schema.js';
import type { UserId } from '../platform/ids.js';
import type { Role } from '../platform/request-context.js';
import type { UserRecord, UserWithPasswordHash } from './records.js';

export interface NewUser {
  readonly id: UserId;
  readonly email: string;
  readonly passwordHash: string;
  readonly role: Role;
  readonly now: number;
}

export interface UserRepository {
  findById(id: UserId): Promise<UserRecord | undefined>;
  findByEmail(email: string): Promise<UserWithPasswordHash | undefined>;
  findWithPasswordHash(id: UserId): Promise<UserWithPasswordHash | undefined>;
  /** undefined when the email is taken (case-insensitively): no exception to translate. */
  insert(user: NewUser): Promise<UserRecord | undefined>;
  /** Ordered by id, which is creation order (UUIDv7). */
  listAfter(after: UserId | undefined, limit: number): Promise<readonly UserRecord[]>;
  setRole(id: UserId, role: Role, now: number): Promise<UserRecord | undefined>;
  setPasswordHash(id: UserId, passwordHash: string, now: number): Promise<boolean>;
  /** Deletes the user; sessions and refresh tokens go with it (cascade). */
  delete(id: UserId): Promise<boolean>;
}

type UserRow = typeof users.$inferSelect;

const toUser = (row: UserRow): UserRecord => ({
  id: row.id as UserId,
  email: row.email,
  role: row.role,
  createdAt: row.createdAt,
});
const toUserWithPasswordHash = (row: UserRow): UserWithPasswordHash => ({ ...toUser(row), passwordHash: row.passwordHash });
const maybe = <R, T>(row: R | undefined, to: (row: R) => T): T | undefined => (row === undefined ? undefined : to(row));

// Queries on the request path (me reads its user on every request), built and
// prepared once: drizzle rebuilding the SQL and better-sqlite3 re-preparing it
// on every call were a fifth of me's CPU. A default parameter keeps the
// repository a single object literal.
const prepareHotQueries = (db: SqliteDb) => ({
  byId: db.select().from(users).where(eq(users.id, sql.placeholder('id'))).prepare(),
  // The users list: one statement for the first page, one for the pages after a cursor.
  firstPage: db.select().from(users).orderBy(asc(users.id)).limit(sql.placeholder('limit')).prepare(),
  pageAfter: db.select().from(users).where(gt(users.id, sql.placeholder('after'))).orderBy(asc(users.id)).limit(sql.placeholder('limit')).prepare(),
});

export const createUserRepository = (db: SqliteDb, hot = prepareHotQueries(db)): UserRepository => ({
  async findById(id) {
    return maybe(hot.byId.get({ id }), toUser);
  },
  async findByEmail(email) {
    return maybe(db.select().from(users).where(sql`lower(${users.email}) = lower(${email})`).get(), toUserWithPasswordHash);
  },
  async findWithPasswordHash(id) {
    return maybe(db.select().from(users).where(eq(users.id, id)).get(), toUserWithPasswordHash);
  },
  async insert({ id, email, passwordHash, role, now }) {
    const row = db
      .insert(users)
      .values({ id, email, passwordHash, role, createdAt: now, updatedAt: now })
      .onConflictDoNothing()
      .returning()
      .get();
    return maybe(row, toUser);
  },
  async listAfter(after, limit) {
    const rows = after === undefined ? hot.firstPage.all({ limit }) : hot.pageAfter.all({ after, limit });
    return rows.map(toUser);
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
