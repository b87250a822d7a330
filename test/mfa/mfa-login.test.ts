// Signing in with a second factor through the real server (issue 17): a
// right password gives MFA_REQUIRED and an mfaToken instead of tokens, a
// wrong one the plain UNAUTHENTICATED; verifyMfa takes a TOTP code (once) or
// a recovery code (once); the mfaToken lasts five minutes and five codes, is
// used once, and is no access or refresh token; wrong codes meet the login
// throttle; a known device still owes the second factor.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codeOf, defaultPassword, refresh, signup } from '../helpers/accounts.js';
import { attemptsLeftOf, loginFrom, mfaTokenOf, signupWithTotp, stepMs, totpCode, verifyMfaFrom } from '../helpers/mfa.js';
import { auditEvents, meStatus } from '../helpers/session-queries.js';
import { startTestServer, type TestServer } from '../helpers/start-test-server.js';

describe('signing in with a second factor', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ env: { TRUST_PROXY: '1', RATE_LIMIT_SIGNUP: 'off', LOGIN_UNTRUSTED_MAX: '0' } });
  });
  afterAll(() => server.close());

  it('answers a wrong password exactly as for an account without MFA', async () => {
    await signupWithTotp(server, 'mfa-wrong@example.com');
    await signup(server, 'plain-wrong@example.com');
    const withMfa = await loginFrom(server, '192.0.2.10', 'mfa-wrong@example.com', 'not the password');
    const without = await loginFrom(server, '192.0.2.10', 'plain-wrong@example.com', 'not the password');
    expect(withMfa.body).toEqual(without.body);
    expect(withMfa.body.errors?.[0]?.extensions).toEqual({ code: 'UNAUTHENTICATED' });
  });

  it('gives MFA_REQUIRED with an mfaToken for a right password, and verifyMfa starts the session', async () => {
    const alice = await signupWithTotp(server, 'alice@example.com');
    const first = await loginFrom(server, '192.0.2.11', alice.email);
    expect(first.status).toBe(200);
    expect(first.body.data).toBeNull();
    expect(first.body.errors?.[0]).toMatchObject({ path: ['login'], extensions: { code: 'MFA_REQUIRED', expiresIn: 300 } });
    const mfaToken = mfaTokenOf(first);
    const signedIn = await verifyMfaFrom(server, '192.0.2.11', mfaToken, totpCode(server, alice.secret));
    expect(signedIn.body.errors).toBeUndefined();
    const payload = signedIn.body.data?.['verifyMfa'] as { accessToken: string; refreshToken: string; deviceToken: string; user: { email: string } };
    expect(payload.user.email).toBe(alice.email);
    expect(payload.deviceToken).toMatch(/^dt_/);
    expect(await meStatus(server, payload.accessToken)).toBe(200);
    expect(codeOf(await refresh(server, payload.refreshToken))).toBeUndefined();
    expect(auditEvents(server, 'login.mfa_required').at(-1)).toMatchObject({ subjectId: alice.id, trustedDevice: false });
    expect(auditEvents(server, 'login.success').at(-1)).toMatchObject({ subjectId: alice.id, method: 'totp' });
    // Used once: the same mfaToken signs nobody in again.
    server.clock.advance(stepMs);
    const again = await verifyMfaFrom(server, '192.0.2.11', mfaToken, totpCode(server, alice.secret));
    expect(again.body.errors?.[0]?.extensions).toEqual({ code: 'UNAUTHENTICATED', attemptsLeft: 0 });
    expect(JSON.stringify(server.logs)).not.toContain(mfaToken);
  });

  it('accepts a TOTP code once: the same code on a new sign-in is refused', async () => {
    const bob = await signupWithTotp(server, 'bob@example.com');
    const code = totpCode(server, bob.secret);
    expect((await verifyMfaFrom(server, '192.0.2.12', mfaTokenOf(await loginFrom(server, '192.0.2.12', bob.email)), code)).body.errors).toBeUndefined();
    const replayed = await verifyMfaFrom(server, '192.0.2.12', mfaTokenOf(await loginFrom(server, '192.0.2.12', bob.email)), code);
    expect(replayed.body.errors?.[0]).toMatchObject({ message: 'That code was used already: wait for the next one', extensions: { code: 'UNAUTHENTICATED', attemptsLeft: 4 } });
    expect(auditEvents(server, 'mfa.code_failed').at(-1)).toMatchObject({ subjectId: bob.id, purpose: 'login', kind: 'totp', reason: 'replayed_code' });
    // A code of the step before the last one used is refused too, though still inside the ±1 window.
    server.clock.advance(stepMs);
    const token = mfaTokenOf(await loginFrom(server, '192.0.2.12', bob.email));
    expect(codeOf(await verifyMfaFrom(server, '192.0.2.12', token, totpCode(server, bob.secret, -2 * stepMs)))).toBe('UNAUTHENTICATED');
    expect((await verifyMfaFrom(server, '192.0.2.12', token, totpCode(server, bob.secret))).body.errors).toBeUndefined();
  });

  it('accepts the codes of the step either side, for clock drift, and no further', async () => {
    const drift = await signupWithTotp(server, 'drift@example.com');
    const token = mfaTokenOf(await loginFrom(server, '192.0.2.13', drift.email));
    expect(codeOf(await verifyMfaFrom(server, '192.0.2.13', token, totpCode(server, drift.secret, 2 * stepMs)))).toBe('UNAUTHENTICATED');
    expect((await verifyMfaFrom(server, '192.0.2.13', token, totpCode(server, drift.secret, stepMs))).body.errors).toBeUndefined();
  });

  it('signs in with a recovery code, once each, whatever its case and dashes', async () => {
    const carol = await signupWithTotp(server, 'carol@example.com');
    const [code] = carol.recoveryCodes;
    if (code === undefined) throw new Error('no recovery code');
    const typed = code.toLowerCase().replace(/-/g, ' ');
    const signedIn = await verifyMfaFrom(server, '192.0.2.14', mfaTokenOf(await loginFrom(server, '192.0.2.14', carol.email)), typed);
    expect(signedIn.body.errors).toBeUndefined();
    expect(auditEvents(server, 'mfa.recovery_code_used').at(-1)).toMatchObject({ subjectId: carol.id, purpose: 'login', remaining: 9 });
    expect(auditEvents(server, 'login.success').at(-1)).toMatchObject({ subjectId: carol.id, method: 'recovery_code' });
    const reused = await verifyMfaFrom(server, '192.0.2.14', mfaTokenOf(await loginFrom(server, '192.0.2.14', carol.email)), code);
    expect(reused.body.errors?.[0]?.extensions).toEqual({ code: 'UNAUTHENTICATED', attemptsLeft: 4 });
  });

  it('ends the mfaToken after five minutes', async () => {
    const dave = await signupWithTotp(server, 'dave@example.com');
    const token = mfaTokenOf(await loginFrom(server, '192.0.2.15', dave.email));
    server.clock.advance(5 * 60_000);
    expect(attemptsLeftOf(await verifyMfaFrom(server, '192.0.2.15', token, totpCode(server, dave.secret)))).toBe(0);
  });

  it('ends the mfaToken at the fifth wrong code: even the right code is refused after', async () => {
    const eve = await signupWithTotp(server, 'eve@example.com');
    const token = mfaTokenOf(await loginFrom(server, '192.0.2.16', eve.email));
    const wrong = totpCode(server, eve.secret, 10 * stepMs);
    const answers = [];
    for (let i = 0; i < 5; i += 1) answers.push(attemptsLeftOf(await verifyMfaFrom(server, '192.0.2.16', token, wrong)));
    expect(answers).toEqual([4, 3, 2, 1, 0]);
    expect(attemptsLeftOf(await verifyMfaFrom(server, '192.0.2.16', token, totpCode(server, eve.secret)))).toBe(0);
    expect(auditEvents(server, 'mfa.token_rejected').filter((e) => e['subjectId'] === eve.id).map((e) => e['reason'])).toEqual(['too_many_wrong_codes']);
    expect(auditEvents(server, 'mfa.code_failed').filter((e) => e['subjectId'] === eve.id)).toHaveLength(5);
  });

  it('refuses a code that cannot be one without spending an attempt', async () => {
    const frank = await signupWithTotp(server, 'frank@example.com');
    const token = mfaTokenOf(await loginFrom(server, '192.0.2.17', frank.email));
    for (const code of ['', '12345', '1234567', 'abcdef', 'x'.repeat(10_000)]) {
      expect((await verifyMfaFrom(server, '192.0.2.17', token, code)).body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'code' });
    }
    expect(attemptsLeftOf(await verifyMfaFrom(server, '192.0.2.17', token, '000000'))).toBe(4);
  });

  it('keeps the mfaToken apart from access and refresh tokens, both ways', async () => {
    const grace = await signupWithTotp(server, 'grace@example.com');
    const token = mfaTokenOf(await loginFrom(server, '192.0.2.18', grace.email));
    expect(await meStatus(server, token)).toBe(401);
    expect(codeOf(await refresh(server, token))).toBe('UNAUTHENTICATED');
    for (const other of [grace.accessToken, grace.refreshToken, `mfa_${'A'.repeat(43)}`]) {
      expect(attemptsLeftOf(await verifyMfaFrom(server, '192.0.2.18', other, totpCode(server, grace.secret)))).toBe(0);
    }
    // After all that, the real one still works: none of it counted against it.
    expect((await verifyMfaFrom(server, '192.0.2.18', token, totpCode(server, grace.secret))).body.errors).toBeUndefined();
  });

  it('still asks a known device for the second factor, and gives its device token nothing new', async () => {
    const heidi = await signupWithTotp(server, 'heidi@example.com');
    const first = await verifyMfaFrom(server, '192.0.2.19', mfaTokenOf(await loginFrom(server, '192.0.2.19', heidi.email)), totpCode(server, heidi.secret));
    const device = (first.body.data?.['verifyMfa'] as { deviceToken: string }).deviceToken;
    server.clock.advance(stepMs);
    const known = await loginFrom(server, '192.0.2.19', heidi.email, defaultPassword, device);
    const token = mfaTokenOf(known);
    expect(auditEvents(server, 'login.mfa_required').at(-1)).toMatchObject({ subjectId: heidi.id, trustedDevice: true });
    const second = await verifyMfaFrom(server, '192.0.2.19', token, totpCode(server, heidi.secret));
    expect(second.body.data?.['verifyMfa']).toMatchObject({ deviceToken: null });
    expect(auditEvents(server, 'login.success').at(-1)).toMatchObject({ subjectId: heidi.id, trustedDevice: true, method: 'totp' });
  });

  it('counts wrong codes in the sign-in lockout: five failures lock the client, right password or not', async () => {
    const ivan = await signupWithTotp(server, 'ivan@example.com');
    const wrong = totpCode(server, ivan.secret, 10 * stepMs);
    const token = mfaTokenOf(await loginFrom(server, '192.0.2.20', ivan.email));
    for (let i = 0; i < 4; i += 1) expect(codeOf(await verifyMfaFrom(server, '192.0.2.20', token, wrong))).toBe('UNAUTHENTICATED');
    expect(codeOf(await loginFrom(server, '192.0.2.20', ivan.email, 'wrong password'))).toBe('UNAUTHENTICATED'); // the fifth failure
    expect(auditEvents(server, 'login.lockout_started').at(-1)).toMatchObject({ subjectId: ivan.id, failures: 5 });
    expect(codeOf(await loginFrom(server, '192.0.2.20', ivan.email))).toBe('RATE_LIMITED');
    expect(codeOf(await verifyMfaFrom(server, '192.0.2.20', token, totpCode(server, ivan.secret)))).toBe('RATE_LIMITED');
    // Another client of the same account is not locked by it.
    expect(mfaTokenOf(await loginFrom(server, '198.51.100.20', ivan.email))).toMatch(/^mfa_/);
  });

  it('voids a pending sign-in when the password changes meanwhile', async () => {
    const judy = await signupWithTotp(server, 'judy@example.com');
    const token = mfaTokenOf(await loginFrom(server, '192.0.2.21', judy.email));
    const changed = await server.graphql('mutation { changePassword(currentPassword: "correct horse battery", newPassword: "a new long password") }', { token: judy.accessToken });
    expect(changed.body.data).toEqual({ changePassword: true });
    expect(codeOf(await verifyMfaFrom(server, '192.0.2.21', token, totpCode(server, judy.secret)))).toBe('UNAUTHENTICATED');
    expect(auditEvents(server, 'login.failure').at(-1)).toMatchObject({ subjectId: judy.id, reason: 'password_changed_during_login' });
  });
});

describe('the account-wide limit on untrusted sign-ins counts wrong codes', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ env: { TRUST_PROXY: '1', LOGIN_UNTRUSTED_MAX: '3' } });
  });
  afterAll(() => server.close());

  it('lets a right password through without counting it, then refuses once wrong codes from any address reach the limit', async () => {
    const kim = await signupWithTotp(server, 'kim@example.com');
    const wrong = totpCode(server, kim.secret, 10 * stepMs);
    for (const ip of ['203.0.113.1', '203.0.113.2', '203.0.113.3']) {
      const token = mfaTokenOf(await loginFrom(server, ip, kim.email)); // right password: not counted
      expect(attemptsLeftOf(await verifyMfaFrom(server, ip, token, wrong))).toBe(4);
    }
    const refused = await loginFrom(server, '203.0.113.4', kim.email);
    expect(codeOf(refused)).toBe('RATE_LIMITED');
    expect(auditEvents(server, 'login.account_limit_refused')).toHaveLength(1);
  });
});
