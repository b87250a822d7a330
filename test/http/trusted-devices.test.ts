// Sign-in under a distributed attack (issue 20): a device token marks a known
// device; untrusted attempts on one account are limited across every address
// (in Redis too, shared by two instances); a trusted sign-in still gets its
// password checked, goes through a full hashing queue, and logoutAll makes
// every device untrusted again.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codeOf, defaultPassword, signup } from '../helpers/accounts.js';
import { describeEachStore } from '../helpers/each-store.js';
import { startTestServer, type TestServer } from '../helpers/start-test-server.js';
import { startTwoInstances, type TwoInstances } from '../helpers/start-two-instances.js';
import { redisAvailable } from '../helpers/test-redis.js';

const loginMutation = 'mutation($e: String!, $p: String!, $d: String) { login(email: $e, password: $p, deviceToken: $d) { accessToken deviceToken } }';

type Login = (options: { ip: string; password?: string; device?: string | null; email?: string }) => ReturnType<TestServer['graphql']>;
const loginOn =
  (server: TestServer, fallbackEmail: string): Login =>
  ({ ip, password = defaultPassword, device = null, email = fallbackEmail }) =>
    server.graphql(loginMutation, { variables: { e: email, p: password, d: device }, headers: { 'x-forwarded-for': ip } });
const deviceOf = (result: Awaited<ReturnType<Login>>): string => {
  expect(result.body.errors).toBeUndefined();
  const token = (result.body.data?.['login'] as { deviceToken: unknown }).deviceToken;
  expect(token).toMatch(/^dt_[A-Za-z0-9_-]{43}$/);
  return token as string;
};

describeEachStore('trusted devices', ({ env }) => {
  let server: TestServer;
  let login: Login;
  let ownerDevice: string;
  beforeAll(async () => {
    server = await startTestServer({ env: { ...env(), TRUST_PROXY: '1', LOGIN_UNTRUSTED_MAX: '3', LOGIN_UNTRUSTED_WINDOW: '15m' } });
    await signup(server, 'owner@example.com');
    await signup(server, 'other@example.com');
    login = loginOn(server, 'owner@example.com');
    ownerDevice = deviceOf(await login({ ip: '192.0.2.1' }));
  });
  afterAll(() => server.close());

  it('issues a device token at signup and login, and gives a known device its own back', async () => {
    const result = await server.graphql('mutation { signup(email: "fresh@example.com", password: "correct horse battery") { deviceToken } }');
    expect((result.body.data?.['signup'] as { deviceToken: string }).deviceToken).toMatch(/^dt_/);
    expect(deviceOf(await login({ ip: '192.0.2.1', device: ownerDevice }))).toBe(ownerDevice);
    const refreshed = await server.graphql('mutation { signup(email: "fresh2@example.com", password: "correct horse battery") { refreshToken } }');
    const rt = (refreshed.body.data?.['signup'] as { refreshToken: string }).refreshToken;
    const viaRefresh = await server.graphql('mutation($t: String!) { refreshToken(refreshToken: $t) { deviceToken } }', { variables: { t: rt } });
    expect(viaRefresh.body.data).toEqual({ refreshToken: { deviceToken: null } });
  });

  it('lets no more than the threshold of untrusted guesses through across addresses, while the known device still signs in', async () => {
    for (const ip of ['203.0.113.1', '198.51.100.2', '192.0.2.77']) expect(codeOf(await login({ ip, password: 'wrong guess' }))).toBe('UNAUTHENTICATED');
    // A fourth address, even with the right password, is refused before any hashing.
    const refused = await login({ ip: '233.252.0.4' });
    expect(refused.status).toBe(429);
    expect(codeOf(refused)).toBe('RATE_LIMITED');
    expect(refused.headers.get('retry-after')).toBe('900'); // the window opened at the first failure, no time ago
    const failuresBefore = server.logs.filter((l) => l['event'] === 'login.failure').length;
    expect(codeOf(await login({ ip: '233.252.0.5', password: 'another guess' }))).toBe('RATE_LIMITED');
    expect(server.logs.filter((l) => l['event'] === 'login.failure')).toHaveLength(failuresBefore); // never reached the hash
    // A forged token, or another account's, is ignored: still untrusted.
    const otherDevice = deviceOf(await loginOn(server, 'other@example.com')({ ip: '192.0.2.9' }));
    for (const device of [otherDevice, 'dt_' + 'A'.repeat(43), 'garbage', 'x'.repeat(10_000)]) expect(codeOf(await login({ ip: '192.0.2.1', device }))).toBe('RATE_LIMITED');
    // The owner's known device: the password is still checked...
    expect(codeOf(await login({ ip: '203.0.113.1', device: ownerDevice, password: 'wrong from my laptop' }))).toBe('UNAUTHENTICATED');
    // ...and the right one signs in, from any address.
    expect(deviceOf(await login({ ip: '203.0.113.1', device: ownerDevice }))).toBe(ownerDevice);
    expect(server.logs.some((l) => l['event'] === 'login.account_limit_reached')).toBe(true);
  });

  it('opens again when the window is over', async () => {
    server.clock.advance(15 * 60_000);
    expect(deviceOf(await login({ ip: '233.252.0.4' }))).toMatch(/^dt_/);
  });

  it('makes every device untrusted again after logoutAll', async () => {
    const signedIn = await login({ ip: '192.0.2.1', device: ownerDevice });
    const accessToken = (signedIn.body.data?.['login'] as { accessToken: string }).accessToken;
    expect((await server.graphql('mutation { logoutAll }', { token: accessToken })).body.data).toEqual({ logoutAll: true });
    // The signup's, the first login's (ownerDevice) and the one after the window reopened.
    expect(server.logs.filter((l) => l['event'] === 'logout_all').map((l) => l['devicesForgotten'])).toEqual([3]);
    for (let i = 0; i < 3; i += 1) expect(codeOf(await login({ ip: `198.51.100.${10 + i}`, password: 'wrong guess' }))).toBe('UNAUTHENTICATED');
    // The old token is now an untrusted client like any other.
    expect(codeOf(await login({ ip: '192.0.2.1', device: ownerDevice }))).toBe('RATE_LIMITED');
  });
});

