// The owner rule decides per field and per argument: under aliases and
// fragments, in one request, A's answer never leaks into B's.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signup, signupAdmin, type SignedIn } from '../helpers/accounts.js';
import { startTestServer, type TestServer } from '../helpers/start-test-server.js';

describe('owner rules under aliases and fragments', () => {
  let server: TestServer;
  let alice: SignedIn;
  let bob: SignedIn;
  let admin: SignedIn;
  beforeAll(async () => {
    server = await startTestServer();
    alice = await signup(server, 'alice@example.com');
    bob = await signup(server, 'bob@example.com');
    admin = await signupAdmin(server, 'admin@example.com');
  });
  afterAll(() => server.close());

  /** Alice asks for herself as `a` and for Bob as `b`: `a` resolves, `b` is FORBIDDEN, nothing else is touched. */
  async function expectOwnOnly(query: string) {
    const result = await server.graphql(query, { variables: { a: alice.id, b: bob.id }, token: alice.accessToken });
    expect(result.status).toBe(200);
    expect(result.body.data).toEqual({ a: { id: alice.id, email: 'alice@example.com' }, b: null });
    expect(result.body.errors).toHaveLength(1);
    expect(result.body.errors?.[0]).toMatchObject({ path: ['b'], extensions: { code: 'FORBIDDEN' } });
  }

  it('aliases', () => expectOwnOnly('query($a: ID!, $b: ID!) { a: user(id: $a) { id email } b: user(id: $b) { id email } }'));

  it('aliases in the other order', async () => {
    const result = await server.graphql('query($a: ID!, $b: ID!) { b: user(id: $b) { email } a: user(id: $a) { email } }', {
      variables: { a: alice.id, b: bob.id },
      token: alice.accessToken,
    });
    expect(result.body.data).toEqual({ b: null, a: { email: 'alice@example.com' } });
  });

  it('named fragments', () =>
    expectOwnOnly('query($a: ID!, $b: ID!) { a: user(id: $a) { ...Private } b: user(id: $b) { ...Private } } fragment Private on User { id email }'));

  it('inline fragments', () =>
    expectOwnOnly('query($a: ID!, $b: ID!) { a: user(id: $a) { ... on User { id email } } b: user(id: $b) { ... on User { id ... on User { email } } } }'));

  it('a fragment spread on the query root', () =>
    expectOwnOnly('query($a: ID!, $b: ID!) { ...Both } fragment Both on Query { a: user(id: $a) { id email } b: user(id: $b) { id email } }'));

  it('the same user id as literal and variable, many times over', async () => {
    const result = await server.graphql(`query($b: ID!) { a1: me { email } b1: user(id: $b) { email } a2: user(id: "${alice.id}") { email } b2: user(id: "${bob.id}") { email } }`, {
      variables: { b: bob.id },
      token: alice.accessToken,
    });
    expect(result.body.data).toEqual({ a1: { email: 'alice@example.com' }, b1: null, a2: { email: 'alice@example.com' }, b2: null });
    expect(result.body.errors?.map((e) => [e.path?.[0], e.extensions?.['code']])).toEqual([
      ['b1', 'FORBIDDEN'],
      ['b2', 'FORBIDDEN'],
    ]);
  });

  it('the parent-based rule on User.email decides per object: each sign-up payload is readable by whom it was issued to', async () => {
    const result = await server.graphql(
      `mutation { x: signup(email: "xavier@example.com", password: "correct horse battery") { user { email } }
                  y: signup(email: "yvonne@example.com", password: "correct horse battery") { user { ...E } } }
       fragment E on User { email }`,
    );
    expect(result.body).toEqual({ data: { x: { user: { email: 'xavier@example.com' } }, y: { user: { email: 'yvonne@example.com' } } } });
    const mine = await server.graphql('{ x: me { email } y: me { ... on User { email } } }', { token: bob.accessToken });
    expect(mine.body.data).toEqual({ x: { email: 'bob@example.com' }, y: { email: 'bob@example.com' } });
  });

  it('an admin reads both under the same aliases', async () => {
    const result = await server.graphql('query($a: ID!, $b: ID!) { a: user(id: $a) { email } b: user(id: $b) { email } }', {
      variables: { a: alice.id, b: bob.id },
      token: admin.accessToken,
    });
    expect(result.body).toEqual({ data: { a: { email: 'alice@example.com' }, b: { email: 'bob@example.com' } } });
  });

  it('deleteUser under aliases: the other is FORBIDDEN, Bob stays, and nothing after the refusal runs', async () => {
    const carol = await signup(server, 'carol@example.com');
    const result = await server.graphql('mutation($mine: ID!, $other: ID!) { other: deleteUser(id: $other) mine: deleteUser(id: $mine) }', {
      variables: { mine: carol.id, other: bob.id },
      token: carol.accessToken,
    });
    // deleteUser is Boolean!: the refusal nulls the whole data, and graphql-js stops the serial mutation list there.
    expect(result.body.data).toBeNull();
    expect(result.body.errors).toHaveLength(1);
    expect(result.body.errors?.[0]).toMatchObject({ path: ['other'], extensions: { code: 'FORBIDDEN' } });
    expect((await server.graphql('{ me { id } }', { token: bob.accessToken })).body.data).toEqual({ me: { id: bob.id } });
    expect((await server.graphql('{ me { id } }', { token: carol.accessToken })).body.data).toEqual({ me: { id: carol.id } });
  });
});
