// Sign-in throttling beyond the rate limit's window: a growing lock per
// (email, client IP), capped, cleared by a successful sign-in, audit-logged,
// and never a way to keep the real user (signing in from elsewhere) out. Once
// per store: in process, and Redis when TEST_REDIS_URL is set.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { codeOf, defaultPassword, signup } from '../helpers/accounts.js';
import { describeEachStore } from '../helpers/each-store.js';
import { startTestServer, type TestServer } from '../helpers/start-test-server.js';

const minute = 60_000;

describeEachStore('sign-in lockout', ({ env }) => {
  describe('sign-in lockout', () => {
    let server: TestServer;
    // Lock for 5m after the 5th failure, then 10m, then at most 20m.
    beforeAll(async () => {
      server = await startTestServer({ env: { ...env(), TRUST_PROXY: '1', LOGIN_LOCKOUT_BASE: '5m', LOGIN_LOCKOUT_MAX: '20m' } });
      await signup(server, 'victim@example.com');
    });
    afterAll(() => server.close());
    afterEach(async () => expect((await server.fetch('/healthz')).status).toBe(200));

    const attacker = '203.0.113.66';
    const login = (ip: string, password = 'wrong password', email = 'victim@example.com') =>
      server.graphql(`mutation { login(email: "${email}", password: "${password}") { accessToken } }`, { headers: { 'x-forwarded-for': ip } });
    const audits = (event: string) => server.logs.filter((line) => line['audit'] === true && line['event'] === event);

    it('locks (email, IP) after five failures, refusing even the right password, and tells when to retry', async () => {
      for (let i = 0; i < 5; i += 1) expect(codeOf(await login(attacker))).toBe('UNAUTHENTICATED');
      expect(audits('login.lockout_started').map((e) => [e['failures'], e['lockedForSeconds']])).toEqual([[5, 300]]);
      server.clock.advance(minute); // the per-minute rate limit is past; the lock is not
      const locked = await login(attacker, defaultPassword);
      expect(locked.status).toBe(429);
      expect(codeOf(locked)).toBe('RATE_LIMITED');
      expect(locked.body.errors?.[0]?.extensions?.['retryAfter']).toBe(240);
      expect(locked.headers.get('retry-after')).toBe('240');
      expect(audits('login.lockout_refused')).toHaveLength(1);
    });

    it('does not lock the real user out from anywhere else', async () => {
      const result = await login('198.51.100.10', defaultPassword);
      expect(result.body.errors).toBeUndefined();
      // ...and their success elsewhere does not unlock the attacker's address.
      expect(codeOf(await login(attacker, defaultPassword))).toBe('RATE_LIMITED');
    });

    it('doubles the lock with each further failure, up to the maximum', async () => {
      const lockAfterNextFailure = async () => {
        expect(codeOf(await login(attacker))).toBe('UNAUTHENTICATED');
        return (await login(attacker, defaultPassword)).body.errors?.[0]?.extensions?.['retryAfter'];
      };
      server.clock.advance(4 * minute);
      expect(await lockAfterNextFailure()).toBe(600);
      server.clock.advance(10 * minute);
      expect(await lockAfterNextFailure()).toBe(1200);
      server.clock.advance(20 * minute);
      expect(await lockAfterNextFailure()).toBe(1200); // capped at LOGIN_LOCKOUT_MAX
      expect(audits('login.lockout_started').map((e) => e['lockedForSeconds'])).toEqual([300, 600, 1200, 1200]);
    });

    it('clears on a successful sign-in: the count starts again from zero', async () => {
      server.clock.advance(20 * minute);
      expect((await login(attacker, defaultPassword)).body.errors).toBeUndefined();
      expect(audits('login.lockout_cleared').map((e) => e['failures'])).toEqual([8]);
      expect(codeOf(await login(attacker))).toBe('UNAUTHENTICATED');
      expect((await login(attacker, defaultPassword)).body.errors).toBeUndefined();
    });

    it('forgets failures a day after the first, so old mistakes never add up to a lock', async () => {
      const ip = '203.0.113.77';
      for (let i = 0; i < 4; i += 1) expect(codeOf(await login(ip))).toBe('UNAUTHENTICATED');
      server.clock.advance(24 * 60 * minute);
      expect(codeOf(await login(ip))).toBe('UNAUTHENTICATED');
      expect((await login(ip, defaultPassword)).body.errors).toBeUndefined();
    });

    it('locks unknown emails the same way, so a lock says nothing about whether an account exists', async () => {
      const ip = '203.0.113.88';
      for (let i = 0; i < 5; i += 1) expect(codeOf(await login(ip, 'wrong password', 'nobody@example.com'))).toBe('UNAUTHENTICATED');
      server.clock.advance(minute);
      expect(codeOf(await login(ip, 'wrong password', 'nobody@example.com'))).toBe('RATE_LIMITED');
    });
  });

  describe('sign-in lockout switched off', () => {
    it('never locks with LOGIN_LOCKOUT_AFTER=0', async () => {
      const server = await startTestServer({ env: { ...env(), LOGIN_LOCKOUT_AFTER: '0' } });
      try {
        await signup(server, 'free@example.com');
        for (let i = 0; i < 5; i += 1) await server.graphql('mutation { login(email: "free@example.com", password: "wrong password") { tokenType } }');
        server.clock.advance(minute);
        const result = await server.graphql(`mutation { login(email: "free@example.com", password: "${defaultPassword}") { tokenType } }`);
        expect(result.body.errors).toBeUndefined();
      } finally {
        await server.close();
      }
    });
  });
});
