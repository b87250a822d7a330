// The notes table and its queries on PostgreSQL (node-postgres pool).
// drizzle-kit reads the table from here (db/drizzle.pg.config.ts).
import { and, count, desc, eq, getTableColumns, inArray, lt, lte, sql } from 'drizzle-orm';
import { bigint, index, pgTable, text } from 'drizzle-orm/pg-core';
import type { PgDb } from '../../db/create-database.js';
import { users } from '../../db/pg/schema.js';
import type { UserId } from '../platform/ids.js';
import type { NoteId, NoteRepository } from './note-repository.js';
import { byOwner, noteFilters, toNote } from './note-rows.js';

// Epoch milliseconds, as everywhere (see db/pg/schema.ts).
const millis = (name: string) => bigint(name, { mode: 'number' });

export const notes = pgTable(
  'notes',
  {
    id: text('id').primaryKey(),
    // Deleting a user deletes their notes.
    ownerId: text('owner_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    body: text('body').notNull(),
    createdAt: millis('created_at').notNull(),
    updatedAt: millis('updated_at').notNull(),
  },
  (t) => [index('notes_owner_id_id_idx').on(t.ownerId, t.id)],
);

const where = noteFilters(notes);

// One owner's page is the common case: named statements, parsed once per connection.
const prepareHotQueries = (db: PgDb) => ({
  firstPage: db.select().from(notes).where(eq(notes.ownerId, sql.placeholder('owner'))).orderBy(desc(notes.id)).limit(sql.placeholder('limit')).prepare('notes_first_page'),
  pageAfter: db
    .select()
    .from(notes)
    .where(and(eq(notes.ownerId, sql.placeholder('owner')), lt(notes.id, sql.placeholder('after'))))
    .orderBy(desc(notes.id))
    .limit(sql.placeholder('limit'))
    .prepare('notes_page_after'),
});

export function createPgNoteRepository(db: PgDb, hot = prepareHotQueries(db)): NoteRepository {
  async function manyPages(ownerIds: readonly UserId[], after: NoteId | undefined, limit: number) {
    const ranked = db
      .select({ ...getTableColumns(notes), rank: where.rankWithinOwner().as('rank') })
      .from(notes)
      .where(where.ofOwners(ownerIds, after))
      .as('ranked');
    return db.select().from(ranked).where(lte(ranked.rank, limit)).orderBy(ranked.ownerId, desc(ranked.id));
  }
  return {
    async find(id, scope) {
      const [row] = await db.select().from(notes).where(where.visible(id, scope));
      return row && toNote(row);
    },
    async pagesOf(ownerIds, after, limit) {
      const [only] = ownerIds;
      if (ownerIds.length !== 1 || only === undefined) return byOwner(ownerIds, (await manyPages(ownerIds, after, limit)).map(toNote));
      const rows = after === undefined ? await hot.firstPage.execute({ owner: only, limit }) : await hot.pageAfter.execute({ owner: only, after, limit });
      return byOwner(ownerIds, rows.map(toNote));
    },
    async countsOf(ownerIds) {
      if (ownerIds.length === 0) return new Map();
      const rows = await db.select({ ownerId: notes.ownerId, n: count() }).from(notes).where(inArray(notes.ownerId, [...ownerIds])).groupBy(notes.ownerId);
      return new Map(rows.map((row) => [row.ownerId as UserId, row.n]));
    },
    async insert({ id, ownerId, title, body, now }) {
      const [row] = await db.insert(notes).values({ id, ownerId, title, body, createdAt: now, updatedAt: now }).returning();
      if (!row) throw new Error('insert returned no row');
      return toNote(row);
    },
    async update(id, scope, { title, body }, now) {
      const [row] = await db.update(notes).set({ title, body, updatedAt: now }).where(where.visible(id, scope)).returning();
      return row && toNote(row);
    },
    async delete(id, scope) {
      const [row] = await db.delete(notes).where(where.visible(id, scope)).returning();
      return row && toNote(row);
    },
  };
}
