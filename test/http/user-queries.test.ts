// user, users (cursor pagination) and their access rules, over HTTP.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codeOf, signup, signupAdmin, type SignedIn } from '../helpers/accounts.js';
import { startTestServer, type TestServer } from '../helpers/start-test-server.js';

const pageQuery = 'query($first: Int, $after: String) { users(first: $first, after: $after) { edges { cursor node { id email role } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }';

interface Page {
  edges: Array<{ cursor: string; node: { id: string; email: string; role: string } }>;
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
}

describe('user and users', () => {
  let server: TestServer;
  let admin: SignedIn;
  let alice: SignedIn;
  let bob: SignedIn;
  beforeAll(async () => {
    server = await startTestServer();
    admin = await signupAdmin(server, 'admin@example.com');
    alice = await signup(server, 'alice@example.com');
    bob = await signup(server, 'bob@example.com');
    await signup(server, 'carol@example.com');
    await signup(server, 'dave@example.com');
  });
  afterAll(() => server.close());

  const page = async (variables: Record<string, unknown>, token = admin.accessToken) => {
    const result = await server.graphql(pageQuery, { variables, token });
    expect(result.body.errors).toBeUndefined();
    return result.body.data?.['users'] as Page;
  };

  it('lets a user read themself, email included', async () => {
    const result = await server.graphql('query($id: ID!) { user(id: $id) { id email role createdAt } }', { variables: { id: alice.id }, token: alice.accessToken });
    expect(result.body.errors).toBeUndefined();
    const user = result.body.data?.['user'] as { email: string; createdAt: string };
    expect(user).toMatchObject({ id: alice.id, email: 'alice@example.com', role: 'USER' });
    expect(new Date(user.createdAt).toISOString()).toBe(user.createdAt);
  });

  it("refuses a user another user's record, and an anonymous caller anyone's", async () => {
    const other = await server.graphql('query($id: ID!) { user(id: $id) { id } }', { variables: { id: bob.id }, token: alice.accessToken });
    expect(other.status).toBe(200);
    expect(other.body.data).toEqual({ user: null });
    expect(codeOf(other)).toBe('FORBIDDEN');
    const anonymous = await server.graphql('query($id: ID!) { user(id: $id) { id } }', { variables: { id: bob.id } });
    expect(codeOf(anonymous)).toBe('UNAUTHENTICATED');
  });

  it('lets an admin read anyone; an unknown id is null without an error; a malformed id names the argument', async () => {
    const bobRead = await server.graphql('query($id: ID!) { user(id: $id) { email } }', { variables: { id: bob.id }, token: admin.accessToken });
    expect(bobRead.body).toEqual({ data: { user: { email: 'bob@example.com' } } });
    const unknown = await server.graphql('{ user(id: "00000000-0000-7000-8000-000000000000") { id } }', { token: admin.accessToken });
    expect(unknown.body).toEqual({ data: { user: null } });
    const malformed = await server.graphql('{ user(id: "42") { id } }', { token: admin.accessToken });
    expect(codeOf(malformed)).toBe('BAD_USER_INPUT');
    expect(malformed.body.errors?.[0]?.extensions?.['field']).toBe('id');
  });

  it('pages through every user, oldest first, with opaque cursors', async () => {
    const first = await page({ first: 2 });
    expect(first.edges.map((e) => e.node.email)).toEqual(['admin@example.com', 'alice@example.com']);
    expect(first.pageInfo).toEqual({ hasNextPage: true, hasPreviousPage: false, startCursor: first.edges[0]?.cursor, endCursor: first.edges[1]?.cursor });
    expect(first.edges[0]?.cursor).not.toContain(admin.id); // opaque, not the id in plain sight
    const second = await page({ first: 2, after: first.pageInfo.endCursor });
    expect(second.edges.map((e) => e.node.email)).toEqual(['bob@example.com', 'carol@example.com']);
    expect(second.pageInfo.hasPreviousPage).toBe(true);
    const last = await page({ first: 2, after: second.pageInfo.endCursor });
    expect(last.edges.map((e) => e.node.email)).toEqual(['dave@example.com']);
    expect(last.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
    const beyond = await page({ first: 2, after: last.pageInfo.endCursor });
    expect(beyond).toEqual({ edges: [], pageInfo: { hasNextPage: false, hasPreviousPage: true, startCursor: null, endCursor: null } });
  });

  it('defaults to 20 users a page and accepts 1 and 100', async () => {
    expect((await page({})).edges).toHaveLength(5);
    expect((await page({ first: 1 })).edges).toHaveLength(1);
    expect((await page({ first: 100 })).pageInfo.hasNextPage).toBe(false);
  });

  it('refuses first out of 1..100 and a bad cursor with BAD_USER_INPUT naming the argument', async () => {
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ first: 0 }, 'first'],
      [{ first: -1 }, 'first'],
      [{ first: 101 }, 'first'],
      [{ after: 'not a cursor' }, 'after'],
      [{ after: Buffer.from('u:not-a-uuid').toString('base64url') }, 'after'],
      [{ after: Buffer.from(alice.id).toString('base64url') }, 'after'], // an id without the cursor's prefix
      [{ after: '' }, 'after'],
    ];
    for (const [variables, field] of cases) {
      const result = await server.graphql(pageQuery, { variables, token: admin.accessToken });
      expect(result.status, JSON.stringify(variables)).toBe(200);
      expect(result.body.data, JSON.stringify(variables)).toBeNull();
      expect(result.body.errors?.[0]?.extensions, JSON.stringify(variables)).toEqual({ code: 'BAD_USER_INPUT', field });
    }
  });

  it('keeps users to admins: FORBIDDEN for a user, UNAUTHENTICATED for nobody', async () => {
    expect(codeOf(await server.graphql(pageQuery, { token: alice.accessToken }))).toBe('FORBIDDEN');
    expect(codeOf(await server.graphql(pageQuery))).toBe('UNAUTHENTICATED');
  });
});
