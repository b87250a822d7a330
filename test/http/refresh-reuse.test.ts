// Reuse detection: a refresh token that was already rotated, presented again
// after the grace window, means someone holds a copy. The whole session ends.
// Within the window it is two clients of the owner racing: refused, not punished.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codeOf, login, refresh, signup } from '../helpers/accounts.js';
import { auditEvents, meStatus, mySessions, pairOf } from '../helpers/session-queries.js';
import { startTestServer, type TestServer } from '../helpers/start-test-server.js';

const grace = 2_000; // REFRESH_REUSE_GRACE default

describe('refresh token reuse detection', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  it('ends the session when a rotated token is replayed after the grace window: the newest tokens die too', async () => {
    const victim = await signup(server, 'victim@example.com');
    const otherDevice = await login(server, 'victim@example.com');
    const victimSession = (await mySessions(server, victim.accessToken)).find((s) => s.current);
    // The thief refreshes first with a stolen copy and holds the newest pair.
    const thief = pairOf(await refresh(server, victim.refreshToken));
    expect(await meStatus(server, thief.accessToken)).toBe(200); // now cached as live
    server.clock.advance(grace + 1);

    const replay = await refresh(server, victim.refreshToken); // the owner's client, holding the old token
    expect(codeOf(replay)).toBe('UNAUTHENTICATED');
    expect(replay.body.errors?.[0]?.message).toBe('Invalid or expired refresh token');
    expect(auditEvents(server, 'refresh.reuse_detected')).toEqual([expect.objectContaining({ subjectId: victim.id, sessionId: victimSession?.id })]);

    // Every token of that session is dead on its next use, cached or not…
    expect(await meStatus(server, thief.accessToken)).toBe(401);
    expect(await meStatus(server, victim.accessToken)).toBe(401);
    const newest = await refresh(server, thief.refreshToken);
    expect(codeOf(newest)).toBe('UNAUTHENTICATED');
    expect(auditEvents(server, 'token.rejected').at(-1)).toMatchObject({ reason: 'refresh_token_ended' });
    // …and the user's other device is untouched.
    expect((await mySessions(server, otherDevice.accessToken)).map((s) => s.current)).toEqual([true]);
    expect(pairOf(await refresh(server, otherDevice.refreshToken)).accessToken).toMatch(/^ey/);
  });

  it('treats a replay inside the grace window as a lost race: refused, session kept', async () => {
    const user = await signup(server, 'racer@example.com');
    const next = pairOf(await refresh(server, user.refreshToken));
    server.clock.advance(grace - 1);
    const late = await refresh(server, user.refreshToken);
    expect(codeOf(late)).toBe('UNAUTHENTICATED');
    expect(auditEvents(server, 'refresh.race_lost').filter((e) => e['subjectId'] === user.id)).toHaveLength(1);
    expect(await meStatus(server, next.accessToken)).toBe(200);
    expect(pairOf(await refresh(server, next.refreshToken)).accessToken).toMatch(/^ey/);
  });

  it('lets exactly one of ten concurrent refreshes with one token win; the losers are refused and the session survives', async () => {
    const user = await signup(server, 'parallel@example.com');
    const results = await Promise.all(Array.from({ length: 10 }, () => refresh(server, user.refreshToken)));
    const winners = results.filter((r) => r.body.errors === undefined);
    const losers = results.filter((r) => r.body.errors !== undefined);
    expect(winners).toHaveLength(1);
    expect(losers).toHaveLength(9);
    for (const loser of losers) {
      expect(loser.status).toBe(200); // a field error, not a request-level 401
      expect(codeOf(loser)).toBe('UNAUTHENTICATED');
      expect(loser.body.data).toBeNull();
    }
    expect(auditEvents(server, 'refresh.race_lost').filter((e) => e['subjectId'] === user.id)).toHaveLength(9);
    expect(auditEvents(server, 'refresh.reuse_detected').filter((e) => e['subjectId'] === user.id)).toHaveLength(0);

    const winner = pairOf(winners[0] as (typeof results)[number]);
    expect(await mySessions(server, winner.accessToken)).toHaveLength(1);
    expect(await meStatus(server, user.accessToken)).toBe(200); // the session's earlier access token lives on until it expires
    expect(pairOf(await refresh(server, winner.refreshToken)).accessToken).toMatch(/^ey/);
  });

  it('still ends the session if a race loser retries its used-up token after the window', async () => {
    const user = await signup(server, 'retrier@example.com');
    const results = await Promise.all([refresh(server, user.refreshToken), refresh(server, user.refreshToken)]);
    const winner = pairOf(results.find((r) => r.body.errors === undefined) ?? results[0]);
    server.clock.advance(grace + 1);
    expect(codeOf(await refresh(server, user.refreshToken))).toBe('UNAUTHENTICATED');
    expect(await meStatus(server, winner.accessToken)).toBe(401);
    expect(codeOf(await refresh(server, winner.refreshToken))).toBe('UNAUTHENTICATED');
  });
});
