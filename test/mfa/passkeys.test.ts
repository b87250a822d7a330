// Passkeys through the real server (issue 17), answered by a software
// authenticator (the browser flow is test/browser/mfa.test.ts): registration,
// sign-in with and without an email as both factors, challenges used once and
// for five minutes, the signature counter, answers that do not verify, an
// email that gives nothing away, removal, and an ADMIN's reset.
import jwt from 'jsonwebtoken';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codeOf, defaultPassword, signup, signupAdmin, type SignedIn } from '../helpers/accounts.js';
import { signupWithTotp } from '../helpers/mfa.js';
import { auditEvents } from '../helpers/session-queries.js';
import { SoftAuthenticator, type CreationOptions, type RequestOptions } from '../helpers/soft-authenticator.js';
import { startTestServer, type GraphqlResult, type TestServer } from '../helpers/start-test-server.js';

// The default APP_URL outside production: the web example's dev server.
const origin = 'http://localhost:5173';
const minutes = (n: number) => n * 60_000;

describe('passkeys', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ env: { RATE_LIMIT_SIGNUP: 'off' } });
  });
  afterAll(() => server.close());

  const startRegistration = async (token: string) => {
    const result = await server.graphql('mutation { startPasskeyRegistration }', { token });
    expect(result.body.errors).toBeUndefined();
    return result.body.data?.['startPasskeyRegistration'] as CreationOptions & Record<string, unknown>;
  };
  const finishRegistration = (token: string, response: unknown, name?: string) =>
    server.graphql('mutation($r: JSON!, $n: String) { finishPasskeyRegistration(response: $r, name: $n) { id name createdAt lastUsedAt } }', { token, variables: { r: response, n: name } });
  const register = async (user: SignedIn, authenticator = new SoftAuthenticator(), name?: string) => {
    const result = await finishRegistration(user.accessToken, authenticator.register(await startRegistration(user.accessToken), { origin }), name);
    expect(result.body.errors).toBeUndefined();
    return { authenticator, passkey: result.body.data?.['finishPasskeyRegistration'] as { id: string; name: string; lastUsedAt: string | null } };
  };
  const startLogin = async (email?: string) => {
    const result = await server.graphql('mutation($e: String) { startPasskeyLogin(email: $e) { challengeId options } }', { variables: { e: email } });
    expect(result.body.errors).toBeUndefined();
    return result.body.data?.['startPasskeyLogin'] as { challengeId: string; options: RequestOptions & { allowCredentials?: Array<{ id: string }>; userVerification?: string } };
  };
  const finishLogin = (challengeId: string, response: unknown) =>
    server.graphql('mutation($c: ID!, $r: JSON!) { finishPasskeyLogin(challengeId: $c, response: $r) { accessToken refreshToken deviceToken user { email } } }', { variables: { c: challengeId, r: response } });
  const signIn = async (authenticator: SoftAuthenticator, email?: string) => {
    const { challengeId, options } = await startLogin(email);
    return finishLogin(challengeId, authenticator.authenticate(options, { origin }));
  };
  const tokenOf = (result: GraphqlResult) => (result.body.data?.['finishPasskeyLogin'] as { accessToken: string }).accessToken;
  const passkeysOf = async (user: SignedIn) =>
    ((await server.graphql('{ me { passkeys { id name lastUsedAt } } }', { token: user.accessToken })).body.data?.['me'] as { passkeys: Array<{ id: string; name: string; lastUsedAt: string | null }> }).passkeys;

  it('registers a passkey: options for navigator.credentials.create(), then the browser\'s answer', async () => {
    const alice = await signup(server, 'alice@example.com');
    const options = await startRegistration(alice.accessToken);
    expect(options).toMatchObject({
      rp: { id: 'localhost', name: 'graphql-auth' },
      user: { id: Buffer.from(alice.id).toString('base64url'), name: 'alice@example.com' },
      attestation: 'none',
      authenticatorSelection: { residentKey: 'required', userVerification: 'required' },
      timeout: 300_000,
    });
    const authenticator = new SoftAuthenticator();
    const result = await finishRegistration(alice.accessToken, authenticator.register(options, { origin }), '  My laptop ');
    expect(result.body.data?.['finishPasskeyRegistration']).toMatchObject({ name: 'My laptop', lastUsedAt: null });
    const registered = result.body.data?.['finishPasskeyRegistration'] as { id: string };
    expect(await passkeysOf(alice)).toEqual([{ id: registered.id, name: 'My laptop', lastUsedAt: null }]);
    expect(registered.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/); // a UUIDv7, like every id
    expect(auditEvents(server, 'passkey.registered').at(-1)).toMatchObject({ actorId: alice.id, deviceType: 'singleDevice' });
    // The next registration excludes it, so the same authenticator is not registered twice.
    expect((await startRegistration(alice.accessToken))['excludeCredentials']).toEqual([{ id: authenticator.credentialId, type: 'public-key', transports: ['internal'] }]);
  });

  it('refuses a registration answer that is malformed, late, replayed, from another origin or without user verification; nothing is stored', async () => {
    const bob = await signup(server, 'bob@example.com');
    const fieldOf = (result: GraphqlResult) => result.body.errors?.[0]?.extensions;
    expect(fieldOf(await finishRegistration(bob.accessToken, { id: 'x' }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'response' });
    expect(fieldOf(await finishRegistration(bob.accessToken, 'a string'))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'response' });
    const attempt = async (answer: (options: CreationOptions) => unknown, before?: () => void) => {
      const options = await startRegistration(bob.accessToken);
      before?.();
      return fieldOf(await finishRegistration(bob.accessToken, answer(options)));
    };
    const refused = { code: 'BAD_USER_INPUT', field: 'response' };
    expect(await attempt((o) => new SoftAuthenticator().register(o, { origin: 'https://evil.example' }))).toMatchObject(refused);
    expect(await attempt((o) => new SoftAuthenticator().register(o, { origin, userVerified: false }))).toMatchObject(refused);
    expect(await attempt((o) => new SoftAuthenticator().register({ ...o, challenge: 'bm90LXRoZS1jaGFsbGVuZ2U' }, { origin }))).toMatchObject(refused);
    expect(await attempt((o) => new SoftAuthenticator().register(o, { origin }), () => server.clock.advance(minutes(5)))).toMatchObject(refused);
    // Used once: the challenge of an accepted answer cannot take a second one.
    const options = await startRegistration(bob.accessToken);
    expect((await finishRegistration(bob.accessToken, new SoftAuthenticator().register(options, { origin }))).body.errors).toBeUndefined();
    expect(fieldOf(await finishRegistration(bob.accessToken, new SoftAuthenticator().register(options, { origin })))).toMatchObject(refused);
    expect(await passkeysOf(bob)).toHaveLength(1);
    expect(auditEvents(server, 'passkey.registration_failed').filter((e) => e['actorId'] === bob.id).map((e) => e['reason'])).toEqual([
      expect.stringMatching(/origin/i),
      expect.stringMatching(/verif/i),
      expect.stringMatching(/challenge/i),
      'no_live_challenge',
      'no_live_challenge',
    ]);
  });

  it('refuses a name with a control character before the challenge is used (PostgreSQL\'s text cannot hold U+0000)', async () => {
    const nina = await signup(server, 'nina@example.com');
    const answer = new SoftAuthenticator().register(await startRegistration(nina.accessToken), { origin });
    for (const name of ['My\u0000phone', 'My\u001b[2Jphone']) {
      expect((await finishRegistration(nina.accessToken, answer, name)).body.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'name' });
    }
    expect((await finishRegistration(nina.accessToken, answer, 'My phone')).body.errors).toBeUndefined();
    expect((await passkeysOf(nina)).map((p) => p.name)).toEqual(['My phone']);
  });

  it('signs in with a passkey, with the email or without (discoverable), as both factors: no code is asked even with TOTP on', async () => {
    const carol = await signupWithTotp(server, 'carol@example.com');
    const { authenticator } = await register(carol);
    const withEmail = await startLogin('Carol@Example.com');
    expect(withEmail.options).toMatchObject({ rpId: 'localhost', userVerification: 'required', allowCredentials: [{ id: authenticator.credentialId, type: 'public-key' }] });
    const signedIn = await finishLogin(withEmail.challengeId, authenticator.authenticate(withEmail.options, { origin }));
    expect(signedIn.body.errors).toBeUndefined();
    expect(signedIn.body.data?.['finishPasskeyLogin']).toMatchObject({ user: { email: 'carol@example.com' }, deviceToken: expect.stringMatching(/^dt_/) });
    expect(jwt.decode(tokenOf(signedIn))).toMatchObject({ amr: ['hwk', 'mfa'], auth_time: Math.floor(server.clock.now() / 1000) });
    expect(auditEvents(server, 'login.success').at(-1)).toMatchObject({ subjectId: carol.id, method: 'passkey' });

    const discoverable = await startLogin();
    expect(discoverable.options.allowCredentials).toEqual([]);
    expect((await finishLogin(discoverable.challengeId, authenticator.authenticate(discoverable.options, { origin }))).body.errors).toBeUndefined();
    expect((await passkeysOf(carol))[0]?.lastUsedAt).toBe(new Date(server.clock.now()).toISOString());
  });

  it('says swk for a synced passkey', async () => {
    const dave = await signup(server, 'dave@example.com');
    const { authenticator } = await register(dave, new SoftAuthenticator(true));
    expect((await passkeysOf(dave))[0]?.name).toBe('Synced passkey');
    expect(jwt.decode(tokenOf(await signIn(authenticator)))).toMatchObject({ amr: ['swk', 'mfa'] });
  });

  it('uses a challenge once and for five minutes; malformed ids and answers are bad input', async () => {
    const erin = await signup(server, 'erin@example.com');
    const { authenticator } = await register(erin);
    const { challengeId, options } = await startLogin(erin.email);
    const answer = authenticator.authenticate(options, { origin });
    expect((await finishLogin(challengeId, answer)).body.errors).toBeUndefined();
    expect(codeOf(await finishLogin(challengeId, answer))).toBe('UNAUTHENTICATED');
    const late = await startLogin(erin.email);
    server.clock.advance(minutes(5));
    expect(codeOf(await finishLogin(late.challengeId, authenticator.authenticate(late.options, { origin })))).toBe('UNAUTHENTICATED');
    const fresh = await startLogin(erin.email);
    expect((await finishLogin('not-an-id', authenticator.authenticate(fresh.options, { origin }))).body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'challengeId' });
    expect((await finishLogin(fresh.challengeId, { response: {} })).body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'response' });
    expect(auditEvents(server, 'passkey.login_failed').map((e) => e['reason'])).toEqual(['unknown_expired_or_used_challenge', 'unknown_expired_or_used_challenge']);
  });

  it('refuses an answer whose signature counter does not move forward (a cloned authenticator), or without user verification', async () => {
    const frank = await signup(server, 'frank@example.com');
    const { authenticator } = await register(frank);
    expect((await signIn(authenticator, frank.email)).body.errors).toBeUndefined();
    const cloned = await startLogin(frank.email);
    expect(codeOf(await finishLogin(cloned.challengeId, authenticator.authenticate(cloned.options, { origin, counter: authenticator.counter })))).toBe('UNAUTHENTICATED');
    expect(auditEvents(server, 'passkey.login_failed').at(-1)).toMatchObject({ subjectId: frank.id, reason: 'counter_not_increased' });
    const unverified = await startLogin(frank.email);
    expect(codeOf(await finishLogin(unverified.challengeId, authenticator.authenticate(unverified.options, { origin, userVerified: false })))).toBe('UNAUTHENTICATED');
    const elsewhere = await startLogin(frank.email);
    expect(codeOf(await finishLogin(elsewhere.challengeId, authenticator.authenticate(elsewhere.options, { origin: 'https://evil.example' })))).toBe('UNAUTHENTICATED');
    expect((await signIn(authenticator, frank.email)).body.errors).toBeUndefined();
  });

  it('answers an email without an account or without passkeys like one with a passkey, and keeps each account\'s passkeys to it', async () => {
    const grace = await signup(server, 'grace@example.com');
    const heidi = await signup(server, 'heidi@example.com');
    const { authenticator } = await register(heidi);
    const unknown = (await startLogin('nobody@example.com')).options.allowCredentials;
    expect(unknown).toEqual([{ id: expect.stringMatching(/^[A-Za-z0-9_-]{22}$/), type: 'public-key' }]);
    expect((await startLogin('nobody@example.com')).options.allowCredentials).toEqual(unknown);
    expect((await startLogin(grace.email)).options.allowCredentials).toEqual([{ id: expect.stringMatching(/^[A-Za-z0-9_-]{22}$/), type: 'public-key' }]);
    // Heidi's passkey answering a challenge made for another account with passkeys is refused.
    const { authenticator: ivans } = await register(await signup(server, 'ivan@example.com'));
    const forIvan = await startLogin('ivan@example.com');
    expect(codeOf(await finishLogin(forIvan.challengeId, authenticator.authenticate(forIvan.options, { origin })))).toBe('UNAUTHENTICATED');
    expect(auditEvents(server, 'passkey.login_failed').at(-1)).toMatchObject({ subjectId: heidi.id, reason: 'credential_of_another_account' });
    expect((await signIn(ivans, 'ivan@example.com')).body.errors).toBeUndefined();
    expect(codeOf(await server.graphql('mutation { startPasskeyLogin(email: "not an email") { challengeId } }'))).toBe('BAD_USER_INPUT');
  });

  it('removes a passkey after a fresh proof; another user\'s reads as missing; an ADMIN\'s reset removes them all', async () => {
    const judy = await signup(server, 'judy@example.com');
    const { authenticator, passkey } = await register(judy);
    const other = await signup(server, 'kim@example.com');
    const remove = (token: string, id: string) => server.graphql('mutation($id: ID!) { removePasskey(id: $id) }', { token, variables: { id } });
    expect((await remove(other.accessToken, passkey.id)).body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
    server.clock.advance(minutes(6));
    expect(codeOf(await remove(judy.accessToken, passkey.id))).toBe('REAUTHENTICATION_REQUIRED');
    const renewed = await server.graphql('mutation($p: String) { reauthenticate(password: $p) { accessToken } }', { token: judy.accessToken, variables: { p: defaultPassword } });
    const fresh = (renewed.body.data?.['reauthenticate'] as { accessToken: string }).accessToken;
    expect((await remove(fresh, passkey.id)).body.data).toEqual({ removePasskey: true });
    expect(codeOf(await signIn(authenticator, judy.email))).toBe('UNAUTHENTICATED');
    expect(auditEvents(server, 'passkey.removed').at(-1)).toMatchObject({ actorId: judy.id, passkeyId: passkey.id });

    const admin = await signupAdmin(server, 'admin@example.com');
    const lost = await register(other);
    await register(other, new SoftAuthenticator(true));
    const reset = await server.graphql(`mutation { resetUserMfa(id: "${other.id}") }`, { token: admin.accessToken });
    expect(reset.body.data).toEqual({ resetUserMfa: true });
    expect(auditEvents(server, 'mfa.reset').at(-1)).toMatchObject({ subjectId: other.id, totp: false, passkeys: 2 });
    expect(codeOf(await signIn(lost.authenticator))).toBe('UNAUTHENTICATED');
    const listed = await server.graphql(`{ user(id: "${other.id}") { passkeys { id } } }`, { token: admin.accessToken });
    expect(listed.body.data).toEqual({ user: { passkeys: [] } });
  });
});

describe('passkeys without a web origin', () => {
  it('are off in production when neither APP_URL nor WEBAUTHN_ORIGIN is set, and the boot says so', async () => {
    const server = await startTestServer({ env: { NODE_ENV: 'production', DATABASE_URL: ':memory:' } });
    try {
      expect(server.logs.some((line) => String(line['msg']).startsWith('Passkeys are off'))).toBe(true);
      const refused = await server.graphql('mutation { startPasskeyLogin { challengeId } }');
      expect(refused.body.errors?.[0]).toMatchObject({ message: 'Passkeys are not available on this server', extensions: { code: 'FORBIDDEN' } });
    } finally {
      await server.close();
    }
  });
});
