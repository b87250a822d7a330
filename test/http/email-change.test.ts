// Email change end to end, over a real SMTP server: asked for with the
// password, proven by the link mailed to the new address, announced to the
// old one; the new address must still be free when the link is opened. And
// the notices sent when a password changes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codeOf, fieldOf, defaultPassword, signup, type SignedIn } from '../helpers/accounts.js';
import { signupWithTotp, totpCode } from '../helpers/mfa.js';
import { auditEvents } from '../helpers/session-queries.js';
import { startTestServer, type GraphqlResult, type TestServer } from '../helpers/start-test-server.js';
import { startTestSmtpServer, tokenFrom, type TestSmtpServer } from '../helpers/test-smtp-server.js';

const appUrl = 'https://app.example.test';

describe('email change over real mail', () => {
  let smtp: TestSmtpServer;
  let server: TestServer;
  beforeAll(async () => {
    smtp = await startTestSmtpServer();
    server = await startTestServer({ env: { SMTP_URL: smtp.url, MAIL_FROM: 'no-reply@example.test', APP_URL: appUrl } });
  });
  afterAll(async () => {
    await server?.close();
    await smtp?.close();
  });

  const requestChange = (user: SignedIn, newEmail: string, currentPassword = defaultPassword) =>
    server.graphql('mutation($e: String!, $p: String!) { requestEmailChange(newEmail: $e, currentPassword: $p) }', { token: user.accessToken, variables: { e: newEmail, p: currentPassword } });
  const confirm = (token: string) => server.graphql('mutation($t: String!) { confirmEmailChange(token: $t) { id } }', { variables: { t: token } });
  const me = async (user: SignedIn) => (await server.graphql('{ me { email emailVerified } }', { token: user.accessToken })).body.data?.['me'];
  const loginWorks = async (email: string) => (await server.graphql('mutation($e: String!) { login(email: $e, password: "correct horse battery") { accessToken } }', { variables: { e: email } })).body.errors === undefined;
  const confirmationTo = async (email: string) => tokenFrom(await smtp.nextMail(email, (m) => m.subject === 'Confirm your new email address'), 'confirm-email-change');

  it('moves the account to the new address once its link is opened, telling the old address at both steps', async () => {
    const user = await signup(server, 'before@example.com');
    expect(await me(user)).toEqual({ email: 'before@example.com', emailVerified: false }); // cached
    expect((await requestChange(user, ' After@Example.com ')).body.data).toEqual({ requestEmailChange: true });
    const notice = await smtp.nextMail('before@example.com', (m) => m.subject === 'Your email address is about to change');
    expect(notice.text).toContain('from before@example.com to after@example.com');
    const mail = await smtp.nextMail('after@example.com', (m) => m.subject === 'Confirm your new email address');
    expect(mail.text).toContain(`${appUrl}/confirm-email-change?token=ec_`);
    // Nothing has changed yet.
    expect(await me(user)).toEqual({ email: 'before@example.com', emailVerified: false });
    expect(await loginWorks('after@example.com')).toBe(false);

    const token = tokenFrom(mail, 'confirm-email-change');
    expect((await confirm(token)).body).toEqual({ data: { confirmEmailChange: { id: user.id } } });
    expect(await me(user)).toEqual({ email: 'after@example.com', emailVerified: true });
    expect(await loginWorks('after@example.com')).toBe(true);
    expect(await loginWorks('before@example.com')).toBe(false);
    const changed = await smtp.nextMail('before@example.com', (m) => m.subject === 'Your email address was changed');
    expect(changed.text).toContain('from before@example.com to after@example.com');
    expect(fieldOf(await confirm(token))).toBe('token');
    expect(auditEvents(server, 'email.changed').map((e) => e['subjectId'])).toContain(user.id);
  });

  it('voids links mailed to the old address once the account has moved', async () => {
    const user = await signup(server, 'mover@example.com');
    const verification = tokenFrom(await smtp.nextMail('mover@example.com', (m) => m.subject === 'Confirm your email address'), 'verify-email');
    await server.graphql('mutation { requestPasswordReset(email: "mover@example.com") }');
    const reset = tokenFrom(await smtp.nextMail('mover@example.com', (m) => m.subject === 'Reset your password'), 'reset-password');
    await requestChange(user, 'moved@example.com');
    await confirm(await confirmationTo('moved@example.com'));
    expect(fieldOf(await server.graphql('mutation($t: String!) { verifyEmail(token: $t) { id } }', { variables: { t: verification } }))).toBe('token');
    expect(fieldOf(await server.graphql('mutation($t: String!) { resetPassword(token: $t, newPassword: "taken over now") }', { variables: { t: reset } }))).toBe('token');
    expect(await loginWorks('moved@example.com')).toBe(true);
  });

  it('refuses when the new address was taken before the link was opened, changing nothing', async () => {
    const user = await signup(server, 'slow@example.com');
    await requestChange(user, 'contested@example.com');
    const token = await confirmationTo('contested@example.com');
    await signup(server, 'contested@example.com');
    const refused = await confirm(token);
    expect(codeOf(refused)).toBe('BAD_USER_INPUT');
    expect(fieldOf(refused)).toBe('token');
    expect(await me(user)).toEqual({ email: 'slow@example.com', emailVerified: false });
  });

  it('refuses a wrong password, a bad, taken or unchanged address, each on its argument, sending nothing', async () => {
    const user = await signup(server, 'careful@example.com');
    await signup(server, 'other@example.com');
    const cases: Array<[GraphqlResult, string]> = [
      [await requestChange(user, 'new-careful@example.com', 'not my password'), 'currentPassword'],
      [await requestChange(user, 'not an address'), 'newEmail'],
      [await requestChange(user, 'OTHER@example.com'), 'newEmail'],
      [await requestChange(user, 'careful@example.com'), 'newEmail'],
    ];
    for (const [result, field] of cases) {
      expect(codeOf(result)).toBe('BAD_USER_INPUT');
      expect(fieldOf(result)).toBe(field);
    }
    // A wrong password says nothing about whether an address is taken.
    expect((await requestChange(user, 'other@example.com', 'not my password')).body.errors?.[0]?.extensions?.['field']).toBe('currentPassword');
    await server.app.mailQueueIdle();
    expect(smtp.mailsTo('new-careful@example.com')).toEqual([]);
    expect(smtp.mailsTo('careful@example.com').map((m) => m.subject)).toEqual(['Confirm your email address']);
    expect(codeOf(await server.graphql('mutation { requestEmailChange(newEmail: "x@example.com", currentPassword: "whatever1") }'))).toBe('UNAUTHENTICATED');
  });

  // The address is how the account is recovered: moving it is a credential
  // change like changePassword. With TOTP on, a stolen access token and a
  // phished password must not move it (and with it every later reset link)
  // without the code.
  it('wants a proof at most 5 minutes old, so with TOTP on the password alone cannot move the account', async () => {
    const user = await signupWithTotp(server, 'guarded@example.com');
    server.clock.advance(6 * 60_000);
    const refused = await requestChange(user, 'thief@example.com');
    expect(refused.body.errors?.[0]?.extensions).toEqual({ code: 'REAUTHENTICATION_REQUIRED', maxAge: 300 });
    const proven = await server.graphql('mutation($c: String!) { reauthenticate(code: $c) { accessToken } }', { token: user.accessToken, variables: { c: totpCode(server, user.secret) } });
    const { accessToken } = proven.body.data?.['reauthenticate'] as { accessToken: string };
    expect((await requestChange({ ...user, accessToken }, 'guarded.new@example.com')).body.data).toEqual({ requestEmailChange: true });
    await server.app.mailQueueIdle();
    expect(smtp.mailsTo('thief@example.com')).toEqual([]);
    expect(smtp.mailsTo('guarded.new@example.com').map((m) => m.subject)).toEqual(['Confirm your new email address']);
  });

  it('mails a notice when the password is changed', async () => {
    const user = await signup(server, 'changer@example.com');
    const result = await server.graphql('mutation { changePassword(currentPassword: "correct horse battery", newPassword: "a brand new password") }', { token: user.accessToken, headers: { 'user-agent': 'Notice test/1.0' } });
    expect(result.body.data).toEqual({ changePassword: true });
    const notice = await smtp.nextMail('changer@example.com', (m) => m.subject === 'Your password was changed');
    expect(notice.text).toContain('was changed on');
    expect(notice.text).toContain('(Notice test/1.0)');
    expect(notice.text).toContain('Every other session of the account was signed out.');
  });
});

