// The notes table and its queries on SQLite (better-sqlite3, synchronous).
// drizzle-kit reads the table from here (db/drizzle.sqlite.config.ts).
import { and, count, desc, eq, getTableColumns, inArray, lt, lte, sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import type { SqliteDb } from '../../db/create-database.js';
import { users } from '../../db/sqlite/schema.js';
import type { UserId } from '../platform/ids.js';
import type { NoteId, NoteRepository } from './note-repository.js';
import { byOwner, noteFilters, toNote } from './note-rows.js';

export const notes = sqliteTable(
  'notes',
  {
    id: text('id').primaryKey(),
    // Deleting a user deletes their notes.
    ownerId: text('owner_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    body: text('body').notNull(),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [index('notes_owner_id_id_idx').on(t.ownerId, t.id)],
);

const where = noteFilters(notes);

// One owner's page is the common case (`notes`, one user's `User.notes`):
// prepared once, like the other hot queries.
const prepareHotQueries = (db: SqliteDb) => ({
  firstPage: db.select().from(notes).where(eq(notes.ownerId, sql.placeholder('owner'))).orderBy(desc(notes.id)).limit(sql.placeholder('limit')).prepare(),
  pageAfter: db
    .select()
    .from(notes)
    .where(and(eq(notes.ownerId, sql.placeholder('owner')), lt(notes.id, sql.placeholder('after'))))
    .orderBy(desc(notes.id))
    .limit(sql.placeholder('limit'))
    .prepare(),
});

export function createSqliteNoteRepository(db: SqliteDb, hot = prepareHotQueries(db)): NoteRepository {
  function manyPages(ownerIds: readonly UserId[], after: NoteId | undefined, limit: number) {
    const ranked = db
      .select({ ...getTableColumns(notes), rank: where.rankWithinOwner().as('rank') })
      .from(notes)
      .where(where.ofOwners(ownerIds, after))
      .as('ranked');
    return db.select().from(ranked).where(lte(ranked.rank, limit)).orderBy(ranked.ownerId, desc(ranked.id)).all();
  }
  return {
    async find(id, scope) {
      const row = db.select().from(notes).where(where.visible(id, scope)).get();
      return row && toNote(row);
    },
    async pagesOf(ownerIds, after, limit) {
      const [only] = ownerIds;
      if (ownerIds.length !== 1 || only === undefined) return byOwner(ownerIds, manyPages(ownerIds, after, limit).map(toNote));
      const rows = after === undefined ? hot.firstPage.all({ owner: only, limit }) : hot.pageAfter.all({ owner: only, after, limit });
      return byOwner(ownerIds, rows.map(toNote));
    },
    async countsOf(ownerIds) {
      if (ownerIds.length === 0) return new Map();
      const rows = db.select({ ownerId: notes.ownerId, n: count() }).from(notes).where(inArray(notes.ownerId, [...ownerIds])).groupBy(notes.ownerId).all();
      return new Map(rows.map((row) => [row.ownerId as UserId, row.n]));
    },
    async insert({ id, ownerId, title, body, now }) {
      return toNote(db.insert(notes).values({ id, ownerId, title, body, createdAt: now, updatedAt: now }).returning().get());
    },
    async update(id, scope, { title, body }, now) {
      const row = db.update(notes).set({ title, body, updatedAt: now }).where(where.visible(id, scope)).returning().get();
      return row && toNote(row);
    },
    async delete(id, scope) {
      const row = db.delete(notes).where(where.visible(id, scope)).returning().get();
      return row && toNote(row);
    },
  };
}
