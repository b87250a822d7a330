// Email verification end to end, over a real SMTP server: signup mails a
// link, the link verifies the address once, a new link replaces the old,
// @auth(verified: true) refuses until then, and REQUIRE_VERIFIED_EMAIL keeps
// unverified accounts from signing in (saying so only to whoever has the
// password).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codeOf, fieldOf, reasonOf, defaultPassword, signup } from '../helpers/accounts.js';
import { auditEvents } from '../helpers/session-queries.js';
import { startTestServer, type TestServer } from '../helpers/start-test-server.js';
import { startTestSmtpServer, tokenFrom, type TestSmtpServer } from '../helpers/test-smtp-server.js';
import { startTwoInstances, type TwoInstances } from '../helpers/start-two-instances.js';
import { redisAvailable } from '../helpers/test-redis.js';
import { loadTypeDefs } from '../../src/resolvers/build-schema.js';

const appUrl = 'https://app.example.test';
const verifyMutation = 'mutation($t: String!) { verifyEmail(token: $t) { id } }';
// A field only verified callers may use, to watch the rule work.
const verifiedOnly = 'extend type Query { "For verified callers." launchCodes: String @auth(verified: true) }';


describe('email verification over real mail', () => {
  let smtp: TestSmtpServer;
  let server: TestServer;
  beforeAll(async () => {
    smtp = await startTestSmtpServer();
    server = await startTestServer({ env: { SMTP_URL: smtp.url, MAIL_FROM: 'no-reply@example.test', APP_URL: appUrl }, typeDefs: [...loadTypeDefs(), verifiedOnly] });
  });
  afterAll(async () => {
    await server?.close();
    await smtp?.close();
  });

  const verificationMail = (email: string) => smtp.nextMail(email, (m) => m.subject === 'Confirm your email address');
  const verify = (token: string, accessToken?: string) => server.graphql(verifyMutation, { variables: { t: token }, ...(accessToken ? { token: accessToken } : {}) });
  const emailVerified = async (accessToken: string) => (await server.graphql('{ me { emailVerified } }', { token: accessToken })).body.data?.['me'];
  const requestLink = (accessToken: string) => server.graphql('mutation { requestEmailVerification }', { token: accessToken });

  it('mails a link at signup that verifies the address once, seen on the very next request', async () => {
    const user = await signup(server, 'new@example.com');
    expect(await emailVerified(user.accessToken)).toEqual({ emailVerified: false }); // cached as unverified
    const mail = await verificationMail('new@example.com');
    expect(mail.text).toContain(`${appUrl}/verify-email?token=ev_`);
    expect(mail.text).toContain('The link works once, for 1 day.');
    const token = tokenFrom(mail, 'verify-email');
    // Opened in a browser that is not signed in: the link is the proof.
    expect((await verify(token)).body).toEqual({ data: { verifyEmail: { id: user.id } } });
    expect(await emailVerified(user.accessToken)).toEqual({ emailVerified: true });
    const again = await verify(token);
    expect(codeOf(again)).toBe('BAD_USER_INPUT');
    expect(fieldOf(again)).toBe('token');
    expect(auditEvents(server, 'email.verified').filter((e) => e['subjectId'] === user.id)).toHaveLength(1);
  });

  it('gives an anonymous caller only the public fields of the verified user', async () => {
    await signup(server, 'private@example.com');
    const token = tokenFrom(await verificationMail('private@example.com'), 'verify-email');
    const result = await server.graphql('mutation($t: String!) { verifyEmail(token: $t) { id email } }', { variables: { t: token } });
    expect(codeOf(result)).toBe('UNAUTHENTICATED');
    expect(result.body.errors?.[0]?.path).toEqual(['verifyEmail', 'email']);
    expect(result.body.data).toBeNull();
  });

  it('sends a new link on request that replaces the old one, and nothing once verified', async () => {
    const user = await signup(server, 'resend@example.com');
    const first = tokenFrom(await verificationMail('resend@example.com'), 'verify-email');
    expect((await requestLink(user.accessToken)).body.data).toEqual({ requestEmailVerification: true });
    const second = tokenFrom(await verificationMail('resend@example.com'), 'verify-email');
    expect(second).not.toBe(first);
    expect(fieldOf(await verify(first))).toBe('token');
    expect((await verify(second, user.accessToken)).body.errors).toBeUndefined();
    expect((await requestLink(user.accessToken)).body.data).toEqual({ requestEmailVerification: false });
    await server.app.mailQueueIdle();
    expect(smtp.mailsTo('resend@example.com')).toHaveLength(2);
    expect(codeOf(await server.graphql('mutation { requestEmailVerification }'))).toBe('UNAUTHENTICATED');
  });

  it('refuses an expired link, and a made-up or malformed one, with the same message', async () => {
    await signup(server, 'late@example.com');
    const token = tokenFrom(await verificationMail('late@example.com'), 'verify-email');
    server.clock.advance(24 * 3_600_000 + 1);
    const refusals = [await verify(token), await verify(`ev_${'B'.repeat(43)}`), await verify('ev_short'), await verify(`pr_${'B'.repeat(43)}`)];
    for (const refused of refusals) expect(fieldOf(refused)).toBe('token');
    expect(new Set(refusals.map((r) => r.body.errors?.[0]?.message)).size).toBe(1);
  });

  it('refuses @auth(verified: true) to an unverified caller with reason EMAIL_NOT_VERIFIED, and allows it once verified', async () => {
    const user = await signup(server, 'gated@example.com');
    const before = await server.graphql('{ launchCodes }', { token: user.accessToken });
    expect(codeOf(before)).toBe('FORBIDDEN');
    expect(reasonOf(before)).toBe('EMAIL_NOT_VERIFIED');
    expect(codeOf(await server.graphql('{ launchCodes }'))).toBe('UNAUTHENTICATED');
    await verify(tokenFrom(await verificationMail('gated@example.com'), 'verify-email'));
    expect(await server.graphql('{ launchCodes }', { token: user.accessToken })).toMatchObject({ status: 200, body: { data: { launchCodes: null } } });
    expect((await server.graphql('{ launchCodes }', { token: user.accessToken })).body.errors).toBeUndefined();
  });

  it('verifies the address when the password is reset through a link mailed to it', async () => {
    const user = await signup(server, 'reset-verifies@example.com');
    await server.graphql('mutation { requestPasswordReset(email: "reset-verifies@example.com") }');
    const token = tokenFrom(await smtp.nextMail('reset-verifies@example.com', (m) => m.subject === 'Reset your password'), 'reset-password');
    await server.graphql('mutation($t: String!) { resetPassword(token: $t, newPassword: "a whole new password") }', { variables: { t: token } });
    const login = await server.graphql('mutation { login(email: "reset-verifies@example.com", password: "a whole new password") { user { id emailVerified } } }');
    expect(login.body.data).toEqual({ login: { user: { id: user.id, emailVerified: true } } });
  });
});

