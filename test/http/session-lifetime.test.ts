// Sessions end on their own: a refresh token unused for REFRESH_TOKEN_TTL is
// dead, and no amount of refreshing carries a session past SESSION_MAX_AGE.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codeOf, refresh, signup } from '../helpers/accounts.js';
import { auditEvents, meStatus, mySessions, pairOf, type TokenPair } from '../helpers/session-queries.js';
import type { SessionId } from '../../src/platform/ids.js';
import { startTestServer, type TestServer } from '../helpers/start-test-server.js';

const minute = 60_000;

describe('session and refresh token lifetimes', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ env: { REFRESH_TOKEN_TTL: '1h', SESSION_MAX_AGE: '3h', ACCESS_TOKEN_TTL: '15m' } });
  });
  afterAll(() => server.close());

  it('refuses a refresh token once REFRESH_TOKEN_TTL has passed, and not a moment before', async () => {
    const early = await signup(server, 'early@example.com');
    const late = await signup(server, 'late@example.com');
    server.clock.advance(60 * minute - 1);
    expect(pairOf(await refresh(server, early.refreshToken)).accessToken).toMatch(/^ey/);
    server.clock.advance(1);
    const expired = await refresh(server, late.refreshToken);
    expect(codeOf(expired)).toBe('UNAUTHENTICATED');
    expect(auditEvents(server, 'token.rejected').at(-1)).toMatchObject({ reason: 'refresh_token_expired' });
  });

  it('ends a session at SESSION_MAX_AGE however often it was refreshed: refresh and access tokens alike', async () => {
    const user = await signup(server, 'marathon@example.com');
    let pair: TokenPair = user;
    for (const _at of [50, 100, 150]) {
      server.clock.advance(50 * minute); // inside REFRESH_TOKEN_TTL every time
      pair = pairOf(await refresh(server, pair.refreshToken));
      expect(pair.accessToken).toMatch(/^ey/);
    }
    server.clock.advance(30 * minute - 1); // 179:59.999
    expect(await meStatus(server, pair.accessToken)).toBe(401); // the JWT itself expired at 165 min
    const nearEnd = pairOf(await refresh(server, pair.refreshToken));
    expect(await meStatus(server, nearEnd.accessToken)).toBe(200);
    expect(await mySessions(server, nearEnd.accessToken)).toHaveLength(1);

    server.clock.advance(1); // exactly 3h: the session is over although its newest JWT has 15 minutes left
    expect(await meStatus(server, nearEnd.accessToken)).toBe(401);
    expect(auditEvents(server, 'token.rejected').at(-1)).toMatchObject({ reason: 'session expired' });
    expect(codeOf(await refresh(server, nearEnd.refreshToken))).toBe('UNAUTHENTICATED');
    expect(auditEvents(server, 'token.rejected').at(-1)).toMatchObject({ reason: 'refresh_token_expired' });
  });
});

describe('SESSION_CACHE_TTL bounds how long a change made elsewhere can go unseen', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ env: { SESSION_CACHE_TTL: '5s' } });
  });
  afterAll(() => server.close());

  it('sees a session ended behind its back (another instance, the CLI) once the cache entry is older than the TTL', async () => {
    const user = await signup(server, 'elsewhere@example.com');
    const [session] = await mySessions(server, user.accessToken); // liveness now cached
    const { createSessionRepository } = await import('../../src/repositories/create-repositories.js');
    await createSessionRepository(server.app.database).end(session?.id as SessionId, 'revoked', server.clock.now());

    server.clock.advance(5_000 - 1);
    expect(await meStatus(server, user.accessToken)).toBe(200); // served from memory: this process was not told
    server.clock.advance(1);
    expect(await meStatus(server, user.accessToken)).toBe(401);
  });
});
