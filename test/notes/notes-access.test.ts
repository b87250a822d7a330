// The Note domain through the real server: a note is its owner's (or an
// ADMIN's) on every path that returns one, someone else's reads exactly as a
// missing one, and lists page over the viewer's own notes only. Runs on
// SQLite, and again on PostgreSQL in the `postgres` project.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codeOf, signup, signupAdmin, type SignedIn } from '../helpers/accounts.js';
import { startTestServer, type TestServer } from '../helpers/start-test-server.js';
import { createNote, myNotes, pageFields, titlesOf, type NoteView } from './note-queries.js';

describe('notes belong to their owner', () => {
  let server: TestServer;
  let alice: SignedIn;
  let bob: SignedIn;
  let admin: SignedIn;
  let aliceNote: NoteView;
  let bobNote: NoteView;

  beforeAll(async () => {
    server = await startTestServer();
    alice = await signup(server, 'alice@example.com');
    bob = await signup(server, 'bob@example.com');
    admin = await signupAdmin(server, 'admin@example.com');
    aliceNote = await createNote(server, alice.accessToken, 'alice secret', 'alice body');
    bobNote = await createNote(server, bob.accessToken, 'bob secret', 'bob body');
  });
  afterAll(() => server.close());

  const asAlice = (query: string, variables?: Record<string, unknown>) => server.graphql(query, { token: alice.accessToken, ...(variables ? { variables } : {}) });
  const leaks = (result: unknown) => /bob secret|bob body/.test(JSON.stringify(result));

  it('answers the owner, with the owner as the note\'s owner', async () => {
    const result = await asAlice('query($id: ID!) { note(id: $id) { id title body owner { id email } } }', { id: aliceNote.id });
    expect(result.body).toEqual({ data: { note: { ...aliceNote, owner: { id: alice.id, email: 'alice@example.com' } } } });
  });

  it('answers someone else\'s note exactly as a missing one', async () => {
    const foreign = await asAlice('query($id: ID!) { note(id: $id) { id title } }', { id: bobNote.id });
    const missing = await asAlice('query($id: ID!) { note(id: $id) { id title } }', { id: '00000000-0000-7000-8000-000000000000' });
    expect(foreign.body).toEqual({ data: { note: null } });
    expect(missing.body).toEqual(foreign.body);
  });

  it('holds under aliases and fragments in one request', async () => {
    const result = await asAlice('query($a: ID!, $b: ID!) { a: note(id: $a) { ...N } b: note(id: $b) { ... on Note { title } } } fragment N on Note { title }', { a: aliceNote.id, b: bobNote.id });
    expect(result.body).toEqual({ data: { a: { title: 'alice secret' }, b: null } });
  });

  it('lists only the viewer\'s notes, and nests them under me but not under someone else', async () => {
    const own = await myNotes(server, alice.accessToken);
    expect(titlesOf(own.page)).toEqual(['alice secret']);
    const nested = await asAlice(`query($b: ID!) { me { notes { ${pageFields} } } other: user(id: $b) { notes { ${pageFields} } } }`, { b: bob.id });
    expect((nested.body.data?.['me'] as { notes: unknown }).notes).toEqual(own.page);
    expect(nested.body.data?.['other']).toBeNull();
    expect(codeOf(nested)).toBe('FORBIDDEN');
    expect(leaks(nested.body)).toBe(false);
  });

  it('changes and deletes nothing of someone else\'s, answering as for a missing note', async () => {
    const update = await asAlice('mutation($id: ID!) { updateNote(id: $id, title: "pwned") { id title } }', { id: bobNote.id });
    const remove = await asAlice('mutation($id: ID!) { deleteNote(id: $id) }', { id: bobNote.id });
    expect(update.body).toEqual({ data: { updateNote: null } });
    expect(remove.body).toEqual({ data: { deleteNote: false } });
    const still = await server.graphql('query($id: ID!) { note(id: $id) { title body } }', { token: bob.accessToken, variables: { id: bobNote.id } });
    expect(still.body.data).toEqual({ note: { title: 'bob secret', body: 'bob body' } });
  });

  it('lets the owner update a field at a time and answers the new note', async () => {
    const note = await createNote(server, alice.accessToken, 'draft', 'first body');
    const result = await asAlice('mutation($id: ID!) { updateNote(id: $id, body: "second body") { title body updatedAt createdAt } }', { id: note.id });
    expect(result.body.data?.['updateNote']).toMatchObject({ title: 'draft', body: 'second body' });
    expect(await asAlice('mutation($id: ID!) { deleteNote(id: $id) }', { id: note.id })).toMatchObject({ body: { data: { deleteNote: true } } });
    expect((await asAlice('mutation($id: ID!) { deleteNote(id: $id) }', { id: note.id })).body.data).toEqual({ deleteNote: false });
  });

  it('lets an ADMIN read, list and delete anyone\'s note, and audits the deletion without its text', async () => {
    const token = admin.accessToken;
    const read = await server.graphql(`query($id: ID!, $u: ID!) { note(id: $id) { title owner { email } } user(id: $u) { notes { ${pageFields} } } }`, { token, variables: { id: bobNote.id, u: bob.id } });
    expect(read.body.errors).toBeUndefined();
    expect(read.body.data?.['note']).toEqual({ title: 'bob secret', owner: { email: 'bob@example.com' } });
    expect(titlesOf((read.body.data?.['user'] as { notes: never }).notes)).toEqual(['bob secret']);
    const doomed = await createNote(server, bob.accessToken, 'to be removed', 'private words');
    const before = server.logs.length;
    expect((await server.graphql('mutation($id: ID!) { deleteNote(id: $id) }', { token, variables: { id: doomed.id } })).body.data).toEqual({ deleteNote: true });
    const events = server.logs.slice(before).filter((line) => line['audit'] === true && line['event'] === 'note.deleted');
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actorId: admin.id, subjectId: bob.id, noteId: doomed.id });
    expect(JSON.stringify(server.logs.slice(before))).not.toMatch(/to be removed|private words/);
  });

  it('makes the viewer the owner of a new note, whatever the request says', async () => {
    const result = await asAlice('mutation { createNote(title: "mine", body: "") { owner { id } } }');
    expect(result.body.data).toEqual({ createNote: { owner: { id: alice.id } } });
    const injected = await asAlice(`mutation { createNote(title: "x", body: "y", ownerId: "${bob.id}") { id } }`);
    expect(injected.status).toBe(400);
  });

  it('refuses bad input with the argument named, and stores nothing', async () => {
    const before = titlesOf((await myNotes(server, alice.accessToken, 100)).page)?.length;
    const cases: Array<[string, Record<string, unknown>, string]> = [
      ['mutation($t: String!) { createNote(title: $t, body: "b") { id } }', { t: '   ' }, 'title'],
      ['mutation($t: String!) { createNote(title: $t, body: "b") { id } }', { t: 'x'.repeat(201) }, 'title'],
      ['mutation($b: String!) { createNote(title: "t", body: $b) { id } }', { b: 'x'.repeat(20_001) }, 'body'],
      // PostgreSQL's text cannot hold U+0000: stored, it was an INTERNAL_SERVER_ERROR there.
      ['mutation($t: String!) { createNote(title: $t, body: "b") { id } }', { t: 'a\u0000b' }, 'title'],
      ['mutation($t: String!) { createNote(title: $t, body: "b") { id } }', { t: 'two\nlines' }, 'title'],
      ['mutation($b: String!) { createNote(title: "t", body: $b) { id } }', { b: 'a\u0000b' }, 'body'],
      ['mutation($b: String!) { updateNote(id: "01900000-0000-7000-8000-000000000001", body: $b) { id } }', { b: '\u0000' }, 'body'],
      ['mutation($id: ID!) { updateNote(id: $id, title: "t") { id } }', { id: 'not-an-id' }, 'id'],
      ['query($id: ID!) { note(id: $id) { id } }', { id: "1' or '1'='1" }, 'id'],
      ['query { notes(first: 0) { edges { cursor } } }', {}, 'first'],
      ['query { notes(first: 101) { edges { cursor } } }', {}, 'first'],
      ['query { notes(after: "bm90IGEgY3Vyc29y") { edges { cursor } } }', {}, 'after'],
    ];
    for (const [query, variables, field] of cases) {
      const result = await asAlice(query, variables);
      expect(result.body.errors?.[0]?.extensions, query).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
    expect(titlesOf((await myNotes(server, alice.accessToken, 100)).page)?.length).toBe(before);
  });

  it('asks for a token: anonymous callers get UNAUTHENTICATED and nothing else', async () => {
    const result = await server.graphql('query($id: ID!) { note(id: $id) { title } notes { edges { cursor } } }', { variables: { id: aliceNote.id } });
    expect(result.body.data).toBeNull();
    expect(result.body.errors?.map((e) => e.extensions?.['code'])).toEqual(['UNAUTHENTICATED', 'UNAUTHENTICATED']);
  });
});

