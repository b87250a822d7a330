// User.sessions: one entry per login (device), newest first, `current` only for
// the caller's own; and the "Done when" walk-through on two devices.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codeOf, login, refresh, signup } from '../helpers/accounts.js';
import { auditEvents, meStatus, mySessions, pairOf } from '../helpers/session-queries.js';
import { startTestServer, type TestServer } from '../helpers/start-test-server.js';

const laptopAgent = { 'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0' };
const phoneAgent = { 'user-agent': 'Mozilla/5.0 (iPhone; CPU iPhone OS 18_0) Safari/604.1' };

describe('User.sessions', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  it('lists live sessions newest first with device, IP and times; current marks the caller’s own', async () => {
    await signup(server, 'lister@example.com');
    server.clock.advance(1_000);
    const startedAt = server.clock.now();
    const laptop = await login(server, 'lister@example.com', undefined, laptopAgent);
    server.clock.advance(1_000);
    const phone = await login(server, 'lister@example.com', undefined, phoneAgent);
    await server.graphql('mutation { logout }', { token: (await login(server, 'lister@example.com')).accessToken }); // ended: not listed

    const fromPhone = await mySessions(server, phone.accessToken);
    expect(fromPhone.map((s) => [s.userAgent, s.current])).toEqual([
      [phoneAgent['user-agent'], true],
      [laptopAgent['user-agent'], false],
      ['node', false], // the signup's session: Node's fetch sends `User-Agent: node`
    ]);
    expect(fromPhone[1]).toMatchObject({ ip: '127.0.0.1', createdAt: new Date(startedAt).toISOString(), lastUsedAt: new Date(startedAt).toISOString() });
    const fromLaptop = await mySessions(server, laptop.accessToken);
    expect(fromLaptop.filter((s) => s.current).map((s) => s.userAgent)).toEqual([laptopAgent['user-agent']]);
  });

  it('moves lastUsedAt forward when the session is used again (at most once a minute)', async () => {
    const user = await signup(server, 'toucher@example.com');
    const [before] = await mySessions(server, user.accessToken);
    server.clock.advance(90_000);
    const [after] = await mySessions(server, user.accessToken);
    expect(after?.lastUsedAt).toBe(new Date(server.clock.now()).toISOString());
    expect(after?.createdAt).toBe(before?.createdAt);
  });

  it('shows no one else’s sessions', async () => {
    const owner = await signup(server, 'private@example.com');
    const other = await signup(server, 'curious@example.com');
    const result = await server.graphql('query($id: ID!) { user(id: $id) { sessions { id ip } } }', { token: other.accessToken, variables: { id: owner.id } });
    expect(codeOf(result)).toBe('FORBIDDEN');
    expect(JSON.stringify(result.body)).not.toContain('127.0.0.1');
  });
});

describe('Done when: two devices, revoke one, refresh the other, replay its old refresh token', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  it('walks the issue’s scenario end to end', async () => {
    await signup(server, 'two-devices@example.com');
    const laptop = await login(server, 'two-devices@example.com', undefined, laptopAgent);
    const phone = await login(server, 'two-devices@example.com', undefined, phoneAgent);

    const listed = await mySessions(server, laptop.accessToken);
    const phoneSession = listed.find((s) => s.userAgent === phoneAgent['user-agent']);
    expect(listed.find((s) => s.current)?.userAgent).toBe(laptopAgent['user-agent']);

    const revoked = await server.graphql('mutation($id: ID!) { revokeSession(id: $id) }', { token: laptop.accessToken, variables: { id: phoneSession?.id } });
    expect(revoked.body.data).toEqual({ revokeSession: true });
    expect(await meStatus(server, phone.accessToken)).toBe(401);

    server.clock.advance(60_000);
    const rotated = pairOf(await refresh(server, laptop.refreshToken));
    expect(await meStatus(server, rotated.accessToken)).toBe(200);

    server.clock.advance(5_000); // past REFRESH_REUSE_GRACE
    expect(codeOf(await refresh(server, laptop.refreshToken))).toBe('UNAUTHENTICATED');
    expect(auditEvents(server, 'refresh.reuse_detected')).toHaveLength(1);
    expect(await meStatus(server, rotated.accessToken)).toBe(401);
    expect(codeOf(await refresh(server, rotated.refreshToken))).toBe('UNAUTHENTICATED');
    expect(await mySessions(server, (await login(server, 'two-devices@example.com')).accessToken)).toHaveLength(2); // signup's and the new login's
  });
});
