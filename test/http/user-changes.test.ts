// A role change or a deleted account is seen on the user's very next request,
// even with an access token issued before it (and already cached as live).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codeOf, refresh, signup, signupAdmin, type SignedIn } from '../helpers/accounts.js';
import { auditEvents, meStatus } from '../helpers/session-queries.js';
import { startTestServer, type TestServer } from '../helpers/start-test-server.js';

/** What the token may do now: the role me reports, and the code (if any) of an ADMIN-only query. */
async function powersOf(server: TestServer, token: string) {
  const me = await server.graphql('{ me { role } }', { token });
  const users = await server.graphql('{ users(first: 1) { edges { node { id } } } }', { token });
  return { role: (me.body.data?.['me'] as { role: string } | undefined)?.role, usersError: codeOf(users) };
}

describe('role changes and deletion take effect at once', () => {
  let server: TestServer;
  let admin: SignedIn;
  beforeAll(async () => {
    server = await startTestServer();
    admin = await signupAdmin(server, 'boss@example.com');
  });
  afterAll(() => server.close());

  const setRole = (userId: string, role: string) =>
    server.graphql('mutation($id: ID!, $role: Role!) { setUserRole(userId: $id, role: $role) { id role } }', { token: admin.accessToken, variables: { id: userId, role } });

  it('setUserRole is visible on the next request with the same token: me.role and ADMIN-only fields', async () => {
    const user = await signup(server, 'promoted@example.com');
    expect(await powersOf(server, user.accessToken)).toEqual({ role: 'USER', usersError: 'FORBIDDEN' }); // now cached

    expect((await setRole(user.id, 'ADMIN')).body.data).toEqual({ setUserRole: { id: user.id, role: 'ADMIN' } });
    expect(await powersOf(server, user.accessToken)).toEqual({ role: 'ADMIN', usersError: undefined });

    await setRole(user.id, 'USER');
    expect(await powersOf(server, user.accessToken)).toEqual({ role: 'USER', usersError: 'FORBIDDEN' });
    expect(auditEvents(server, 'role.changed').map((e) => e['role'])).toEqual(['ADMIN', 'USER']);
  });

  it('deleteUser by an ADMIN: the user’s tokens get 401 on the next request', async () => {
    const user = await signup(server, 'deleted@example.com');
    expect(await meStatus(server, user.accessToken)).toBe(200);
    const result = await server.graphql('mutation($id: ID!) { deleteUser(id: $id) }', { token: admin.accessToken, variables: { id: user.id } });
    expect(result.body.data).toEqual({ deleteUser: true });
    expect(await meStatus(server, user.accessToken)).toBe(401);
    expect(codeOf(await refresh(server, user.refreshToken))).toBe('UNAUTHENTICATED');
    expect(auditEvents(server, 'token.rejected').at(-1)).toMatchObject({ reason: 'refresh_token_unknown' });
    expect(await meStatus(server, admin.accessToken)).toBe(200);
  });

  it('deleteUser of oneself ends one’s own tokens too', async () => {
    const user = await signup(server, 'leaving@example.com');
    const result = await server.graphql('mutation($id: ID!) { deleteUser(id: $id) }', { token: user.accessToken, variables: { id: user.id } });
    expect(result.body.data).toEqual({ deleteUser: true });
    expect(await meStatus(server, user.accessToken)).toBe(401);
    expect(auditEvents(server, 'user.deleted').at(-1)).toMatchObject({ actorId: user.id, subjectId: user.id });
  });
});
