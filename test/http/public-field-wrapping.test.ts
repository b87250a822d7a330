// access/create-shield.ts drops shield's wrapper from @public fields, which have
// nothing to check. Fields with a rule must keep theirs even when the way to
// them is public: here Query.user is made @public, and User.email (OWNER) must
// still hide another user's address while the public fields resolve.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadTypeDefs } from '../../src/resolvers/build-schema.js';
import { codeOf, signup, type SignedIn } from '../helpers/accounts.js';
import { startTestServer, type TestServer } from '../helpers/start-test-server.js';

const ownerGuard = '@auth(requires: OWNER, scopes: ["profile:read"])';
const typeDefs = loadTypeDefs().map((sdl) => sdl.replace(`user("The user's id." id: ID!): User ${ownerGuard}`, 'user("The user\'s id." id: ID!): User @public'));

describe('a guarded field reached through a public one', () => {
  let server: TestServer;
  let alice: SignedIn;
  let bob: SignedIn;
  beforeAll(async () => {
    expect(typeDefs.join('\n')).toContain('User @public\n');
    server = await startTestServer({ typeDefs });
    alice = await signup(server, 'alice@example.com');
    bob = await signup(server, 'bob@example.com');
  });
  afterAll(() => server.close());

  it("keeps its rule: another user's email is FORBIDDEN, the public fields resolve", async () => {
    const result = await server.graphql('query($id: ID!) { user(id: $id) { id role email } }', { token: alice.accessToken, variables: { id: bob.id } });
    expect(codeOf(result)).toBe('FORBIDDEN');
    expect(result.body.errors?.[0]?.path).toEqual(['user', 'email']);
  });

  it('still answers the owner', async () => {
    const result = await server.graphql('query($id: ID!) { user(id: $id) { id email } }', { token: bob.accessToken, variables: { id: bob.id } });
    expect(result.body).toEqual({ data: { user: { id: bob.id, email: 'bob@example.com' } } });
  });
});