describe('REQUIRE_VERIFIED_EMAIL', () => {
  let smtp: TestSmtpServer;
  let server: TestServer;
  beforeAll(async () => {
    smtp = await startTestSmtpServer();
    server = await startTestServer({ env: { SMTP_URL: smtp.url, MAIL_FROM: 'no-reply@example.test', APP_URL: appUrl, REQUIRE_VERIFIED_EMAIL: 'true', LOGIN_LOCKOUT_AFTER: '2' } });
  });
  afterAll(async () => {
    await server?.close();
    await smtp?.close();
  });

  const login = (email: string, password = defaultPassword) =>
    server.graphql('mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken user { emailVerified } } }', { variables: { e: email, p: password } });
  const linkFor = async (email: string) => tokenFrom(await smtp.nextMail(email, (m) => m.subject === 'Confirm your email address'), 'verify-email');

  it('creates the account at signup but starts no session until the address is verified', async () => {
    const result = await server.graphql('mutation { signup(email: "strict@example.com", password: "correct horse battery") { accessToken } }');
    expect(codeOf(result)).toBe('FORBIDDEN');
    expect(reasonOf(result)).toBe('EMAIL_NOT_VERIFIED');
    expect(result.body.data).toBeNull();
    const first = await linkFor('strict@example.com');
    // The account exists: the address is taken.
    expect(codeOf(await server.graphql('mutation { signup(email: "strict@example.com", password: "correct horse battery") { accessToken } }'))).toBe('BAD_USER_INPUT');

    // A wrong password is just wrong: nothing tells it the account is unverified.
    const wrong = await login('strict@example.com', 'not the password');
    expect(codeOf(wrong)).toBe('UNAUTHENTICATED');
    expect(reasonOf(wrong)).toBeUndefined();
    // The right one learns why, and gets a new link (the old one stops working); refusals do not lock it.
    for (let i = 0; i < 3; i += 1) expect(reasonOf(await login('strict@example.com'))).toBe('EMAIL_NOT_VERIFIED');
    let newest = first;
    for (let i = 0; i < 3; i += 1) newest = await linkFor('strict@example.com');
    expect(codeOf(await server.graphql(verifyMutation, { variables: { t: first } }))).toBe('BAD_USER_INPUT');
    expect((await server.graphql(verifyMutation, { variables: { t: newest } })).body.errors).toBeUndefined();
    expect((await login('strict@example.com')).body.data).toEqual({ login: { accessToken: expect.stringMatching(/^ey[\w-]+\.[\w-]+\.[\w-]+$/), user: { emailVerified: true } } });
    expect(auditEvents(server, 'login.failure').filter((e) => e['reason'] === 'email_not_verified')).toHaveLength(3);
  });
});

describe.skipIf(!redisAvailable('email verification across two instances'))('email verification across two instances on one Redis', () => {
  let smtp: TestSmtpServer;
  let pair: TwoInstances;
  beforeAll(async () => {
    smtp = await startTestSmtpServer();
    // SESSION_CACHE_TTL long enough that only the published change can refresh B's cached answer.
    pair = await startTwoInstances({ env: { SMTP_URL: smtp.url, MAIL_FROM: 'no-reply@example.test', APP_URL: appUrl, SESSION_CACHE_TTL: '1h' }, typeDefs: [...loadTypeDefs(), verifiedOnly] });
  });
  afterAll(async () => {
    await pair?.close();
    await smtp?.close();
  });

  it('opens @auth(verified: true) on the other instance at its very next request', async () => {
    const user = await signup(pair.a, 'twice@example.com');
    const onB = () => pair.b.graphql('{ launchCodes }', { token: user.accessToken });
    expect(reasonOf(await onB())).toBe('EMAIL_NOT_VERIFIED'); // B has cached the viewer as unverified
    const token = tokenFrom(await smtp.nextMail('twice@example.com', (m) => m.subject === 'Confirm your email address'), 'verify-email');
    expect((await pair.a.graphql(verifyMutation, { variables: { t: token } })).body.errors).toBeUndefined();
    expect((await onB()).body).toEqual({ data: { launchCodes: null } });
  });
});
