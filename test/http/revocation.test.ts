// logout, logoutAll and revokeSession bite on the very next request made with
// a token of the ended session, not when that token would have expired.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codeOf, login, refresh, signup, signupAdmin, type SignedIn } from '../helpers/accounts.js';
import { auditEvents, meStatus, mySessions } from '../helpers/session-queries.js';
import { startTestServer, type TestServer } from '../helpers/start-test-server.js';

const revoke = (server: TestServer, token: string, id: string) =>
  server.graphql('mutation($id: ID!) { revokeSession(id: $id) }', { token, variables: { id } });

describe('revocation', () => {
  let server: TestServer;
  let admin: SignedIn;
  beforeAll(async () => {
    server = await startTestServer();
    admin = await signupAdmin(server, 'root@example.com');
  });
  afterAll(() => server.close());

  /** Two devices of one user, both just used (so their liveness is cached). */
  async function twoDevices(email: string) {
    const laptop = await signup(server, email);
    const phone = await login(server, email, undefined, { 'user-agent': 'Phone/1.0' });
    expect(await meStatus(server, laptop.accessToken)).toBe(200);
    expect(await meStatus(server, phone.accessToken)).toBe(200);
    return { laptop, phone };
  }

  it('logout ends this session only', async () => {
    const { laptop, phone } = await twoDevices('logout@example.com');
    const result = await server.graphql('mutation { logout }', { token: laptop.accessToken });
    expect(result.body.data).toEqual({ logout: true });
    expect(await meStatus(server, laptop.accessToken)).toBe(401);
    expect(codeOf(await refresh(server, laptop.refreshToken))).toBe('UNAUTHENTICATED');
    expect(await meStatus(server, phone.accessToken)).toBe(200);
    expect(auditEvents(server, 'logout').at(-1)).toMatchObject({ actorId: laptop.id });
  });

  it('logoutAll ends every session of the user, this one included', async () => {
    const { laptop, phone } = await twoDevices('everywhere@example.com');
    const bystander = await signup(server, 'bystander@example.com');
    expect((await server.graphql('mutation { logoutAll }', { token: phone.accessToken })).body.data).toEqual({ logoutAll: true });
    for (const token of [laptop.accessToken, phone.accessToken]) expect(await meStatus(server, token)).toBe(401);
    for (const token of [laptop.refreshToken, phone.refreshToken]) expect(codeOf(await refresh(server, token))).toBe('UNAUTHENTICATED');
    expect(await meStatus(server, bystander.accessToken)).toBe(200);
    expect(auditEvents(server, 'logout_all').at(-1)).toMatchObject({ actorId: laptop.id, sessions: 2 });
  });

  it('revokeSession ends one of your own other sessions and keeps this one', async () => {
    const { laptop, phone } = await twoDevices('revoke-own@example.com');
    const phoneSession = (await mySessions(server, phone.accessToken)).find((s) => s.current);
    const result = await revoke(server, laptop.accessToken, phoneSession?.id ?? '');
    expect(result.body.data).toEqual({ revokeSession: true });
    expect(await meStatus(server, phone.accessToken)).toBe(401);
    expect(codeOf(await refresh(server, phone.refreshToken))).toBe('UNAUTHENTICATED');
    expect((await mySessions(server, laptop.accessToken)).map((s) => s.current)).toEqual([true]);
    // Revoking it again is not an error: it is simply no longer live.
    expect((await revoke(server, laptop.accessToken, phoneSession?.id ?? '')).body.data).toEqual({ revokeSession: false });
  });

  it("answers someone else's session exactly like a missing one, and leaves it alive", async () => {
    const victim = await signup(server, 'not-yours@example.com');
    const attacker = await signup(server, 'attacker@example.com');
    const [victimSession] = await mySessions(server, victim.accessToken);
    const theirs = await revoke(server, attacker.accessToken, victimSession?.id ?? '');
    const missing = await revoke(server, attacker.accessToken, '01900000-0000-7000-8000-000000000000');
    expect(codeOf(theirs)).toBe('BAD_USER_INPUT');
    expect(theirs.body.errors).toEqual(missing.body.errors);
    expect(theirs.body.errors?.[0]?.extensions?.['field']).toBe('id');
    expect(await meStatus(server, victim.accessToken)).toBe(200);
    expect(codeOf(await revoke(server, attacker.accessToken, 'not-an-id'))).toBe('BAD_USER_INPUT');
  });

  it("lets an ADMIN revoke anyone's session", async () => {
    const user = await signup(server, 'admin-revoked@example.com');
    const [session] = await mySessions(server, user.accessToken);
    const sessions = await server.graphql('query($id: ID!) { user(id: $id) { sessions { id current ip } } }', { token: admin.accessToken, variables: { id: user.id } });
    expect(sessions.body.data?.['user']).toEqual({ sessions: [{ id: session?.id, current: false, ip: '127.0.0.1' }] });
    expect((await revoke(server, admin.accessToken, session?.id ?? '')).body.data).toEqual({ revokeSession: true });
    expect(await meStatus(server, user.accessToken)).toBe(401);
    expect(auditEvents(server, 'session.revoked').at(-1)).toMatchObject({ actorId: admin.id, subjectId: user.id, sessionId: session?.id });
  });

  it('requires a signed-in caller for every revocation path', async () => {
    for (const mutation of ['mutation { logout }', 'mutation { logoutAll }', 'mutation { revokeSession(id: "01900000-0000-7000-8000-000000000000") }']) {
      expect(codeOf(await server.graphql(mutation))).toBe('UNAUTHENTICATED');
    }
  });
});
