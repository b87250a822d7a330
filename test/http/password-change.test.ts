// changePassword needs the current password, keeps the session it was made
// from and ends every other one: whoever else holds a session may be the reason.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codeOf, defaultPassword, login, refresh, signup } from '../helpers/accounts.js';
import { auditEvents, meStatus, mySessions } from '../helpers/session-queries.js';
import { startTestServer, type TestServer } from '../helpers/start-test-server.js';

const changePassword = (server: TestServer, token: string, currentPassword: string, newPassword: string) =>
  server.graphql('mutation($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) }', {
    token,
    variables: { c: currentPassword, n: newPassword },
  });
const loginResult = (server: TestServer, email: string, password: string) =>
  server.graphql('mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }', { variables: { e: email, p: password } });

describe('changePassword', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  it('refuses a wrong current password with BAD_USER_INPUT on currentPassword and changes nothing', async () => {
    const here = await signup(server, 'wrong-current@example.com');
    const elsewhere = await login(server, 'wrong-current@example.com');
    const result = await changePassword(server, here.accessToken, 'not my password', 'a brand new password');
    expect(codeOf(result)).toBe('BAD_USER_INPUT');
    expect(result.body.errors?.[0]?.extensions?.['field']).toBe('currentPassword');
    expect(await meStatus(server, elsewhere.accessToken)).toBe(200);
    expect((await loginResult(server, 'wrong-current@example.com', defaultPassword)).body.errors).toBeUndefined();
  });

  it('refuses a new password outside the policy with BAD_USER_INPUT on newPassword', async () => {
    const user = await signup(server, 'short-new@example.com');
    const result = await changePassword(server, user.accessToken, defaultPassword, 'short');
    expect(codeOf(result)).toBe('BAD_USER_INPUT');
    expect(result.body.errors?.[0]?.extensions?.['field']).toBe('newPassword');
  });

  it('ends every other session, keeps this one, and swaps which password works', async () => {
    const email = 'changer@example.com';
    const here = await signup(server, email);
    const laptop = await login(server, email);
    const phone = await login(server, email);
    expect(await meStatus(server, laptop.accessToken)).toBe(200); // cached as live before the change

    const result = await changePassword(server, here.accessToken, defaultPassword, 'a brand new password');
    expect(result.body).toEqual({ data: { changePassword: true } });

    for (const other of [laptop, phone]) {
      expect(await meStatus(server, other.accessToken)).toBe(401);
      expect(codeOf(await refresh(server, other.refreshToken))).toBe('UNAUTHENTICATED');
    }
    expect((await mySessions(server, here.accessToken)).map((s) => s.current)).toEqual([true]);
    expect((await refresh(server, here.refreshToken)).body.errors).toBeUndefined();

    expect(codeOf(await loginResult(server, email, defaultPassword))).toBe('UNAUTHENTICATED');
    expect((await loginResult(server, email, 'a brand new password')).body.errors).toBeUndefined();
    expect(auditEvents(server, 'password.changed').at(-1)).toMatchObject({ actorId: here.id, sessionsEnded: 2 });
  });

  it('never logs either password', () => {
    const lines = JSON.stringify(server.logs);
    expect(lines).not.toContain('a brand new password');
    expect(lines).not.toContain('not my password');
  });
});
