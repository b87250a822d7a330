// Every security event is one audit line that says when, which request, who,
// to whom, from where and with what client, and never a secret.
import { hostname } from 'node:os';
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

  /**
   * The call wrote `event` once, and the line is exactly this: who and to whom
   * always (null when there is none), from where, with `fields` and nothing
   * else, so a token or a password added to an event would fail here.
   */
  function expectEvent(call: { events: Array<Record<string, unknown>>; requestId: string }, event: string, fields: { actorId: string | null; subjectId: string | null } & Record<string, unknown>) {
    const found = call.events.filter((e) => e['event'] === event);
    expect(found, `${event} in ${JSON.stringify(call.events)}`).toHaveLength(1);
    expect(found[0]).toEqual({
      level: 30,
      time: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/), // pino's clock, not the test's fake one
      pid: process.pid,
      hostname: hostname(),
      audit: true,
      event,
      requestId: call.requestId,
      ip: '127.0.0.1',
      userAgent,
      ...fields,
      msg: `audit ${event}`,
    });
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
    const signUp = await audited(signupQuery, credentials('carol@example.com'));
    const signedUp = signUp.result.body.data?.['signup'] as { accessToken: string; user: { id: string } };
    const id = signedUp.user.id;
    expectEvent(signUp, 'signup', { actorId: id, subjectId: id, sessionId: await sessionOf(signedUp.accessToken) });

    const success = await audited(loginQuery, credentials('carol@example.com'));
    const loginSession = await sessionOf((success.result.body.data?.['login'] as { accessToken: string }).accessToken);
    expectEvent(success, 'login.success', { actorId: id, subjectId: id, sessionId: loginSession, trustedDevice: false, method: 'password' });
    expect(loginSession).not.toBe(await sessionOf(signedUp.accessToken));
    expectEvent(await audited(loginQuery, credentials('carol@example.com', 'not the password')), 'login.failure', {
      actorId: null,
      subjectId: id,
      reason: 'wrong_password',
      trustedDevice: false,
    });
    expectEvent(await audited(loginQuery, credentials('nobody@example.com', 'not the password')), 'login.failure', {
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
    expectEvent(await audited(refreshQuery, { variables: { t: dave.refreshToken } }), 'refresh', { actorId: dave.id, subjectId: dave.id, sessionId: daveSession });
    server.clock.advance(60_000); // past the grace window for racing tabs
    const replay = await audited(refreshQuery, { variables: { t: dave.refreshToken } });
    expect(codeOf(replay.result)).toBe('UNAUTHENTICATED');
    // Nobody is signed in as the replayer: the event names only whose session it was.
    expectEvent(replay, 'refresh.reuse_detected', { actorId: null, subjectId: dave.id, sessionId: daveSession, reason: 'rotated refresh token presented again' });
    expectEvent(await audited(refreshQuery, { variables: { t: 'not-a-refresh-token' } }), 'token.rejected', { actorId: null, subjectId: null, reason: 'refresh_token_malformed' });
  });

  it('records logout, logout of every session, revocation and password change', async () => {
    const erin = await signup(server, 'erin@example.com');
    const second = await login(server, 'erin@example.com');
    const sessions = await server.graphql('{ me { sessions { id current } } }', { token: erin.accessToken });
    const other = (sessions.body.data?.['me'] as { sessions: Array<{ id: string; current: boolean }> }).sessions.find((s) => !s.current);
    expectEvent(await audited('mutation($id: ID!) { revokeSession(id: $id) }', { token: erin.accessToken, variables: { id: other?.id } }), 'session.revoked', {
      actorId: erin.id,
      subjectId: erin.id,
      sessionId: other?.id,
    });
    expect((await refresh(server, second.refreshToken)).body.errors).toEqual([expect.objectContaining({ message: 'Invalid or expired refresh token', extensions: { code: 'UNAUTHENTICATED' } })]);

    const change = await audited('mutation($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) }', {
      token: erin.accessToken,
      variables: { c: defaultPassword, n: 'a brand new passphrase' },
    });
    expectEvent(change, 'password.changed', { actorId: erin.id, subjectId: erin.id, sessionsEnded: 0 }); // the other session was revoked already
    expect(JSON.stringify(server.logs)).not.toContain('a brand new passphrase');

    const third = await login(server, 'erin@example.com', 'a brand new passphrase');
    const thirdSession = await sessionOf(third.accessToken);
    expectEvent(await audited('mutation { logout }', { token: third.accessToken }), 'logout', { actorId: erin.id, subjectId: erin.id, sessionId: thirdSession });
    // Left: the first session; known devices: the signup's and both logins'.
    expectEvent(await audited('mutation { logoutAll }', { token: erin.accessToken }), 'logout_all', { actorId: erin.id, subjectId: erin.id, sessions: 1, devicesForgotten: 3 });
  });

  it('records role changes and deletions with the admin as actor and the user as subject', async () => {
    const admin = await signupAdmin(server, 'root@example.com');
    const frank = await signup(server, 'frank@example.com');
    const role = await audited('mutation($id: ID!) { setUserRole(userId: $id, role: ADMIN) { role } }', { token: admin.accessToken, variables: { id: frank.id } });
    expectEvent(role, 'role.changed', { actorId: admin.id, subjectId: frank.id, role: 'ADMIN' });
    const deleted = await audited('mutation($id: ID!) { deleteUser(id: $id) }', { token: admin.accessToken, variables: { id: frank.id } });
    expectEvent(deleted, 'user.deleted', { actorId: admin.id, subjectId: frank.id });
  });

  describe('access.denied', () => {
    let grace: SignedIn;
    let henry: SignedIn;
    beforeAll(async () => {
      grace = await signup(server, 'grace@example.com');
      henry = await signup(server, 'henry@example.com');
    });

    it('names the field, the rule and the code for a signed-in user', async () => {
      const denied = await audited('{ users { edges { node { id } } } }', { token: grace.accessToken });
      expect(codeOf(denied.result)).toBe('FORBIDDEN');
      expectEvent(denied, 'access.denied', { actorId: grace.id, subjectId: null, field: 'Query.users', path: 'users', rule: '@auth(requires: ADMIN)', code: 'FORBIDDEN', count: 1 });
    });

    it('names whose data was asked for, and counts aliases once per field', async () => {
      const denied = await audited('query($id: ID!) { a: user(id: $id) { id } b: user(id: $id) { role } }', { token: grace.accessToken, variables: { id: henry.id } });
      expectEvent(denied, 'access.denied', { actorId: grace.id, subjectId: henry.id, field: 'Query.user', path: 'a', rule: '@auth(requires: OWNER)', code: 'FORBIDDEN', count: 2 });
    });

    it('records an anonymous caller on a signed-in field as UNAUTHENTICATED', async () => {
      expectEvent(await audited('mutation { logoutAll }'), 'access.denied', { actorId: null, subjectId: null, field: 'Mutation.logoutAll', path: 'logoutAll', rule: '@auth(requires: USER)', code: 'UNAUTHENTICATED', count: 1 });
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
          headers: { 'x-request-id': 'nested-denial', 'user-agent': userAgent },
        });
        expect(result.body.data?.['me']).toBeNull();
        const events = strict.logs.filter((l) => l['audit'] === true && l['requestId'] === 'nested-denial');
        expectEvent({ events, requestId: 'nested-denial' }, 'access.denied', { actorId: ivan.id, subjectId: null, field: 'User.createdAt', path: 'me.joined', rule: '@auth(requires: ADMIN)', code: 'FORBIDDEN', count: 1 });
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
