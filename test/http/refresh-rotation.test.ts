// refreshToken trades a refresh token for a new pair and uses the old one up.
import jwt from 'jsonwebtoken';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codeOf, login, refresh, signup } from '../helpers/accounts.js';
import { auditEvents, meStatus, mySessions } from '../helpers/session-queries.js';
import type { UserId } from '../../src/platform/ids.js';
import { startTestServer, type TestServer } from '../helpers/start-test-server.js';

const minute = 60_000;
type Payload = { accessToken: string; refreshToken: string; tokenType: string; expiresIn: number; user: { id: string; email: string; role: string } };
const payloadOf = (result: Awaited<ReturnType<typeof refresh>>) => result.body.data?.['refreshToken'] as Payload;

describe('refresh token rotation', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  it('returns a new working pair and refuses the refresh token it used up', async () => {
    const bob = await signup(server, 'rotate@example.com');
    server.clock.advance(minute);
    const first = await refresh(server, bob.refreshToken);
    expect(first.body.errors).toBeUndefined();
    const pair = payloadOf(first);
    expect(pair).toMatchObject({ tokenType: 'Bearer', expiresIn: 900, user: { id: bob.id, email: 'rotate@example.com', role: 'USER' } });
    expect(pair.refreshToken).toMatch(/^rt_[A-Za-z0-9_-]{43}$/);
    expect(pair.refreshToken).not.toBe(bob.refreshToken);
    expect(pair.accessToken).not.toBe(bob.accessToken);
    expect(await meStatus(server, pair.accessToken)).toBe(200);

    // Within the grace window the old token is refused without ending anything…
    const again = await refresh(server, bob.refreshToken);
    expect(codeOf(again)).toBe('UNAUTHENTICATED');
    expect(again.body.errors?.[0]?.message).toBe('Invalid or expired refresh token');
    // …and the new one keeps rotating.
    const second = await refresh(server, pair.refreshToken);
    expect(second.body.errors).toBeUndefined();
    expect(await meStatus(server, payloadOf(second).accessToken)).toBe(200);
    expect(auditEvents(server, 'refresh').filter((e) => e['actorId'] === bob.id)).toHaveLength(2);
  });

  it('keeps the session: same id, lastUsedAt, User-Agent and IP follow the refresh', async () => {
    const carol = await signup(server, 'carol-rotate@example.com');
    const [before] = await mySessions(server, carol.accessToken);
    server.clock.advance(5 * minute);
    const result = await server.graphql('mutation($t: String!) { refreshToken(refreshToken: $t) { accessToken user { sessions { id current userAgent ip lastUsedAt createdAt } } } }', {
      variables: { t: carol.refreshToken },
      headers: { 'user-agent': 'NewBrowser/2.0' },
    });
    const sessions = (result.body.data?.['refreshToken'] as { user: { sessions: unknown[] } }).user.sessions;
    expect(sessions).toEqual([
      { id: before?.id, current: true, userAgent: 'NewBrowser/2.0', ip: '127.0.0.1', createdAt: before?.createdAt, lastUsedAt: new Date(server.clock.now()).toISOString() },
    ]);
  });

  it('issues the refreshed access token with the role as stored now, not as it was at login', async () => {
    const dave = await login(server, 'rotate@example.com');
    const { createUserRepository } = await import('../../src/repositories/create-repositories.js');
    await createUserRepository(server.app.database).setRole(dave.id as UserId, 'ADMIN', server.clock.now());
    const pair = payloadOf(await refresh(server, dave.refreshToken));
    expect(pair.user.role).toBe('ADMIN');
    expect(jwt.decode(pair.accessToken)).toMatchObject({ sub: dave.id, role: 'ADMIN' });
  });

  it('refuses an unknown or malformed refresh token with the same message', async () => {
    const unknown = await refresh(server, `rt_${'A'.repeat(43)}`);
    const malformed = await refresh(server, 'not a token');
    expect(codeOf(unknown)).toBe('UNAUTHENTICATED');
    expect(malformed.body.errors?.[0]?.message).toBe(unknown.body.errors?.[0]?.message);
    expect(auditEvents(server, 'token.rejected').map((e) => e['reason'])).toEqual(expect.arrayContaining(['refresh_token_unknown', 'refresh_token_malformed']));
  });
});
