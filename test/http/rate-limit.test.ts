// @rateLimit through the real server: aliases, batches, parallel requests and
// header tricks must not get more than the declared limit through, and every
// refusal tells the client when to come back. Once per store: in process, and
// Redis when TEST_REDIS_URL is set.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { codeOf, defaultPassword, signup } from '../helpers/accounts.js';
import { describeEachStore } from '../helpers/each-store.js';
import { startTestServer, type GraphqlResult, type TestServer } from '../helpers/start-test-server.js';

const loginAs = (email: string) => `login(email: "${email}", password: "wrong password") { accessToken }`;
const codes = (result: GraphqlResult) => (result.body.errors ?? []).map((e) => e.extensions?.['code']);

async function expectHealthy(server: TestServer) {
  expect((await server.fetch('/healthz')).status).toBe(200);
}

describeEachStore('rate limits', ({ env }) => {
  describe('login limits behind one trusted proxy', () => {
    let server: TestServer;
    const from = (ip: string) => ({ headers: { 'x-forwarded-for': ip } });
    const login = (email: string, ip: string, password = 'wrong password') =>
      server.graphql(`mutation { login(email: "${email}", password: "${password}") { accessToken } }`, from(ip));
    beforeAll(async () => {
      // The lockout is off here, so every refusal below comes from the limits themselves.
      server = await startTestServer({ env: { ...env(), TRUST_PROXY: '1', LOGIN_LOCKOUT_AFTER: '0' } });
      await signup(server, 'victim@example.com');
      await signup(server, 'other@example.com');
    });
    afterAll(() => server.close());
    afterEach(() => expectHealthy(server));

    it('counts every alias: of ten aliased logins for one email, the sixth is refused', async () => {
      const aliases = Array.from({ length: 10 }, (_, i) => `a${i}: login(email: "victim@example.com", password: "${defaultPassword}") { accessToken }`).join(' ');
      const result = await server.graphql(`mutation { ${aliases} }`, from('198.51.100.1'));
      // Mutation fields run one after another; login is non-null, so the refusal
      // of the sixth ends the operation and the last four never run.
      expect(result.body.errors?.map((e) => [e.path?.[0], e.extensions?.['code']])).toEqual([['a5', 'RATE_LIMITED']]);
      expect(result.status).toBe(200); // five of the fields ran
      expect(result.headers.get('retry-after')).toBe('60');
      expect(result.headers.get('ratelimit-limit')).toBe('5');
      expect(result.headers.get('ratelimit-remaining')).toBe('0');
    });

    it('answers 429 with Retry-After and retryAfter when nothing in the operation ran', async () => {
      server.clock.advance(15_000);
      const result = await login('VICTIM@example.com  ', '198.51.100.1', defaultPassword);
      expect(result.status).toBe(429);
      expect(codeOf(result)).toBe('RATE_LIMITED');
      expect(result.body.errors?.[0]?.extensions?.['retryAfter']).toBe(45);
      expect(result.headers.get('retry-after')).toBe('45');
      expect(result.headers.get('ratelimit-reset')).toBe('45');
    });

    it('keeps 200 when another root field of the operation ran', async () => {
      const result = await server.graphql(
        `mutation { a: login(email: "other@example.com", password: "${defaultPassword}") { tokenType } b: login(email: "victim@example.com", password: "${defaultPassword}") { tokenType } }`,
        from('198.51.100.1'),
      );
      expect(result.status).toBe(200);
      expect(codes(result)).toEqual(['RATE_LIMITED']);
      expect(result.body.errors?.[0]?.path).toEqual(['b']);
    });

    it('gives the same email a fresh budget from another client IP, and again once the window has passed', async () => {
      expect(codeOf(await login('victim@example.com', '198.51.100.2'))).toBe('UNAUTHENTICATED');
      server.clock.advance(60_000);
      const later = await login('victim@example.com', '198.51.100.1');
      expect(codeOf(later)).toBe('UNAUTHENTICATED');
      expect(later.headers.get('ratelimit-remaining')).toBe('4');
    });

    it('limits one IP to 20 logins a minute however many emails it sprays', async () => {
      const results = [];
      for (let i = 0; i < 22; i += 1) results.push(await login(`spray${i}@example.com`, '198.51.100.3'));
      expect(results.map(codeOf).filter((c) => c === 'UNAUTHENTICATED')).toHaveLength(20);
      expect(results.slice(20).map(codeOf)).toEqual(['RATE_LIMITED', 'RATE_LIMITED']);
      expect(results[21]?.headers.get('ratelimit-limit')).toBe('20');
    });

    it('compares the email as the services do: case, spaces and fullwidth look-alikes are no fresh budget', async () => {
      const spellings = ['case@example.com', 'CASE@example.com', ' Case@Example.com', 'ｃase@example.com', 'cａｓe@example.com', 'case@example.COM'];
      const results = [];
      for (const email of spellings) results.push(await login(email, '198.51.100.4'));
      expect(results.map(codeOf)).toEqual([...Array<string>(5).fill('UNAUTHENTICATED'), 'RATE_LIMITED']);
    });

    it('counts an IPv6 client by its /64, and a neighbouring /64 separately', async () => {
      const tries = ['2001:db8:1:2::1', '2001:db8:1:2:ffff::9', '2001:0db8:0001:0002:0:0:0:abcd'];
      const results = [];
      for (const ip of tries) for (let i = 0; i < 2; i += 1) results.push(await login('six@example.com', ip));
      expect(results.map(codeOf)).toEqual([...Array<string>(5).fill('UNAUTHENTICATED'), 'RATE_LIMITED']);
      expect(codeOf(await login('six@example.com', '2001:db8:1:3::1'))).toBe('UNAUTHENTICATED');
    });

    it('believes only the hop our proxy wrote: a forged left-most X-Forwarded-For buys nothing', async () => {
      for (let i = 0; i < 5; i += 1) await login('forge@example.com', `10.9.9.${i}, 198.51.100.5`);
      expect(codeOf(await login('forge@example.com', '10.9.9.99, 198.51.100.5'))).toBe('RATE_LIMITED');
    });

    it('refuses a batched JSON array with 400 BAD_REQUEST, running none of it', async () => {
      const body = JSON.stringify(Array.from({ length: 10 }, () => ({ query: 'mutation { login(email: "batch@example.com", password: "wrong password") { accessToken } }' })));
      const response = await server.fetch('/graphql', { method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': '198.51.100.6' }, body });
      expect(response.status).toBe(400);
      const json = (await response.json()) as GraphqlResult['body'];
      expect(json.errors?.[0]?.extensions?.['code']).toBe('BAD_REQUEST');
      expect((await login('batch@example.com', '198.51.100.6')).headers.get('ratelimit-remaining')).toBe('4');
    });
  });

  describe('without a trusted proxy', () => {
    let server: TestServer;
    beforeAll(async () => {
      server = await startTestServer({ env: { ...env(), RATE_LIMIT_LOGIN_PER_EMAIL: '2/1m' } });
    });
    afterAll(() => server.close());
    afterEach(() => expectHealthy(server));

    it('ignores X-Forwarded-For: a new forged address each time is still the same caller', async () => {
      const results = [];
      for (let i = 0; i < 3; i += 1) {
        results.push(await server.graphql(`mutation { ${loginAs('noproxy@example.com')} }`, { headers: { 'x-forwarded-for': `203.0.113.${i}` } }));
      }
      expect(results.map(codeOf)).toEqual(['UNAUTHENTICATED', 'UNAUTHENTICATED', 'RATE_LIMITED']);
    });
  });

  describe('concurrency and settings', () => {
    let server: TestServer;
    beforeAll(async () => {
      server = await startTestServer({ env: { ...env(), RATE_LIMIT_REFRESH_TOKEN: '5/1m', RATE_LIMIT_SIGNUP: 'off' } });
    });
    afterAll(() => server.close());
    afterEach(() => expectHealthy(server));

    it('lets at most 5 of 50 parallel requests through a limit of 5', async () => {
      const results = await Promise.all(Array.from({ length: 50 }, () => server.graphql('mutation { refreshToken(refreshToken: "rt_nonsense") { accessToken } }')));
      expect(results.filter((r) => codeOf(r) === 'UNAUTHENTICATED')).toHaveLength(5);
      const refused = results.filter((r) => codeOf(r) === 'RATE_LIMITED');
      expect(refused).toHaveLength(45);
      expect(refused.every((r) => r.status === 429 && r.headers.get('retry-after') === '60')).toBe(true);
    });

    it('switches a limit off with RATE_LIMIT_<NAME>=off', async () => {
      for (let i = 0; i < 11; i += 1) await signup(server, `many${i}@example.com`);
      const twelfth = await server.graphql('mutation { signup(email: "many11@example.com", password: "long enough password") { accessToken } }');
      expect(twelfth.body.errors).toBeUndefined();
      expect(twelfth.headers.get('ratelimit-limit')).toBeNull();
    });
  });
});
