// What an API key may do: act as its user on the fields that declare a scope
// it holds, and nothing else. A person's token holds every scope. No key may
// touch credentials (sessions, passwords, keys, roles), whatever its scopes,
// at the root or nested below a field it may use.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codeOf, signup, signupAdmin, type SignedIn } from '../helpers/accounts.js';
import { createApiKey, listApiKeys } from '../helpers/api-keys.js';
import { auditEvents, mySessions } from '../helpers/session-queries.js';
import { startTestServer, type GraphqlResult, type TestServer } from '../helpers/start-test-server.js';

const everyScope = ['profile:read', 'users:read', 'notes:read', 'notes:write'];

/** The FORBIDDEN error at `path`, with the scopes that would have allowed it. */
function expectScopeRefusal(result: GraphqlResult, path: Array<string | number>, requiredScopes: string[]) {
  const error = result.body.errors?.find((e) => JSON.stringify(e.path) === JSON.stringify(path));
  expect(error, JSON.stringify(result.body.errors)).toMatchObject({ extensions: { code: 'FORBIDDEN', reason: 'SCOPE', requiredScopes } });
}

describe('API key scopes', () => {
  let server: TestServer;
  let alice: SignedIn;
  const keys: Record<string, string> = {};
  const asKey = (name: string, query: string, variables?: Record<string, unknown>) => server.graphql(query, { token: keys[name] ?? '', ...(variables ? { variables } : {}) });

  beforeAll(async () => {
    server = await startTestServer();
    alice = await signup(server, 'alice@example.com');
    await server.graphql('mutation { createNote(title: "groceries", body: "eggs") { id } }', { token: alice.accessToken });
    for (const [name, scopes] of Object.entries({ profile: ['profile:read'], notesRead: ['notes:read'], notesWrite: ['notes:write'], all: everyScope })) {
      keys[name] = (await createApiKey(server, alice.accessToken, scopes, { name })).key;
    }
  });
  afterAll(() => server.close());

  it('reads `me` and `user` with profile:read, and nothing of notes', async () => {
    expect((await asKey('profile', '{ me { id email role } }')).body).toEqual({ data: { me: { id: alice.id, email: alice.email, role: 'USER' } } });
    expect((await asKey('profile', 'query($id: ID!) { user(id: $id) { email } }', { id: alice.id })).body).toEqual({ data: { user: { email: alice.email } } });
    expectScopeRefusal(await asKey('profile', '{ notes { edges { node { id } } } }'), ['notes'], ['notes:read']);
    expectScopeRefusal(await asKey('profile', 'mutation { createNote(title: "t", body: "b") { id } }'), ['createNote'], ['notes:write']);
  });

  it('reads notes with notes:read, but not the profile: `me` and an owner\'s email need profile:read', async () => {
    // Nested: the note and its owner's id are readable, the owner's email is not
    // (and, every field on the way being non-null, the refusal empties the answer).
    const notes = await asKey('notesRead', '{ notes { edges { node { title owner { id email } } } } }');
    expect(notes.body.data).toBeNull();
    expectScopeRefusal(notes, ['notes', 'edges', 0, 'node', 'owner', 'email'], ['profile:read', 'users:read']);
    const withoutEmail = await asKey('notesRead', '{ notes { edges { node { title owner { id } } } } }');
    expect(withoutEmail.body).toEqual({ data: { notes: { edges: [{ node: { title: 'groceries', owner: { id: alice.id } } }] } } });
    expectScopeRefusal(await asKey('notesRead', '{ me { id } }'), ['me'], ['profile:read']);
    expectScopeRefusal(await asKey('notesRead', 'mutation { createNote(title: "t", body: "b") { id } }'), ['createNote'], ['notes:write']);
  });

  it('writes notes with notes:write and reads back what it wrote, but lists nothing', async () => {
    const made = await asKey('notesWrite', 'mutation { createNote(title: "from CI", body: "built") { id title } }');
    expect(made.body.errors).toBeUndefined();
    expect((made.body.data?.['createNote'] as { title: string }).title).toBe('from CI');
    expectScopeRefusal(await asKey('notesWrite', '{ notes { edges { node { id } } } }'), ['notes'], ['notes:read']);
    // Written as its user: the person sees it.
    const theirs = await server.graphql('{ notes { edges { node { title } } } }', { token: alice.accessToken });
    expect(JSON.stringify(theirs.body.data)).toContain('from CI');
  });

  it('reaches nested fields only through their own scopes: User.notes needs notes:read even below `me`', async () => {
    const result = await asKey('profile', '{ me { id notes { edges { node { id } } } } }');
    expectScopeRefusal(result, ['me', 'notes'], ['notes:read']);
    const both = await asKey('all', '{ me { notes { edges { node { title } } } } }');
    expect(both.body.errors).toBeUndefined();
  });

  it.each([
    ['logout', 'mutation { logout }'],
    ['logoutAll', 'mutation { logoutAll }'],
    ['revokeSession', 'mutation { revokeSession(id: "01900000-0000-7000-8000-000000000000") }'],
    ['changePassword', 'mutation { changePassword(currentPassword: "correct horse battery", newPassword: "stolen horse battery") }'],
    ['createApiKey', 'mutation { createApiKey(name: "escalate", scopes: ["profile:read"]) { key } }'],
    ['revokeApiKey', 'mutation { revokeApiKey(id: "01900000-0000-7000-8000-000000000000") }'],
    ['apiKeys', '{ apiKeys { id } }'],
    ['apiScopes', '{ apiScopes { name } }'],
    ['setUserRole', 'mutation { setUserRole(userId: "01900000-0000-7000-8000-000000000000", role: ADMIN) { id } }'],
    ['deleteUser', 'mutation { deleteUser(id: "01900000-0000-7000-8000-000000000000") }'],
    ['login', 'mutation { login(email: "alice@example.com", password: "correct horse battery") { accessToken } }'],
    ['signup', 'mutation { signup(email: "via-key@example.com", password: "correct horse battery") { accessToken } }'],
    ['refreshToken', 'mutation { refreshToken(refreshToken: "rt_x") { accessToken } }'],
    // Recovery and the second factor (issues 16, 17) are credentials too.
    ['requestPasswordReset', 'mutation { requestPasswordReset(email: "alice@example.com") }'],
    ['resetPassword', 'mutation { resetPassword(token: "x", newPassword: "stolen horse battery") }'],
    ['requestEmailChange', 'mutation { requestEmailChange(newEmail: "thief@example.com", currentPassword: "correct horse battery") }'],
    ['requestEmailVerification', 'mutation { requestEmailVerification }'],
    ['enrollTotp', 'mutation { enrollTotp { secret } }'],
    ['disableTotp', 'mutation { disableTotp(code: "000000") }'],
    ['reauthenticate', 'mutation { reauthenticate(password: "correct horse battery") { accessToken } }'],
    ['startPasskeyRegistration', 'mutation { startPasskeyRegistration }'],
  ])('refuses %s to a key holding every scope: no key manages credentials', async (field, query) => {
    const result = await asKey('all', query);
    expectScopeRefusal(result, [field], []);
    expect(result.body.errors?.[0]?.message).toBe('API keys cannot use this field');
  });

  it('changed nothing while refusing those: the person is still signed in with the same password and keys', async () => {
    expect((await mySessions(server, alice.accessToken)).length).toBe(1);
    expect((await listApiKeys(server, alice.accessToken)).length).toBe(4);
    const result = await server.graphql('mutation { login(email: "alice@example.com", password: "correct horse battery") { user { id } } }');
    expect(result.body.errors).toBeUndefined();
  });

  it('refuses credential fields nested below fields a key may use: User.sessions, User.apiKeys', async () => {
    for (const field of ['sessions', 'apiKeys']) {
      const result = await asKey('all', `{ me { id ${field} { id } } }`);
      expect(result.body.data).toEqual({ me: null }); // the list is non-null, so `me` is emptied
      expectScopeRefusal(result, ['me', field], []);
    }
    const owner = await asKey('all', '{ notes { edges { node { owner { sessions { id } } } } } }');
    expectScopeRefusal(owner, ['notes', 'edges', 0, 'node', 'owner', 'sessions'], []);
  });

  it('reads whether the email is verified and two-step sign-in is on with profile:read, but never the passkeys', async () => {
    const status = await asKey('profile', '{ me { emailVerified mfaEnabled } }');
    expect(status.body).toEqual({ data: { me: { emailVerified: false, mfaEnabled: false } } });
    expectScopeRefusal(await asKey('all', '{ me { id passkeys { id } } }'), ['me', 'passkeys'], []);
  });

  it('gives a person every scope', async () => {
    const result = await server.graphql('{ me { email sessions { id } apiKeys { id } notes { edges { node { id } } } } apiScopes { name } }', { token: alice.accessToken });
    expect(result.body.errors).toBeUndefined();
  });

  it('acts within its user\'s rights too: a USER\'s key with users:read lists no users, another user is not its own', async () => {
    const bob = await signup(server, 'bob@example.com');
    expect((await asKey('all', '{ users { edges { node { id } } } }')).body.errors?.[0]).toMatchObject({ message: 'Not allowed', extensions: { code: 'FORBIDDEN' } });
    expect(codeOf(await asKey('all', 'query($id: ID!) { user(id: $id) { id } }', { id: bob.id }))).toBe('FORBIDDEN');
  });

  it("lets an ADMIN's key with users:read list users and their emails", async () => {
    const admin = await signupAdmin(server, 'admin@example.com');
    const { key } = await createApiKey(server, admin.accessToken, ['users:read']);
    const result = await server.graphql('{ users(first: 100) { edges { node { email } } } }', { token: key });
    expect(result.body.errors).toBeUndefined();
    expect(JSON.stringify(result.body.data)).toContain(alice.email);
    expectScopeRefusal(await server.graphql('{ me { id } }', { token: key }), ['me'], ['profile:read']);
  });

  // The scopes a person picks say "your account", "your notes": an ADMIN's key
  // for a script that reads its own profile must not read everyone's emails,
  // nor a notes key delete everyone's notes. Only users:read, the scope that
  // says "every user", lets an ADMIN's key act as an ADMIN.
  it("keeps an ADMIN's key without users:read to its own account and notes", async () => {
    const admin = await signupAdmin(server, 'admin2@example.com');
    const note = await server.graphql('mutation { createNote(title: "private", body: "alice only") { id } }', { token: alice.accessToken });
    const noteId = (note.body.data?.['createNote'] as { id: string }).id;
    const narrow = (await createApiKey(server, admin.accessToken, ['profile:read', 'notes:read', 'notes:write'])).key;
    const asNarrow = (query: string, variables: Record<string, unknown>) => server.graphql(query, { token: narrow, variables });
    expect(codeOf(await asNarrow('query($id: ID!) { user(id: $id) { email } }', { id: alice.id }))).toBe('FORBIDDEN');
    expect((await asNarrow('query($id: ID!) { note(id: $id) { body } }', { id: noteId })).body).toEqual({ data: { note: null } });
    expect((await asNarrow('mutation($id: ID!) { deleteNote(id: $id) }', { id: noteId })).body).toEqual({ data: { deleteNote: false } });
    expect((await asNarrow('query($id: ID!) { user(id: $id) { email } }', { id: admin.id })).body).toEqual({ data: { user: { email: admin.email } } });
    // With users:read it acts as the ADMIN it belongs to.
    const wide = (await createApiKey(server, admin.accessToken, ['users:read', 'notes:read'])).key;
    expect((await server.graphql('query($id: ID!) { note(id: $id) { body } }', { token: wide, variables: { id: noteId } })).body).toEqual({ data: { note: { body: 'alice only' } } });
  });

  it('records each scope refusal as api_key.refused with the field and the scopes it needed', async () => {
    const result = await asKey('profile', '{ notes { edges { node { id } } } }');
    const event = auditEvents(server, 'api_key.refused').find((e) => e['requestId'] === result.headers.get('x-request-id'));
    expect(event).toMatchObject({ reason: 'scope', actorId: alice.id, field: 'Query.notes', requiredScopes: ['notes:read'], code: 'FORBIDDEN' });
    expect(auditEvents(server, 'access.denied').some((e) => e['requestId'] === result.headers.get('x-request-id'))).toBe(false);
  });

  it('lists every declared scope with its description, for people', async () => {
    const result = await server.graphql('{ apiScopes { name description } }', { token: alice.accessToken });
    const scopes = result.body.data?.['apiScopes'] as Array<{ name: string; description: string }>;
    expect(scopes.map((s) => s.name)).toEqual(everyScope);
    for (const scope of scopes) expect(scope.description.length).toBeGreaterThan(10);
  });
});
