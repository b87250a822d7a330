// A user's live sessions are capped (MAX_SESSIONS_PER_USER): the oldest end
// first, so a script of sign-ins cannot grow User.sessions, and every answer
// that lists them, without bound. User-Agents are clipped for the same reason.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, signup } from '../helpers/accounts.js';
import { auditEvents, meStatus, mySessions } from '../helpers/session-queries.js';
import { startTestServer, type TestServer } from '../helpers/start-test-server.js';

describe('sessions per user', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ env: { MAX_SESSIONS_PER_USER: '3', LOGIN_LOCKOUT_AFTER: '0' } });
  });
  afterAll(() => server.close());

  it('ends the oldest session when a sign-in goes past the cap', async () => {
    const first = await signup(server, 'many-devices@example.com');
    const second = await login(server, 'many-devices@example.com');
    const third = await login(server, 'many-devices@example.com');
    expect(await mySessions(server, third.accessToken)).toHaveLength(3);

    const fourth = await login(server, 'many-devices@example.com');
    const live = await mySessions(server, fourth.accessToken);
    expect(live).toHaveLength(3);
    expect(await meStatus(server, first.accessToken)).toBe(401);
    for (const token of [second, third, fourth].map((s) => s.accessToken)) expect(await meStatus(server, token)).toBe(200);
  });

  it('stores and lists at most 256 characters of a User-Agent', async () => {
    const agent = `Mozilla/5.0 ${'X'.repeat(12_000)}`;
    const signedIn = await login(server, 'many-devices@example.com', undefined, { 'user-agent': agent });
    const mine = (await mySessions(server, signedIn.accessToken)).find((s) => s.current);
    expect(mine?.userAgent).toBe(agent.slice(0, 256));
    const lastLogin = auditEvents(server, 'login.success').at(-1);
    expect(lastLogin?.['userAgent']).toBe(agent.slice(0, 256));
  });
});
