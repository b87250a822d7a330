// The note repository behaves the same on SQLite and PostgreSQL: pages per
// owner in one query (one owner or many), counts, and a scope that makes
// someone else's note read, change and delete as missing.
import { describe, expect, it } from 'vitest';
import type { Database } from '../../db/create-database.js';
import type { NoteId, NoteRepository } from '../../src/notes/note-repository.js';
import { createPgNoteRepository } from '../../src/notes/note-repository.pg.js';
import { createSqliteNoteRepository } from '../../src/notes/note-repository.sqlite.js';
import type { UserId } from '../../src/platform/ids.js';
import { anyOwner } from '../../src/repositories/owner-scope.js';
import { createUserRepository } from '../../src/repositories/create-repositories.js';
import { dialects, useEmptyDatabase } from '../helpers/each-dialect.js';

const now = 1_767_225_600_123;
const userId = (n: number) => `01900000-0000-7000-8000-${String(n).padStart(12, '0')}` as UserId;
const noteId = (n: number) => `01900000-0000-7000-9000-${String(n).padStart(12, '0')}` as NoteId;
const notesOf = (database: Database): NoteRepository => (database.dialect === 'postgres' ? createPgNoteRepository(database.db) : createSqliteNoteRepository(database.db));
const titles = (page: ReadonlyMap<UserId, readonly { title: string }[]>, owner: UserId) => page.get(owner)?.map((n) => n.title);

describe.each(dialects)('note repository on $dialect', ({ dialect }) => {
  const database = useEmptyDatabase(dialect, 'note repository contract on PostgreSQL');

  async function seed() {
    const users = createUserRepository(database());
    for (const n of [1, 2, 3]) await users.insert({ id: userId(n), email: `u${n}@example.com`, passwordHash: 'h', role: 'USER', now });
    const notes = notesOf(database());
    // Interleaved ids: 1..9, owners 1,2,1,2,...; user 3 has none.
    for (let n = 1; n <= 9; n += 1) await notes.insert({ id: noteId(n), ownerId: userId(n % 2 === 1 ? 1 : 2), title: `t${n}`, body: `b${n}`, now: now + n });
    return notes;
  }

  it('pages one owner newest first, and after a cursor', async () => {
    const notes = await seed();
    expect(titles(await notes.pagesOf([userId(1)], undefined, 3), userId(1))).toEqual(['t9', 't7', 't5']);
    expect(titles(await notes.pagesOf([userId(1)], noteId(5), 3), userId(1))).toEqual(['t3', 't1']);
  });

  it('pages many owners in one call, each limited on its own, empty for an owner with none', async () => {
    const notes = await seed();
    const pages = await notes.pagesOf([userId(1), userId(2), userId(3)], undefined, 2);
    expect(titles(pages, userId(1))).toEqual(['t9', 't7']);
    expect(titles(pages, userId(2))).toEqual(['t8', 't6']);
    expect(titles(pages, userId(3))).toEqual([]);
    const after = await notes.pagesOf([userId(1), userId(2)], noteId(6), 10);
    expect(titles(after, userId(1))).toEqual(['t5', 't3', 't1']);
    expect(titles(after, userId(2))).toEqual(['t4', 't2']);
  });

  it('counts notes per owner', async () => {
    const notes = await seed();
    const counts = await notes.countsOf([userId(1), userId(2), userId(3)]);
    expect([counts.get(userId(1)), counts.get(userId(2)), counts.get(userId(3)) ?? 0]).toEqual([5, 4, 0]);
  });

  it('reads, changes and deletes only within the scope, and keeps epoch milliseconds exact', async () => {
    const notes = await seed();
    const own = { kind: 'owner', userId: userId(1) } as const;
    expect(await notes.find(noteId(2), own)).toBeUndefined();
    expect(await notes.update(noteId(2), own, { title: 'x' }, now + 100)).toBeUndefined();
    expect(await notes.delete(noteId(2), own)).toBeUndefined();
    expect(await notes.find(noteId(2), anyOwner)).toMatchObject({ title: 't2', ownerId: userId(2), createdAt: now + 2 });
    expect(await notes.update(noteId(1), own, { body: 'new' }, now + 100)).toEqual({ id: noteId(1), ownerId: userId(1), title: 't1', body: 'new', createdAt: now + 1, updatedAt: now + 100 });
    expect(await notes.delete(noteId(1), own)).toMatchObject({ id: noteId(1) });
    expect(await notes.find(noteId(1), anyOwner)).toBeUndefined();
  });

  it('goes with its owner', async () => {
    const notes = await seed();
    await createUserRepository(database()).delete(userId(1));
    expect((await notes.countsOf([userId(1)])).get(userId(1)) ?? 0).toBe(0);
    expect((await notes.countsOf([userId(2)])).get(userId(2))).toBe(4);
  });
});
