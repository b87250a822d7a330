// setUserRole and deleteUser over HTTP: who may, what changes at once, and
// what a bad argument answers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codeOf, login, signup, signupAdmin, type SignedIn } from '../helpers/accounts.js';
import { startTestServer, type TestServer } from '../helpers/start-test-server.js';

const setRole = 'mutation($userId: ID!, $role: Role!) { setUserRole(userId: $userId, role: $role) { id email role } }';
const deleteUser = 'mutation($id: ID!) { deleteUser(id: $id) }';
const usersQuery = '{ users { edges { node { email } } } }';

describe('setUserRole', () => {
  let server: TestServer;
  let admin: SignedIn;
  let alice: SignedIn;
  beforeAll(async () => {
    server = await startTestServer();
    admin = await signupAdmin(server, 'admin@example.com');
    alice = await signup(server, 'alice@example.com');
  });
  afterAll(() => server.close());

  it("promotes a user, and the user's next request with the same token has the role", async () => {
    expect(codeOf(await server.graphql(usersQuery, { token: alice.accessToken }))).toBe('FORBIDDEN');
    const result = await server.graphql(setRole, { variables: { userId: alice.id, role: 'ADMIN' }, token: admin.accessToken });
    expect(result.body).toEqual({ data: { setUserRole: { id: alice.id, email: 'alice@example.com', role: 'ADMIN' } } });
    expect((await server.graphql(usersQuery, { token: alice.accessToken })).body.errors).toBeUndefined();
    // A new sign-in carries the new role in its token too.
    const again = await login(server, 'alice@example.com');
    expect(JSON.parse(Buffer.from(again.accessToken.split('.')[1] ?? '', 'base64url').toString())).toMatchObject({ role: 'ADMIN' });
  });

  it('demotes as promptly', async () => {
    await server.graphql(setRole, { variables: { userId: alice.id, role: 'USER' }, token: admin.accessToken });
    expect(codeOf(await server.graphql(usersQuery, { token: alice.accessToken }))).toBe('FORBIDDEN');
  });

  it('is for admins only', async () => {
    const byUser = await server.graphql(setRole, { variables: { userId: alice.id, role: 'ADMIN' }, token: alice.accessToken });
    expect(byUser.body.data).toBeNull();
    expect(codeOf(byUser)).toBe('FORBIDDEN');
    expect(codeOf(await server.graphql(setRole, { variables: { userId: alice.id, role: 'ADMIN' } }))).toBe('UNAUTHENTICATED');
    const me = await server.graphql('{ me { role } }', { token: alice.accessToken });
    expect(me.body.data).toEqual({ me: { role: 'USER' } });
  });

  it('names userId for a malformed or unknown user, and refuses a role outside the enum', async () => {
    for (const userId of ['nope', '00000000-0000-7000-8000-000000000000']) {
      const result = await server.graphql(setRole, { variables: { userId, role: 'ADMIN' }, token: admin.accessToken });
      expect(result.body.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'userId' });
    }
    const badRole = await server.graphql(`mutation { setUserRole(userId: "${alice.id}", role: OWNER) { id } }`, { token: admin.accessToken });
    expect(badRole.status).toBe(400);
    expect(codeOf(badRole)).toBe('GRAPHQL_VALIDATION_FAILED');
  });
});

describe('deleteUser', () => {
  let server: TestServer;
  let admin: SignedIn;
  beforeAll(async () => {
    server = await startTestServer();
    admin = await signupAdmin(server, 'admin@example.com');
  });
  afterAll(() => server.close());

  it('lets a user delete themself; their token is refused at once and the email is free again', async () => {
    const dora = await signup(server, 'dora@example.com');
    const result = await server.graphql(deleteUser, { variables: { id: dora.id }, token: dora.accessToken });
    expect(result.body).toEqual({ data: { deleteUser: true } });
    const after = await server.graphql('{ me { id } }', { token: dora.accessToken });
    expect(after.status).toBe(401);
    expect(codeOf(after)).toBe('UNAUTHENTICATED');
    const relogin = await server.graphql('mutation { login(email: "dora@example.com", password: "correct horse battery") { accessToken } }');
    expect(codeOf(relogin)).toBe('UNAUTHENTICATED');
    await signup(server, 'dora@example.com');
  });

  it('lets an admin delete anyone, ending every session of theirs', async () => {
    const erin = await signup(server, 'erin@example.com');
    const erinElsewhere = await login(server, 'erin@example.com');
    const result = await server.graphql(deleteUser, { variables: { id: erin.id }, token: admin.accessToken });
    expect(result.body).toEqual({ data: { deleteUser: true } });
    for (const token of [erin.accessToken, erinElsewhere.accessToken]) expect((await server.graphql('{ me { id } }', { token })).status).toBe(401);
    const gone = await server.graphql('query($id: ID!) { user(id: $id) { id } }', { variables: { id: erin.id }, token: admin.accessToken });
    expect(gone.body).toEqual({ data: { user: null } });
  });

  it('refuses one user deleting another, and leaves the other intact', async () => {
    const frank = await signup(server, 'frank@example.com');
    const gina = await signup(server, 'gina@example.com');
    const result = await server.graphql(deleteUser, { variables: { id: gina.id }, token: frank.accessToken });
    expect(result.body.data).toBeNull();
    expect(codeOf(result)).toBe('FORBIDDEN');
    expect((await server.graphql('{ me { email } }', { token: gina.accessToken })).body).toEqual({ data: { me: { email: 'gina@example.com' } } });
    expect(codeOf(await server.graphql(deleteUser, { variables: { id: gina.id } }))).toBe('UNAUTHENTICATED');
  });

  it('names id for a malformed or unknown user', async () => {
    for (const id of ['', 'nope', '00000000-0000-7000-8000-000000000000']) {
      const result = await server.graphql(deleteUser, { variables: { id }, token: admin.accessToken });
      expect(result.body.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'id' });
    }
  });
});
