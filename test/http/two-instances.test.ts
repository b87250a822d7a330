// Two instances on one Redis and one database pass as one server: the login
// limit holds across them (aliases and concurrency included), so does the
// sign-in lockout, and whatever ends a session on one is refused by the other
// on its very next request, although that other had just cached the session
// as live (SESSION_CACHE_TTL is 5 s and the shared fake clock never moves
// during those checks, so only the Redis channel can tell it).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codeOf, defaultPassword, login, refresh, signup, signupAdmin } from '../helpers/accounts.js';
import { auditEvents, meStatus, pairOf } from '../helpers/session-queries.js';
import type { TestServer } from '../helpers/start-test-server.js';
import { startTwoInstances, type TwoInstances } from '../helpers/start-two-instances.js';
import { redisAvailable } from '../helpers/test-redis.js';

const from = (ip: string) => ({ headers: { 'x-forwarded-for': ip } });
const loginMutation = (email: string, password: string) => `login(email: "${email}", password: "${password}") { accessToken }`;

describe.skipIf(!redisAvailable('the two-instance tests'))('two instances on one Redis', () => {
  let pair: TwoInstances;
  let a: TestServer;
  let b: TestServer;
  beforeAll(async () => {
    pair = await startTwoInstances({ env: { TRUST_PROXY: '1', LOGIN_LOCKOUT_BASE: '5m' } });
    ({ a, b } = pair);
  });
  afterAll(() => pair.close());

  it('runs both on the database of this project: SQLite, or PostgreSQL in the "postgres" project', () => {
    const expected = process.env['TEST_SERVER_DATABASE'] === 'postgres' ? 'postgres' : 'sqlite';
    expect([a.app.database.dialect, b.app.database.dialect]).toEqual([expected, expected]);
  });

  it('lets 5 of 50 concurrent sign-ins for one email through, spread over both', async () => {
    await signup(a, 'crowd@example.com');
    const attempts = Array.from({ length: 50 }, (_, i) =>
      (i % 2 === 0 ? a : b).graphql(`mutation { ${loginMutation('crowd@example.com', defaultPassword)} }`, from('198.51.100.20')),
    );
    const results = await Promise.all(attempts);
    expect(results.filter((r) => r.body.errors === undefined)).toHaveLength(5);
    const refused = results.filter((r) => codeOf(r) === 'RATE_LIMITED');
    expect(refused).toHaveLength(45);
    expect(refused.every((r) => r.status === 429)).toBe(true);
    // Each limit's first refusal is audited once, on whichever instance met it.
    const audited = [...auditEvents(a, 'rate_limit.rejected'), ...auditEvents(b, 'rate_limit.rejected')].map((e) => e['limit']);
    expect(audited.sort()).toEqual(['LOGIN', 'LOGIN_PER_EMAIL']);
  });

  it('counts the aliases of operations running on both at once against one budget', async () => {
    await signup(b, 'aliases@example.com');
    const aliases = Array.from({ length: 10 }, (_, i) => `a${i}: ${loginMutation('aliases@example.com', defaultPassword)}`).join(' ');
    const [onA, onB] = await Promise.all([a, b].map((server) => server.graphql(`mutation { ${aliases} }`, from('198.51.100.21'))));
    // Mutation fields run in turn and login is non-null: each operation stops at
    // its first refusal, so the refused alias's index is how many ran before it.
    const ranBefore = (result: typeof onA) => Number(String(result?.body.errors?.[0]?.path?.[0]).slice(1));
    expect([onA, onB].map((r) => codeOf(r ?? { body: {} }))).toEqual(['RATE_LIMITED', 'RATE_LIMITED']);
    expect(ranBefore(onA) + ranBefore(onB)).toBe(5);
  });

  it('locks a sign-in pair on both once its failures, spread over both, reach the limit', async () => {
    await signup(a, 'locked@example.com');
    for (const server of [a, b, a, b, a]) expect(codeOf(await server.graphql(`mutation { ${loginMutation('locked@example.com', 'wrong password')} }`, from('198.51.100.22')))).toBe('UNAUTHENTICATED');
    pair.clock.advance(60_000); // past the per-minute limit: the 5-minute lock is what refuses now
    for (const server of [b, a]) {
      const result = await server.graphql(`mutation { ${loginMutation('locked@example.com', defaultPassword)} }`, from('198.51.100.22'));
      expect(codeOf(result)).toBe('RATE_LIMITED');
      expect(result.body.errors?.[0]?.extensions?.['retryAfter']).toBe(240);
    }
  });

  it('refuses on B, at its next request, a token whose session was logged out on A', async () => {
    const user = await signup(a, 'logout@example.com');
    expect(await meStatus(b, user.accessToken)).toBe(200); // B has it cached as live
    expect((await a.graphql('mutation { logout }', { token: user.accessToken })).body.data).toEqual({ logout: true });
    expect(await meStatus(b, user.accessToken)).toBe(401);
  });

  it.each([
    { rotateOn: 'A', replayOn: 'B' },
    { rotateOn: 'B', replayOn: 'A' },
  ])('detects a refresh token rotated on $rotateOn and replayed on $replayOn, and both refuse the session after', async ({ rotateOn }) => {
    const [rotator, replayer] = rotateOn === 'A' ? [a, b] : [b, a];
    const user = await signup(rotator, `replay-${rotateOn}@example.com`);
    const rotated = pairOf(await refresh(rotator, user.refreshToken));
    expect(await meStatus(rotator, rotated.accessToken)).toBe(200); // cached as live where it was rotated
    pair.clock.advance(3_000); // past REFRESH_REUSE_GRACE: a replay, not two tabs racing
    expect(codeOf(await refresh(replayer, user.refreshToken))).toBe('UNAUTHENTICATED');
    expect(auditEvents(replayer, 'refresh.reuse_detected').at(-1)).toMatchObject({ subjectId: user.id });
    expect(await meStatus(rotator, rotated.accessToken)).toBe(401);
    expect(await meStatus(replayer, rotated.accessToken)).toBe(401);
    expect(codeOf(await refresh(rotator, rotated.refreshToken))).toBe('UNAUTHENTICATED');
  });

  it('grants the new role on B at its next request after an admin changed it on A', async () => {
    const admin = await signupAdmin(a, 'admin@example.com');
    const user = await signup(b, 'promoted@example.com');
    // An ADMIN-only field: access reads the role B has cached with the session.
    const listUsers = async () => codeOf(await b.graphql('{ users(first: 1) { edges { cursor } } }', { token: user.accessToken }));
    expect(await listUsers()).toBe('FORBIDDEN');
    const changed = await a.graphql('mutation($id: ID!) { setUserRole(userId: $id, role: ADMIN) { role } }', { token: admin.accessToken, variables: { id: user.id } });
    expect(changed.body.errors).toBeUndefined();
    expect(await listUsers()).toBeUndefined();
  });

  it('signs in on one and is recognised on the other', async () => {
    await signup(a, 'both@example.com');
    const session = await login(b, 'both@example.com');
    expect(await meStatus(a, session.accessToken)).toBe(200);
  });
});