describe('pages of notes', () => {
  let server: TestServer;
  let alice: SignedIn;
  let bob: SignedIn;
  beforeAll(async () => {
    server = await startTestServer();
    alice = await signup(server, 'alice@example.com');
    bob = await signup(server, 'bob@example.com');
    // Interleaved, so a page that forgot the owner would show bob's notes between alice's.
    for (let n = 1; n <= 5; n += 1) {
      await createNote(server, alice.accessToken, `a${n}`);
      if (n <= 3) await createNote(server, bob.accessToken, `b${n}`);
    }
  });
  afterAll(() => server.close());

  it('pages newest first over the owner\'s notes alone, with cursors and hasNextPage right', async () => {
    const first = await myNotes(server, alice.accessToken, 2);
    expect(titlesOf(first.page)).toEqual(['a5', 'a4']);
    expect(first.page?.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    const second = await myNotes(server, alice.accessToken, 2, first.page?.pageInfo.endCursor);
    expect(titlesOf(second.page)).toEqual(['a3', 'a2']);
    const third = await myNotes(server, alice.accessToken, 2, second.page?.pageInfo.endCursor);
    expect(titlesOf(third.page)).toEqual(['a1']);
    expect(third.page?.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
    expect(titlesOf((await myNotes(server, bob.accessToken, 3)).page)).toEqual(['b3', 'b2', 'b1']);
    expect((await myNotes(server, bob.accessToken, 3)).page?.pageInfo.hasNextPage).toBe(false);
  });

  it('cannot be steered into someone else\'s notes with a cursor of theirs', async () => {
    const bobs = await myNotes(server, bob.accessToken, 1);
    const result = await myNotes(server, alice.accessToken, 10, bobs.page?.edges[0]?.cursor);
    expect(result.body.errors).toBeUndefined();
    expect(titlesOf(result.page)?.every((title) => title.startsWith('a'))).toBe(true);
  });

  it('deletes a user\'s notes with the user', async () => {
    const carol = await signup(server, 'carol@example.com');
    const note = await createNote(server, carol.accessToken, 'c1');
    expect((await server.graphql('mutation($id: ID!) { deleteUser(id: $id) }', { token: carol.accessToken, variables: { id: carol.id } })).body.data).toEqual({ deleteUser: true });
    const { createSqliteNoteRepository } = await import('../../src/notes/note-repository.sqlite.js');
    const { createPgNoteRepository } = await import('../../src/notes/note-repository.pg.js');
    const { anyOwner } = await import('../../src/repositories/owner-scope.js');
    const database = server.app.database;
    const notes = database.dialect === 'postgres' ? createPgNoteRepository(database.db) : createSqliteNoteRepository(database.db);
    expect(await notes.find(note.id as never, anyOwner)).toBeUndefined();
  });
});
