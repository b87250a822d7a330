// Turning TOTP on and off through the real server (issue 17): a pending
// enrolment changes nothing, a code confirms it and returns recovery codes
// once, the secret is stored encrypted and bound to its user, a code works
// once, and disabling, new recovery codes and an ADMIN's reset do what they say.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSecretBox } from '../../src/credentials/secret-box.js';
import { loadConfig } from '../../src/platform/config.js';
import type { UserId } from '../../src/platform/ids.js';
import { createMfaRepositories } from '../../src/repositories/create-repositories.js';
import { codeOf, login, signup, signupAdmin, type SignedIn } from '../helpers/accounts.js';
import { loginFrom, mfaTokenOf, signupWithTotp, stepMs, totpCode, verifyMfaFrom } from '../helpers/mfa.js';
import { auditEvents } from '../helpers/session-queries.js';
import { startTestServer, testEnv, type TestServer } from '../helpers/start-test-server.js';

const recoveryCodePattern = /^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/;

describe('turning TOTP on and off', () => {
  let server: TestServer;
  let admin: SignedIn;
  beforeAll(async () => {
    // Many accounts from one address: the sign-up limit is not under test here.
    server = await startTestServer({ env: { TRUST_PROXY: '1', RATE_LIMIT_SIGNUP: 'off' } });
    admin = await signupAdmin(server, 'admin@example.com');
  });
  afterAll(() => server.close());

  const mutate = (token: string, query: string, variables?: Record<string, unknown>) => server.graphql(query, { token, ...(variables ? { variables } : {}) });
  const enroll = (token: string) => mutate(token, 'mutation { enrollTotp { secret uri qrCodeSvg } }');
  const confirm = (token: string, code: string) => mutate(token, 'mutation($c: String!) { confirmTotp(code: $c) { codes } }', { c: code });
  const mfaEnabled = async (token: string, id: string) => (await mutate(token, 'query($id: ID!) { user(id: $id) { mfaEnabled } }', { id })).body;

  it('starts with a pending enrolment that changes nothing at sign-in', async () => {
    const alice = await signup(server, 'alice@example.com');
    const result = await enroll(alice.accessToken);
    expect(result.body.errors).toBeUndefined();
    const { secret, uri, qrCodeSvg } = result.body.data?.['enrollTotp'] as { secret: string; uri: string; qrCodeSvg: string };
    expect(secret).toMatch(/^[A-Z2-7]{32}$/); // 160 bits, base32
    const parsed = new URL(uri);
    expect(`${parsed.protocol}//${parsed.host}${decodeURIComponent(parsed.pathname)}`).toBe('otpauth://totp/graphql-auth:alice@example.com');
    expect(Object.fromEntries(parsed.searchParams)).toEqual({ secret, issuer: 'graphql-auth', algorithm: 'SHA1', digits: '6', period: '30' });
    expect(qrCodeSvg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"[^>]*>.*<\/svg>\s*$/s);
    expect((await mfaEnabled(alice.accessToken, alice.id)).data).toEqual({ user: { mfaEnabled: false } });
    // Unconfirmed: the password alone still signs in.
    expect((await login(server, 'alice@example.com')).accessToken).toMatch(/^ey/);
  });

  it('confirms with the app\'s current code, returns ten recovery codes once, and from then on asks for a code', async () => {
    const bob = await signup(server, 'bob@example.com');
    const { secret } = (await enroll(bob.accessToken)).body.data?.['enrollTotp'] as { secret: string };
    const wrong = await confirm(bob.accessToken, totpCode(server, secret, 5 * stepMs));
    expect(wrong.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'code' });
    expect(codeOf(await confirm(bob.accessToken, 'not a code'))).toBe('BAD_USER_INPUT');
    const confirmed = await confirm(bob.accessToken, totpCode(server, secret));
    expect(confirmed.body.errors).toBeUndefined();
    const codes = (confirmed.body.data?.['confirmTotp'] as { codes: string[] }).codes;
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) expect(code).toMatch(recoveryCodePattern);
    expect((await mfaEnabled(bob.accessToken, bob.id)).data).toEqual({ user: { mfaEnabled: true } });
    // The confirming code is used up: the same code cannot finish a sign-in in its window.
    const replay = await verifyMfaFrom(server, '192.0.2.1', mfaTokenOf(await loginFrom(server, '192.0.2.1', 'bob@example.com')), totpCode(server, secret));
    expect(replay.body.errors?.[0]?.extensions).toMatchObject({ code: 'UNAUTHENTICATED', attemptsLeft: 4 });
    expect(auditEvents(server, 'mfa.totp_enabled').at(-1)).toMatchObject({ actorId: bob.id, subjectId: bob.id, replaced: false, recoveryCodes: 10 });
    // Nothing secret reached a log line.
    const logged = JSON.stringify(server.logs);
    for (const shown of [secret, ...codes]) expect(logged).not.toContain(shown);
  });

  it('stores the secret encrypted under MFA_ENCRYPTION_KEY and bound to its user, the recovery codes only as digests', async () => {
    const carol = await signupWithTotp(server, 'carol@example.com');
    const { mfa } = createMfaRepositories(server.app.database);
    const stored = await mfa.totpOf(carol.id as UserId);
    expect(stored?.secret).toMatch(/^v1\.[A-Za-z0-9_-]{12}\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]+$/);
    expect(stored?.secret).not.toContain(carol.secret);
    const key = loadConfig(testEnv()).mfa.encryptionKey;
    if (!key || !stored?.secret) throw new Error('no key or no secret');
    const box = createSecretBox(key);
    expect(box.open(stored.secret, carol.id)).toBe(carol.secret);
    expect(box.open(stored.secret, admin.id)).toBeUndefined(); // copied onto another user's row, it does not open
    expect(await mfa.recoveryCodesLeft(carol.id as UserId)).toBe(10);
    const dump = JSON.stringify(await mfa.totpOf(carol.id as UserId));
    for (const code of carol.recoveryCodes) expect(dump).not.toContain(code.replace(/-/g, ''));
  });

  it('lets only the user themself and an ADMIN read mfaEnabled', async () => {
    const dave = await signupWithTotp(server, 'dave@example.com');
    const eve = await signup(server, 'eve@example.com');
    expect((await mfaEnabled(admin.accessToken, dave.id)).data).toEqual({ user: { mfaEnabled: true } });
    expect(codeOf({ body: await mfaEnabled(eve.accessToken, dave.id) })).toBe('FORBIDDEN');
    const page = await mutate(admin.accessToken, '{ users(first: 100) { edges { node { email mfaEnabled } } } }');
    const flags = Object.fromEntries((page.body.data?.['users'] as { edges: Array<{ node: { email: string; mfaEnabled: boolean } }> }).edges.map((e) => [e.node.email, e.node.mfaEnabled]));
    expect(flags).toMatchObject({ 'dave@example.com': true, 'eve@example.com': false, 'admin@example.com': false });
  });

  it('keeps the TOTP in force while a new enrolment is pending, and switches when it is confirmed', async () => {
    const frank = await signupWithTotp(server, 'frank@example.com');
    const { secret: next } = (await enroll(frank.accessToken)).body.data?.['enrollTotp'] as { secret: string };
    const oldCode = totpCode(server, frank.secret);
    const signedIn = await verifyMfaFrom(server, '192.0.2.2', mfaTokenOf(await loginFrom(server, '192.0.2.2', frank.email)), oldCode);
    expect(signedIn.body.errors).toBeUndefined();
    server.clock.advance(stepMs);
    const confirmed = await confirm(frank.accessToken, totpCode(server, next));
    expect(confirmed.body.errors).toBeUndefined();
    server.clock.advance(stepMs);
    const token = mfaTokenOf(await loginFrom(server, '192.0.2.2', frank.email));
    expect(codeOf(await verifyMfaFrom(server, '192.0.2.2', token, totpCode(server, frank.secret)))).toBe('UNAUTHENTICATED');
    expect((await verifyMfaFrom(server, '192.0.2.2', token, totpCode(server, next))).body.errors).toBeUndefined();
    expect(auditEvents(server, 'mfa.totp_enabled').at(-1)).toMatchObject({ subjectId: frank.id, replaced: true });
  });

  it('turns off only with a right code, after which the password is enough', async () => {
    const grace = await signupWithTotp(server, 'grace@example.com');
    const disable = (code: string) => mutate(grace.accessToken, 'mutation($c: String!) { disableTotp(code: $c) }', { c: code });
    expect((await disable('000000')).body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'code' });
    expect((await disable('12345')).body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'code' });
    const code = totpCode(server, grace.secret);
    expect((await disable(code)).body.data).toEqual({ disableTotp: true });
    expect((await disable(code)).body.errors?.[0]?.message).toBe('Two-step sign-in is not on');
    expect((await login(server, grace.email)).accessToken).toMatch(/^ey/);
    expect(auditEvents(server, 'mfa.totp_disabled').at(-1)).toMatchObject({ actorId: grace.id, with: 'totp' });
    expect(auditEvents(server, 'mfa.code_failed').filter((e) => e['subjectId'] === grace.id).map((e) => [e['purpose'], e['reason']])).toEqual([['disable', 'wrong_code']]);
  });

  it('gives new recovery codes on demand; the old ones stop working', async () => {
    const heidi = await signupWithTotp(server, 'heidi@example.com');
    const renewed = await mutate(heidi.accessToken, 'mutation { regenerateRecoveryCodes { codes } }');
    const codes = (renewed.body.data?.['regenerateRecoveryCodes'] as { codes: string[] }).codes;
    expect(codes).toHaveLength(10);
    expect(codes.some((c) => heidi.recoveryCodes.includes(c))).toBe(false);
    const token = mfaTokenOf(await loginFrom(server, '192.0.2.3', heidi.email));
    expect(codeOf(await verifyMfaFrom(server, '192.0.2.3', token, heidi.recoveryCodes[0] ?? ''))).toBe('UNAUTHENTICATED');
    expect((await verifyMfaFrom(server, '192.0.2.3', token, codes[0] ?? '')).body.errors).toBeUndefined();
    expect(auditEvents(server, 'mfa.recovery_codes_regenerated').at(-1)).toMatchObject({ subjectId: heidi.id, recoveryCodes: 10 });
    const plain = await signup(server, 'ivan@example.com');
    expect(codeOf(await mutate(plain.accessToken, 'mutation { regenerateRecoveryCodes { codes } }'))).toBe('FORBIDDEN');
  });

  it('lets an ADMIN reset a user who lost their device, and audits it', async () => {
    const judy = await signupWithTotp(server, 'judy@example.com');
    const reset = (token: string, id: string) => mutate(token, 'mutation($id: ID!) { resetUserMfa(id: $id) }', { id });
    expect(codeOf(await reset(judy.accessToken, judy.id))).toBe('FORBIDDEN');
    expect((await reset(admin.accessToken, 'nope')).body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
    expect((await reset(admin.accessToken, judy.id)).body.data).toEqual({ resetUserMfa: true });
    expect((await mfaEnabled(admin.accessToken, judy.id)).data).toEqual({ user: { mfaEnabled: false } });
    expect((await login(server, judy.email)).accessToken).toMatch(/^ey/);
    expect(auditEvents(server, 'mfa.reset').at(-1)).toMatchObject({ actorId: admin.id, subjectId: judy.id, totp: true });
  });

  it('refuses every TOTP field without a token', async () => {
    for (const query of ['mutation { enrollTotp { secret } }', 'mutation { confirmTotp(code: "123456") { codes } }', 'mutation { disableTotp(code: "123456") }', 'mutation { regenerateRecoveryCodes { codes } }']) {
      expect(codeOf(await server.graphql(query))).toBe('UNAUTHENTICATED');
    }
  });
});