describe('how many known devices an account keeps', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ env: { TRUST_PROXY: '1', MAX_SESSIONS_PER_USER: '2' } });
  });
  afterAll(() => server.close());

  it('at most MAX_SESSIONS_PER_USER: a script of sign-ins cannot grow the list, and the least recently used goes first', async () => {
    let clients = 0; // each sign-in from an address of its own, clear of the per-address limits
    const signIn = loginOn(server, 'many@example.com');
    const login = (options: { device?: string }) => signIn({ ...options, ip: `192.0.2.${(clients += 1)}` });
    const signedUp = await server.graphql('mutation { signup(email: "many@example.com", password: "correct horse battery") { deviceToken } }');
    const first = (signedUp.body.data?.['signup'] as { deviceToken: string }).deviceToken;
    const second = deviceOf(await login({}));
    server.clock.advance(1);
    expect(deviceOf(await login({ device: first }))).toBe(first); // used again: now the most recent
    server.clock.advance(1);
    const third = deviceOf(await login({})); // one too many: `second` goes
    const trusted = async (device: string) => {
      const result = await login({ device });
      return { sameToken: deviceOf(result) === device, audited: server.logs.filter((l) => l['event'] === 'login.success').at(-1)?.['trustedDevice'] };
    };
    // Known devices keep their token; the forgotten one is an untrusted client, given a new token (checked last: that pushes out another).
    expect(await trusted(first)).toEqual({ sameToken: true, audited: true });
    expect(await trusted(third)).toEqual({ sameToken: true, audited: true });
    expect(await trusted(second)).toEqual({ sameToken: false, audited: false });
  });

  it('keeps the devices through changePassword: the phone whose session it ended signs in again as a known device', async () => {
    const signIn = loginOn(server, 'changer@example.com');
    await signup(server, 'changer@example.com');
    const laptop = await signIn({ ip: '198.51.100.1' });
    const phone = deviceOf(await signIn({ ip: '198.51.100.2' }));
    const { accessToken } = laptop.body.data?.['login'] as { accessToken: string };
    const changed = await server.graphql('mutation { changePassword(currentPassword: "correct horse battery", newPassword: "a brand new password") }', { token: accessToken });
    expect(changed.body).toEqual({ data: { changePassword: true } });
    expect(deviceOf(await signIn({ ip: '198.51.100.2', device: phone, password: 'a brand new password' }))).toBe(phone);
    expect(server.logs.filter((l) => l['event'] === 'login.success').at(-1)).toMatchObject({ trustedDevice: true });
  });
});

describe('a trusted sign-in through a full hashing queue', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ env: { TRUST_PROXY: '1', PASSWORD_HASH_QUEUE: '8', PASSWORD_HASH_CONCURRENCY: '1' } });
    await signup(server, 'busy@example.com');
  });
  afterAll(() => server.close());

  it('gets through while a flood from 120 addresses is shed', async () => {
    const login = loginOn(server, 'busy@example.com');
    const device = deviceOf(await login({ ip: '192.0.2.1' }));
    // Unknown emails, so the account-wide limit does not stop the flood before the queue.
    const flood = Array.from({ length: 120 }, (_, i) => login({ ip: `10.${i}.${i % 7}.${i + 1}`, email: `nobody${i}@example.com`, password: 'wrong guess' }));
    const trusted = login({ ip: '192.0.2.1', device });
    const [own, ...rest] = await Promise.all([trusted, ...flood]);
    if (!own) throw new Error('no answer');
    expect(deviceOf(own)).toBe(device);
    const codes = rest.map(codeOf);
    expect(codes.filter((c) => c === 'RATE_LIMITED').length).toBeGreaterThan(0); // the queue was full
    expect(codes.every((c) => c === 'RATE_LIMITED' || c === 'UNAUTHENTICATED')).toBe(true);
  });
});

describe.skipIf(!redisAvailable('the account-wide limit across two instances'))('the account-wide limit across two instances on one Redis', () => {
  let pair: TwoInstances;
  beforeAll(async () => {
    pair = await startTwoInstances({ env: { TRUST_PROXY: '1', LOGIN_UNTRUSTED_MAX: '4' } });
    await signup(pair.a, 'shared@example.com');
  });
  afterAll(() => pair.close());

  it('counts untrusted attempts on both instances together', async () => {
    const onA = loginOn(pair.a, 'shared@example.com');
    const onB = loginOn(pair.b, 'shared@example.com');
    const device = deviceOf(await onA({ ip: '192.0.2.1' })); // a success: not counted
    const guesses = await Promise.all([1, 2, 3, 4, 5, 6].map((n) => (n % 2 ? onA : onB)({ ip: `203.0.113.${n}`, password: 'wrong guess' })));
    // Six at once over two instances: exactly the threshold reach the password check.
    expect(guesses.map(codeOf).sort()).toEqual(['RATE_LIMITED', 'RATE_LIMITED', 'UNAUTHENTICATED', 'UNAUTHENTICATED', 'UNAUTHENTICATED', 'UNAUTHENTICATED']);
    expect(codeOf(await onB({ ip: '198.51.100.1' }))).toBe('RATE_LIMITED');
    expect(deviceOf(await onB({ ip: '198.51.100.1', device }))).toBe(device);
  });
});
