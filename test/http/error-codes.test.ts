// One test per error code of the contract, with the HTTP status it travels
// with; every BAD_USER_INPUT names its argument in extensions.field.
// (INTERNAL_SERVER_ERROR: production-masking.test.ts. RATE_LIMITED arrives
// with the rate-limit enforcement.)
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codeOf, signup, signupAdmin, type SignedIn } from '../helpers/accounts.js';
import { startTestServer, type GraphqlResult, type TestServer } from '../helpers/start-test-server.js';

const signupMutation = 'mutation($email: String!, $password: String!) { signup(email: $email, password: $password) { accessToken } }';
const loginMutation = 'mutation($email: String!, $password: String!) { login(email: $email, password: $password) { accessToken } }';

/** The errors without `locations`, which only point into the query text. */
const errorsOf = (result: GraphqlResult) => result.body.errors?.map(({ message, path, extensions }) => ({ message, path, extensions }));

describe('error codes', () => {
  let server: TestServer;
  let alice: SignedIn;
  let admin: SignedIn;
  beforeAll(async () => {
    server = await startTestServer();
    alice = await signup(server, 'alice@example.com');
    admin = await signupAdmin(server, 'admin@example.com');
  });
  afterAll(() => server.close());

  it('UNAUTHENTICATED: wrong password and unknown email give one and the same error', async () => {
    const wrong = await server.graphql(loginMutation, { variables: { email: 'alice@example.com', password: 'not her password' } });
    const unknown = await server.graphql(loginMutation, { variables: { email: 'nobody@example.com', password: 'not her password' } });
    expect(wrong.status).toBe(200);
    expect(wrong.body.data).toBeNull();
    expect(errorsOf(wrong)).toEqual([{ message: 'Invalid email or password', path: ['login'], extensions: { code: 'UNAUTHENTICATED' } }]);
    expect(unknown.body).toEqual(wrong.body);
  });

  it('UNAUTHENTICATED: a signed-in field asked anonymously, with partial data for the rest', async () => {
    const result = await server.graphql('query($id: ID!) { me { id } user(id: $id) { id } }', { variables: { id: alice.id } });
    expect(result.status).toBe(200);
    expect(result.body.data).toEqual({ me: null, user: null });
    expect(errorsOf(result)).toEqual([{ message: 'You must be signed in', path: ['user'], extensions: { code: 'UNAUTHENTICATED' } }]);
  });

  it('FORBIDDEN: signed in, but not allowed', async () => {
    const result = await server.graphql('{ me { id } someoneElse: user(id: "00000000-0000-7000-8000-000000000000") { id } }', { token: alice.accessToken });
    expect(result.status).toBe(200);
    expect(result.body.data).toEqual({ me: { id: alice.id }, someoneElse: null });
    expect(errorsOf(result)).toEqual([{ message: 'Not allowed', path: ['someoneElse'], extensions: { code: 'FORBIDDEN' } }]);
  });

  it.each([
    { op: 'signup', field: 'email', email: 'not-an-email', password: 'long enough', message: 'Enter a valid email address' },
    { op: 'signup', field: 'email', email: 'a b@example.com', password: 'long enough', message: 'Enter a valid email address' },
    { op: 'signup', field: 'email', email: `${'x'.repeat(250)}@example.com`, password: 'long enough', message: 'Enter a valid email address' },
    { op: 'signup', field: 'email', email: ' ALICE@example.com', password: 'long enough', message: 'This email is already registered' },
    { op: 'signup', field: 'password', email: 'new@example.com', password: 'seven77', message: 'Password must be 8 to 128 characters' },
    { op: 'signup', field: 'password', email: 'new@example.com', password: 'x'.repeat(129), message: 'Password must be 8 to 128 characters' },
    { op: 'login', field: 'email', email: 'alice', password: 'long enough', message: 'Enter a valid email address' },
    { op: 'login', field: 'password', email: 'alice@example.com', password: 'x'.repeat(129), message: 'Password must be 8 to 128 characters' },
  ])('BAD_USER_INPUT: $op names $field ($message)', async ({ op, field, email, password, message }) => {
    const result = await server.graphql(op === 'signup' ? signupMutation : loginMutation, { variables: { email, password } });
    expect(result.status).toBe(200);
    expect(result.body.data).toBeNull();
    expect(errorsOf(result)).toEqual([{ message, path: [op], extensions: { code: 'BAD_USER_INPUT', field } }]);
  });

  it.each([
    { query: '{ user(id: "not-a-uuid") { id } }', field: 'id' },
    { query: '{ users(after: "not-a-cursor") { edges { cursor } } }', field: 'after' },
    { query: '{ users(first: 1000) { edges { cursor } } }', field: 'first' },
    { query: 'mutation { setUserRole(userId: "not-a-uuid", role: USER) { id } }', field: 'userId' },
    { query: 'mutation { deleteUser(id: "not-a-uuid") }', field: 'id' },
  ])('BAD_USER_INPUT: ids, cursors and page sizes name $field ($query)', async ({ query, field }) => {
    const result = await server.graphql(query, { token: admin.accessToken });
    expect(result.status).toBe(200);
    expect(result.body.errors).toHaveLength(1);
    expect(result.body.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field });
  });

  it('GRAPHQL_VALIDATION_FAILED (400): a field that does not exist, a wrong argument type', async () => {
    for (const query of ['{ me { password } }', '{ users(first: "ten") { edges { cursor } } }']) {
      const result = await server.graphql(query);
      expect(result.status).toBe(400);
      expect(codeOf(result)).toBe('GRAPHQL_VALIDATION_FAILED');
    }
  });

  it('GRAPHQL_PARSE_FAILED (400): a query that is not GraphQL', async () => {
    const result = await server.graphql('{ me { id }');
    expect(result.status).toBe(400);
    expect(codeOf(result)).toBe('GRAPHQL_PARSE_FAILED');
  });

  it('BAD_REQUEST (400): malformed JSON, a batched array, no query', async () => {
    const post = (body: string) => server.fetch('/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    for (const body of ['{"query": ', '[{"query":"{ me { id } }"}]', '{}']) {
      const response = await post(body);
      expect(response.status, body).toBe(400);
      expect(((await response.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0]?.extensions.code, body).toBe('BAD_REQUEST');
    }
  });

  it('NOT_FOUND (404): a path that serves nothing, with the GraphQL error shape', async () => {
    const response = await server.fetch('/graphq');
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ errors: [{ message: 'Not found; the API is at /graphql', extensions: { code: 'NOT_FOUND' } }] });
  });

  it('BAD_USER_INPUT (400): a variable of the wrong type, refused before anything runs', async () => {
    const result = await server.graphql(loginMutation, { variables: { email: 42, password: 'long enough' } });
    expect(result.status).toBe(400);
    expect(codeOf(result)).toBe('BAD_USER_INPUT');
  });
});
