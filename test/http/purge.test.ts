// The tables do not grow without bound: ended and expired sessions are deleted
// once the retention period (REFRESH_TOKEN_TTL) has passed, expired refresh
// and device tokens at once; live sessions and their current tokens, and
// live device tokens, are never touched.
import { count } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deviceTokens, refreshTokens, sessions } from '../../db/sqlite/schema.js';
import { codeOf, refresh, signup } from '../helpers/accounts.js';
import { auditEvents, pairOf } from '../helpers/session-queries.js';
import { startTestServer, type TestServer } from '../helpers/start-test-server.js';

const minute = 60_000;

describe('purge of ended and expired sessions and tokens', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ env: { REFRESH_TOKEN_TTL: '1h', SESSION_MAX_AGE: '2h', DEVICE_TOKEN_TTL: '90m' } });
  });
  afterAll(() => server.close());

  const rows = () => {
    const database = server.app.database;
    if (database.dialect !== 'sqlite') throw new Error('counts rows in the SQLite tables');
    const { db } = database;
    const rowsOf = (table: typeof sessions | typeof refreshTokens | typeof deviceTokens) => db.select({ n: count() }).from(table).get()?.n;
    return { sessions: rowsOf(sessions), refreshTokens: rowsOf(refreshTokens), deviceTokens: rowsOf(deviceTokens) };
  };

  it('deletes only what has been over for longer than the retention period', async () => {
    const leaver = await signup(server, 'leaver@example.com');
    await server.graphql('mutation { logout }', { token: leaver.accessToken }); // ended at 0
    await signup(server, 'idle@example.com'); // never refreshed: its token expires at 1h, the session at 2h
    const active = await signup(server, 'active@example.com'); // each signup's device token expires at 90m
    server.clock.advance(30 * minute);
    const second = pairOf(await refresh(server, active.refreshToken)); // first token rotated, kept to catch reuse
    const later = await server.graphql('mutation { login(email: "idle@example.com", password: "correct horse battery") { deviceToken } }'); // a device token until 2h
    expect(later.body.errors).toBeUndefined();
    expect(rows()).toEqual({ sessions: 4, refreshTokens: 5, deviceTokens: 4 });

    expect(await server.app.purgeExpired()).toEqual({ sessions: 0, refreshTokens: 0, deviceTokens: 0, apiKeys: 0 });

    server.clock.advance(30 * minute + 1); // 1h: the ended session is past retention; two tokens expired
    expect(await server.app.purgeExpired()).toEqual({ sessions: 1, refreshTokens: 2, deviceTokens: 0, apiKeys: 0 });
    expect(rows()).toEqual({ sessions: 3, refreshTokens: 2, deviceTokens: 4 });
    expect(server.logs.find((l) => l['msg'] === 'purged expired sessions, tokens and API keys')).toMatchObject({ purged: { sessions: 1, refreshTokens: 2, deviceTokens: 0, apiKeys: 0 } });


    // The live session carries on; its purged, rotated first token is now merely unknown.
    const third = pairOf(await refresh(server, second.refreshToken));
    expect(third.accessToken).toMatch(/^ey/);
    expect(codeOf(await refresh(server, active.refreshToken))).toBe('UNAUTHENTICATED');
    expect(auditEvents(server, 'token.rejected').at(-1)).toMatchObject({ reason: 'refresh_token_unknown' });

    server.clock.advance(30 * minute); // 1h30: the signups' device tokens expired, the login's is live; two more refresh tokens expired
    expect(await server.app.purgeExpired()).toEqual({ sessions: 0, refreshTokens: 2, deviceTokens: 3, apiKeys: 0 });
    expect(rows()).toEqual({ sessions: 3, refreshTokens: 1, deviceTokens: 1 });

    server.clock.advance(90 * minute); // 3h: the signups' sessions expired at 2h, more than 1h ago; the login's device token at 2h
    expect(await server.app.purgeExpired()).toEqual({ sessions: 2, refreshTokens: 0, deviceTokens: 1, apiKeys: 0 }); // their tokens go with them
    expect(rows()).toEqual({ sessions: 1, refreshTokens: 0, deviceTokens: 0 });
  });
});
