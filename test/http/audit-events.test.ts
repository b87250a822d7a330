// Every security event is one audit line that says when, which request, who,
// to whom, from where and with what client, and never a secret.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codeOf, defaultPassword, login, refresh, signup, signupAdmin, type SignedIn } from '../helpers/accounts.js';
import { loadTypeDefs } from '../../src/resolvers/build-schema.js';
import { mySessions } from '../helpers/session-queries.js';
import { startTestServer, type TestServer } from '../helpers/start-test-server.js';

const userAgent = 'audit-test/2.0';

describe('audit events', () => {
  let server: TestServer;
  let counter = 0;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  /** Runs a GraphQL call under a fresh request id and returns the audit lines it wrote. */
  async function audited(query: string, options: { token?: string; variables?: Record<string, unknown> } = {}) {
    const requestId = `audit-${++counter}`;
    const result = await server.graphql(query, { ...options, headers: { 'x-request-id': requestId, 'user-agent': userAgent } });
    const events = server.logs.filter((l) => l['audit'] === true && l['requestId'] === requestId);
    return { result, events, requestId };
  }

  /** Who and to whom are always written (null when there is none), so every call names both. */
  function expectEvent(events: Array<Record<string, unknown>>, event: string, fields: { actorId: string | null; subjectId: string | null } & Record<string, unknown>) {
    const found = events.filter((e) => e['event'] === event);
    expect(found, `${event} in ${JSON.stringify(events)}`).toHaveLength(1);
    expect(found[0]).toMatchObject({ audit: true, ip: '127.0.0.1', userAgent, ...fields });
    expect(found[0]?.['time']).toMatch(/^\d{4}-\d\d-\d\dT/);
    return found[0] ?? {};
  }

  /** The id of the session a token belongs to, as the API lists it. */
  async function sessionOf(accessToken: string): Promise<string> {
    const current = (await mySessions(server, accessToken)).find((s) => s.current);
    if (!current) throw new Error('the token has no current session');
    return current.id;
  }

  const credentials = (email: string, password = defaultPassword) => ({ variables: { email, password } });
  const signupQuery = 'mutation($email: String!, $password: String!) { signup(email: $email, password: $password) { accessToken refreshToken user { id } } }';
  const loginQuery = 'mutation($email: String!, $password: String!) { login(email: $email, password: $password) { accessToken refreshToken user { id } } }';

  it('records signup, login success and login failure with its reason', async () => {
    const { result, events } = await audited(signupQuery, credentials('carol@example.com'));
    const signedUp = result.body.data?.['signup'] as { accessToken: string; user: { id: string } };
    const id = signedUp.user.id;
    expectEvent(events, 'signup', { actorId: id, subjectId: id, sessionId: await sessionOf(signedUp.accessToken) });

    const success = await audited(loginQuery, credentials('carol@example.com'));
    const loginSession = await sessionOf((success.result.body.data?.['login'] as { accessToken: string }).accessToken);
    expectEvent(success.events, 'login.success', { actorId: id, subjectId: id, sessionId: loginSession, trustedDevice: false });
    expect(loginSession).not.toBe(await sessionOf(signedUp.accessToken));
    expectEvent((await audited(loginQuery, credentials('carol@example.com', 'not the password'))).events, 'login.failure', {
      actorId: null,
      subjectId: id,
      reason: 'wrong_password',
      trustedDevice: false,
    });
    expectEvent((await audited(loginQuery, credentials('nobody@example.com', 'not the password'))).events, 'login.failure', {
      actorId: null,
      subjectId: null,
      reason: 'unknown_email',
      trustedDevice: false,
    });
  });

  it('records refresh, and reuse of a rotated refresh token', async () => {
    const dave = await signup(server, 'dave@example.com');
    const daveSession = await sessionOf(dave.accessToken);
    const refreshQuery = 'mutation($t: String!) { refreshToken(refreshToken: $t) { refreshToken } }';
    expectEvent((await audited(refreshQuery, { variables: { t: dave.refreshToken } })).events, 'refresh', { actorId: dave.id, subjectId: dave.id, sessionId: daveSession });
    server.clock.advance(60_000); // past the grace window for racing tabs
    const replay = await audited(refreshQuery, { variables: { t: dave.refreshToken } });
    expect(codeOf(replay.result)).toBe('UNAUTHENTICATED');
    // Nobody is signed in as the replayer: the event names only whose session it was.
    expectEvent(replay.events, 'refresh.reuse_detected', { actorId: null, subjectId: dave.id, sessionId: daveSession, reason: 'rotated refresh token presented again' });
    expectEvent((await audited(refreshQuery, { variables: { t: 'not-a-refresh-token' } })).events, 'token.rejected', { actorId: null, subjectId: null, reason: 'refresh_token_malformed' });
  });

  it('records logout, logout of every session, revocation and password change', async () => {
    const erin = await signup(server, 'erin@example.com');
    const second = await login(server, 'erin@example.com');
    const sessions = await server.graphql('{ me { sessions { id current } } }', { token: erin.accessToken });
    const other = (sessions.body.data?.['me'] as { sessions: Array<{ id: string; current: boolean }> }).sessions.find((s) => !s.current);
    expectEvent((await audited('mutation($id: ID!) { revokeSession(id: $id) }', { token: erin.accessToken, variables: { id: other?.id } })).events, 'session.revoked', {
      actorId: erin.id,
      subjectId: erin.id,
      sessionId: other?.id,
    });
    expect((await refresh(server, second.refreshToken)).body.errors).toEqual([expect.objectContaining({ message: 'Invalid or expired refresh token', extensions: { code: 'UNAUTHENTICATED' } })]);

    const change = await audited('mutation($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) }', {
      token: erin.accessToken,
      variables: { c: defaultPassword, n: 'a brand new passphrase' },
    });
    expectEvent(change.events, 'password.changed', { actorId: erin.id, subjectId: erin.id, sessionsEnded: 0 }); // the other session was revoked already
    expect(JSON.stringify(server.logs)).not.toContain('a brand new passphrase');

    const third = await login(server, 'erin@example.com', 'a brand new passphrase');
    const thirdSession = await sessionOf(third.accessToken);
    expectEvent((await audited('mutation { logout }', { token: third.accessToken })).events, 'logout', { actorId: erin.id, subjectId: erin.id, sessionId: thirdSession });
    // Left: the first session; known devices: the signup's and both logins'.
    expectEvent((await audited('mutation { logoutAll }', { token: erin.accessToken })).events, 'logout_all', { actorId: erin.id, subjectId: erin.id, sessions: 1, devicesForgotten: 3 });
  });

  it('records role changes and deletions with the admin as actor and the user as subject', async () => {
    const admin = await signupAdmin(server, 'root@example.com');
    const frank = await signup(server, 'frank@example.com');
    const role = await audited('mutation($id: ID!) { setUserRole(userId: $id, role: ADMIN) { role } }', { token: admin.accessToken, variables: { id: frank.id } });
    expectEvent(role.events, 'role.changed', { actorId: admin.id, subjectId: frank.id, role: 'ADMIN' });
    const deleted = await audited('mutation($id: ID!) { deleteUser(id: $id) }', { token: admin.accessToken, variables: { id: frank.id } });
    expectEvent(deleted.events, 'user.deleted', { actorId: admin.id, subjectId: frank.id });
  });

  describe('access.denied', () => {
    let grace: SignedIn;
    let henry: SignedIn;
    beforeAll(async () => {
      grace = await signup(server, 'grace@example.com');
      henry = await signup(server, 'henry@example.com');
    });

    it('names the field, the rule and the code for a signed-in user', async () => {
      const { result, events } = await audited('{ users { edges { node { id } } } }', { token: grace.accessToken });
      expect(codeOf(result)).toBe('FORBIDDEN');
      expectEvent(events, 'access.denied', { actorId: grace.id, subjectId: null, field: 'Query.users', path: 'users', rule: '@auth(requires: ADMIN)', code: 'FORBIDDEN', count: 1 });
    });

    it('names whose data was asked for, and counts aliases once per field', async () => {
      const { events } = await audited('query($id: ID!) { a: user(id: $id) { id } b: user(id: $id) { role } }', { token: grace.accessToken, variables: { id: henry.id } });
      expectEvent(events, 'access.denied', { actorId: grace.id, subjectId: henry.id, field: 'Query.user', path: 'a', rule: '@auth(requires: OWNER)', code: 'FORBIDDEN', count: 2 });
    });

    it('records an anonymous caller on a signed-in field as UNAUTHENTICATED', async () => {
      const { events } = await audited('mutation { logoutAll }');
      expectEvent(events, 'access.denied', { actorId: null, subjectId: null, field: 'Mutation.logoutAll', path: 'logoutAll', rule: '@auth(requires: USER)', code: 'UNAUTHENTICATED', count: 1 });
    });

    it('finds a denied nested field through aliases and fragments', async () => {
      // The shipped schema denies nothing below an allowed root field, so this
      // copy makes User.createdAt admin-only.
      const typeDefs = loadTypeDefs().map((sdl) => sdl.replace(/^(\s*createdAt: DateTime!)$/m, '$1 @auth(requires: ADMIN)'));
      expect(typeDefs.join('\n')).toContain('createdAt: DateTime! @auth(requires: ADMIN)');
      const strict = await startTestServer({ typeDefs });
      try {
        const ivan = await signup(strict, 'ivan@example.com');
        const result = await strict.graphql('query Mine { me { id ...Private } } fragment Private on User { ... on User { joined: createdAt } }', {
          token: ivan.accessToken,
          headers: { 'x-request-id': 'nested-denial' },
        });
        expect(result.body.data?.['me']).toBeNull();
        const denied = strict.logs.filter((l) => l['event'] === 'access.denied' && l['requestId'] === 'nested-denial');
        expect(denied).toEqual([expect.objectContaining({ actorId: ivan.id, field: 'User.createdAt', path: 'me.joined', rule: '@auth(requires: ADMIN)', code: 'FORBIDDEN' })]);
      } finally {
        await strict.close();
      }
    });

    it('is not written for a failed sign-in, which login.failure covers', async () => {
      const { events } = await audited(loginQuery, credentials('grace@example.com', 'not the password'));
      expect(events.map((e) => e['event'])).toEqual(['login.failure']);
    });
  });
});
