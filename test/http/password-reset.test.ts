// Password reset end to end, over a real SMTP server: the link in the mail
// sets a new password once, ends every session and device at once, and a
// known address cannot be told from an unknown one.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codeOf, fieldOf, defaultPassword, refresh, signup } from '../helpers/accounts.js';
import { createApiKey } from '../helpers/api-keys.js';
import { auditEvents, meStatus } from '../helpers/session-queries.js';
import { SoftAuthenticator, type CreationOptions, type RequestOptions } from '../helpers/soft-authenticator.js';
import { startTestServer, type TestServer } from '../helpers/start-test-server.js';
import { smtpPassword, startTestSmtpServer, tokenFrom, type TestSmtpServer } from '../helpers/test-smtp-server.js';

const appUrl = 'https://app.example.test';
const newPassword = 'a whole new password';
const loginMutation = 'mutation($e: String!, $p: String!, $d: String) { login(email: $e, password: $p, deviceToken: $d) { accessToken refreshToken deviceToken } }';

describe('password reset over real mail', () => {
  let smtp: TestSmtpServer;
  let server: TestServer;
  let ip = 0;
  // Each request from an address of its own, so the per-IP limits never meet the other tests.
  const nextIp = () => `198.51.100.${++ip}`;

  beforeAll(async () => {
    smtp = await startTestSmtpServer();
    server = await startTestServer({ env: { SMTP_URL: smtp.url, MAIL_FROM: 'Example <no-reply@example.test>', APP_URL: appUrl, TRUST_PROXY: '1' } });
  });
  afterAll(async () => {
    await server?.close();
    await smtp?.close();
  });

  const requestReset = (email: string, from = nextIp()) =>
    server.graphql('mutation($e: String!) { requestPasswordReset(email: $e) }', { variables: { e: email }, headers: { 'x-forwarded-for': from } });
  const resetPassword = (token: string, password = newPassword) =>
    server.graphql('mutation($t: String!, $p: String!) { resetPassword(token: $t, newPassword: $p) }', { variables: { t: token, p: password }, headers: { 'x-forwarded-for': nextIp() } });
  const login = (email: string, password: string, deviceToken: string | null = null) =>
    server.graphql(loginMutation, { variables: { e: email, p: password, d: deviceToken }, headers: { 'x-forwarded-for': nextIp() } });
  const resetMail = (email: string) => smtp.nextMail(email, (m) => m.subject === 'Reset your password');

  it('mails a link that sets a new password, ends every session and device at once, and sends a notice', async () => {
    const email = 'forgetful@example.com';
    const first = await signup(server, email);
    const laptop = await login(email, defaultPassword);
    const { accessToken, refreshToken, deviceToken } = laptop.body.data?.['login'] as { accessToken: string; refreshToken: string; deviceToken: string };
    expect(await meStatus(server, accessToken)).toBe(200); // cached as live before the reset

    expect((await requestReset(email)).body).toEqual({ data: { requestPasswordReset: true } });
    const mail = await resetMail(email);
    expect(mail.from).toBe('"Example" <no-reply@example.test>');
    expect(mail.text).toContain(`${appUrl}/reset-password?token=pr_`);
    expect(mail.text).toContain('30 minutes');
    expect(mail.html).toContain(`href="${appUrl}/reset-password?token=${tokenFrom(mail, 'reset-password')}"`);

    expect((await resetPassword(tokenFrom(mail, 'reset-password'))).body).toEqual({ data: { resetPassword: true } });
    // Every session is over at once, access tokens included, on every path.
    for (const session of [first, { accessToken, refreshToken }]) {
      expect(await meStatus(server, session.accessToken)).toBe(401);
      expect(codeOf(await refresh(server, session.refreshToken))).toBe('UNAUTHENTICATED');
    }
    expect(codeOf(await login(email, defaultPassword))).toBe('UNAUTHENTICATED');
    const fresh = await login(email, newPassword, deviceToken);
    expect(fresh.body.errors).toBeUndefined();
    // The device token no longer marks a known device: a new one is issued.
    expect((fresh.body.data?.['login'] as { deviceToken: string }).deviceToken).not.toBe(deviceToken);
    expect(auditEvents(server, 'password.reset').at(-1)).toMatchObject({ subjectId: first.id, sessionsEnded: 2, devicesForgotten: 2 });

    const notice = await smtp.nextMail(email, (m) => m.subject === 'Your password was changed');
    expect(notice.text).toContain('reset with a link sent to this address');
    expect(notice.text).toContain('Every session of the account was signed out, and its passkeys and API keys were removed.');
  });

  // Account pre-hijacking (and a thief who knew the password): whoever held the
  // account before the reset may have left a passkey or an API key behind, each
  // a way back in that no session check sees. The reset takes both away.
  it('revokes every API key and removes every passkey, so whoever held the account before keeps no way in', async () => {
    const email = 'squatted@example.com';
    const squatter = await signup(server, email, 'the squatter password');
    const { key } = await createApiKey(server, squatter.accessToken, ['profile:read', 'notes:read']);
    const authenticator = new SoftAuthenticator();
    const options = await server.graphql('mutation { startPasskeyRegistration }', { token: squatter.accessToken });
    const registered = await server.graphql('mutation($r: JSON!) { finishPasskeyRegistration(response: $r) { id } }', {
      token: squatter.accessToken,
      variables: { r: authenticator.register(options.body.data?.['startPasskeyRegistration'] as CreationOptions, { origin: appUrl }) },
    });
    expect(registered.body.errors).toBeUndefined();

    // The owner of the address gets the account back through "Forgot password?".
    await requestReset(email);
    expect((await resetPassword(tokenFrom(await resetMail(email), 'reset-password'))).body).toEqual({ data: { resetPassword: true } });

    expect((await server.graphql('{ me { id } }', { token: key })).status).toBe(401);
    const challenge = await server.graphql('mutation { startPasskeyLogin { challengeId options } }');
    const { challengeId, options: requestOptions } = challenge.body.data?.['startPasskeyLogin'] as { challengeId: string; options: RequestOptions };
    const passkeyLogin = await server.graphql('mutation($c: ID!, $r: JSON!) { finishPasskeyLogin(challengeId: $c, response: $r) { accessToken } }', {
      variables: { c: challengeId, r: authenticator.authenticate(requestOptions, { origin: appUrl }) },
    });
    expect(codeOf(passkeyLogin)).toBe('UNAUTHENTICATED');
    expect(auditEvents(server, 'password.reset').at(-1)).toMatchObject({ subjectId: squatter.id, apiKeysRevoked: 1, passkeysRemoved: 1 });
    const notice = await smtp.nextMail(email, (m) => m.subject === 'Your password was changed');
    expect(notice.text).toContain('its passkeys and API keys were removed');
  });

  it('refuses a link used once, one that expired, and a made-up one, with one message, changing nothing', async () => {
    const email = 'once@example.com';
    await signup(server, email);
    await requestReset(email);
    const used = tokenFrom(await resetMail(email), 'reset-password');
    expect((await resetPassword(used)).body.data).toEqual({ resetPassword: true });
    const again = await resetPassword(used, 'yet another password');

    await requestReset(email);
    const expiring = tokenFrom(await resetMail(email), 'reset-password');
    server.clock.advance(30 * 60_000 + 1);
    const expired = await resetPassword(expiring, 'yet another password');

    const madeUp = await resetPassword(`pr_${'A'.repeat(43)}`, 'yet another password');
    const malformed = await resetPassword('not a token at all', 'yet another password');
    const otherKind = await resetPassword(`ev_${'A'.repeat(43)}`, 'yet another password');
    const refusals = [again, expired, madeUp, malformed, otherKind];
    for (const refused of refusals) {
      expect(codeOf(refused)).toBe('BAD_USER_INPUT');
      expect(fieldOf(refused)).toBe('token');
    }
    expect(new Set(refusals.map((r) => r.body.errors?.[0]?.message)).size).toBe(1);
    // The password is still the one the first link set.
    expect((await login(email, newPassword)).body.errors).toBeUndefined();
    expect(codeOf(await login(email, 'yet another password'))).toBe('UNAUTHENTICATED');
  });

  it('lets only the newest link work', async () => {
    const email = 'twice@example.com';
    await signup(server, email);
    await requestReset(email);
    const older = tokenFrom(await resetMail(email), 'reset-password');
    await requestReset(email);
    const newer = tokenFrom(await resetMail(email), 'reset-password');
    expect(newer).not.toBe(older);
    expect(fieldOf(await resetPassword(older))).toBe('token');
    expect((await resetPassword(newer)).body.data).toEqual({ resetPassword: true });
  });

  it('refuses a new password outside the policy on newPassword and keeps the link usable', async () => {
    const email = 'policy@example.com';
    await signup(server, email);
    await requestReset(email);
    const token = tokenFrom(await resetMail(email), 'reset-password');
    const short = await resetPassword(token, 'short');
    expect(codeOf(short)).toBe('BAD_USER_INPUT');
    expect(fieldOf(short)).toBe('newPassword');
    expect((await resetPassword(token)).body.data).toEqual({ resetPassword: true });
  });

  it('answers an unknown address exactly as a known one, and mails nothing to it', async () => {
    await signup(server, 'known@example.com');
    const known = await requestReset('known@example.com');
    const unknown = await requestReset('unknown@example.com');
    expect(unknown.status).toBe(known.status);
    expect(unknown.body).toEqual(known.body);
    await server.app.mailQueueIdle();
    expect(smtp.mailsTo('known@example.com').filter((m) => m.subject === 'Reset your password')).toHaveLength(1);
    expect(smtp.mailsTo('unknown@example.com')).toEqual([]);
    // A malformed address is the caller's mistake either way.
    const malformed = await requestReset('not an address');
    expect(codeOf(malformed)).toBe('BAD_USER_INPUT');
    expect(fieldOf(malformed)).toBe('email');
  });

  it('limits requests per address whatever the client address, and per client address', async () => {
    const email = 'popular@example.com';
    await signup(server, email);
    for (let i = 0; i < 3; i += 1) expect((await requestReset(email)).body.data).toEqual({ requestPasswordReset: true });
    // A fourth, from yet another address and spelled differently, is over the address's budget.
    const over = await requestReset(' Popular@Example.com ');
    expect(codeOf(over)).toBe('RATE_LIMITED');
    expect(over.status).toBe(429);
    await server.app.mailQueueIdle();
    expect(smtp.mailsTo(email).filter((m) => m.subject === 'Reset your password')).toHaveLength(3);
    // One client address asking for many addresses meets its own limit.
    const from = nextIp();
    const answers = [];
    for (let i = 0; i < 11; i += 1) answers.push(codeOf(await requestReset(`someone${i}@example.com`, from)));
    expect(answers.slice(0, 10)).toEqual(Array(10).fill(undefined));
    expect(answers[10]).toBe('RATE_LIMITED');
  });

  it('never writes a reset token, or either password, to the log', async () => {
    await server.app.mailQueueIdle();
    const lines = JSON.stringify(server.logs);
    expect(lines).not.toMatch(/pr_[A-Za-z0-9_-]{43}/);
    expect(lines).not.toContain(newPassword);
    expect(lines).not.toContain(smtpPassword);
  });
});