describe('email change with EMAIL_UTF8_LOCAL_PARTS', () => {
  let smtp: TestSmtpServer;
  let server: TestServer;
  beforeAll(async () => {
    smtp = await startTestSmtpServer();
    server = await startTestServer({ env: { SMTP_URL: smtp.url, MAIL_FROM: 'no-reply@example.test', APP_URL: appUrl, EMAIL_UTF8_LOCAL_PARTS: 'true' } });
  });
  afterAll(async () => {
    await server?.close();
    await smtp?.close();
  });

  it('refuses an address that looks like a taken one, when asked and when the link is opened', async () => {
    await signup(server, 'admin@example.com');
    const user = await signup(server, 'someone@example.com');
    const change = (newEmail: string) =>
      server.graphql('mutation($e: String!) { requestEmailChange(newEmail: $e, currentPassword: "correct horse battery") }', { token: user.accessToken, variables: { e: newEmail } });
    // Cyrillic а in place of the Latin a.
    const lookAlike = await change('\u0430dmin@example.com');
    expect(codeOf(lookAlike)).toBe('BAD_USER_INPUT');
    expect(fieldOf(lookAlike)).toBe('newEmail');
    // Free when asked; a look-alike (1 for l) is registered before the link is opened.
    expect((await change('bobl@example.com')).body.data).toEqual({ requestEmailChange: true });
    const token = tokenFrom(await smtp.nextMail('bobl@example.com', (m) => m.subject === 'Confirm your new email address'), 'confirm-email-change');
    await signup(server, 'bob1@example.com');
    const refused = await server.graphql('mutation($t: String!) { confirmEmailChange(token: $t) { id } }', { variables: { t: token } });
    expect(fieldOf(refused)).toBe('token');
    expect((await server.graphql('{ me { email } }', { token: user.accessToken })).body.data).toEqual({ me: { email: 'someone@example.com' } });
  });
});
