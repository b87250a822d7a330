// What happens to mail when the mail server is slow, down, refusing, asks for
// other credentials or cannot be trusted, and when there is no mail server at
// all: the request answers as usual, every time; the failure is an error log
// line and an audit event, never a token in a log line, never an unhandled
// rejection.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { signup } from '../helpers/accounts.js';
import { auditEvents } from '../helpers/session-queries.js';
import { startTestServer, type TestServer } from '../helpers/start-test-server.js';
import { smtpPassword, startTestSmtpServer, tokenFrom, type TestSmtpServer } from '../helpers/test-smtp-server.js';

const from = 'no-reply@example.test';
const tokenPattern = /\b(?:pr|ev|ec)_[A-Za-z0-9_-]{43}\b/;

const requestReset = (server: TestServer, email: string, headers: Record<string, string> = {}) =>
  server.graphql('mutation($e: String!) { requestPasswordReset(email: $e) }', { variables: { e: email }, headers });

/** A port nothing listens on: taken from the OS, then let go. */
async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const address = probe.address();
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

/** Mail lines (log lines about mail) that are errors, with what they say. */
const mailErrors = (server: TestServer) => server.logs.filter((line) => line['level'] === 50 && typeof line['mail'] === 'string');

describe('mail delivery when things go wrong', () => {
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown) => unhandled.push(reason);
  beforeAll(() => {
    process.on('unhandledRejection', onUnhandled);
  });
  afterAll(() => {
    process.off('unhandledRejection', onUnhandled);
  });
  afterEach(() => {
    expect(unhandled).toEqual([]);
  });

  describe('with a real SMTP server', () => {
    let smtp: TestSmtpServer;
    let server: TestServer;
    beforeEach(async () => {
      smtp = await startTestSmtpServer();
      server = await startTestServer({ env: { SMTP_URL: smtp.url, MAIL_FROM: from, APP_URL: 'https://app.example.test' } });
    });
    afterEach(async () => {
      smtp.release();
      await server.close();
      await smtp.close();
    });

    it('answers before a slow server has taken the mail', async () => {
      await signup(server, 'patient@example.com');
      smtp.behave('hold');
      let idle = false;
      const answer = await requestReset(server, 'patient@example.com');
      void server.app.mailQueueIdle().then(() => (idle = true));
      expect(answer.body).toEqual({ data: { requestPasswordReset: true } });
      // The message has reached the server, which has not accepted it yet: the answer came first.
      await smtp.holding();
      expect(smtp.mailsTo('patient@example.com').filter((m) => m.subject === 'Reset your password')).toEqual([]);
      expect(idle).toBe(false);
      smtp.release();
      expect((await smtp.nextMail('patient@example.com', (m) => m.subject === 'Reset your password')).text).toMatch(tokenPattern);
      await server.app.mailQueueIdle();
      expect(auditEvents(server, 'mail.sent').some((e) => e['mail'] === 'password_reset')).toBe(true);
    });

    it('answers as usual when the server refuses the recipient, and logs why without the token', async () => {
      const user = await signup(server, 'refused@example.com');
      smtp.behave('refuse');
      expect((await requestReset(server, 'refused@example.com')).body).toEqual({ data: { requestPasswordReset: true } });
      await server.app.mailQueueIdle();
      expect(mailErrors(server).find((l) => l['mail'] === 'password_reset')).toMatchObject({ msg: 'mail not sent: password_reset', code: 'EENVELOPE', responseCode: 550, subjectId: user.id });
      expect(auditEvents(server, 'mail.failed').find((e) => e['mail'] === 'password_reset')).toMatchObject({ subjectId: user.id, reason: 'EENVELOPE' });
      expect(JSON.stringify(server.logs)).not.toMatch(tokenPattern);
      // The server's answer quoted the address; the line names the account by id instead.
      expect(mailErrors(server).find((l) => l['mail'] === 'password_reset')?.['message']).toContain('Recipient address rejected');
      expect(JSON.stringify(server.logs)).not.toContain('refused@example.com');
    });

    it('escapes what users supply in the HTML part', async () => {
      const email = "o'brien&co@example.com";
      await signup(server, email);
      await requestReset(server, email);
      const mail = await smtp.nextMail(email, (m) => m.subject === 'Reset your password');
      expect(mail.text).toContain(`account ${email} at`);
      expect(mail.html).toContain('account o&#39;brien&amp;co@example.com at');
      const agent = '<img src=x onerror=alert(1)> "Browser"';
      await server.graphql('mutation($t: String!) { resetPassword(token: $t, newPassword: "a whole new password") }', {
        variables: { t: tokenFrom(mail, 'reset-password') },
        headers: { 'user-agent': agent },
      });
      const notice = await smtp.nextMail(email, (m) => m.subject === 'Your password was changed');
      expect(notice.text).toContain(agent);
      expect(notice.html).not.toContain('<img');
      expect(notice.html).toContain('&lt;img src=x onerror=alert(1)&gt; &quot;Browser&quot;');
    });
  });

  it('answers as usual when the mail server is down, and logs and audits the failure', async () => {
    const server = await startTestServer({ env: { SMTP_URL: `smtp://${from}:pw@127.0.0.1:${await closedPort()}`, MAIL_FROM: from } });
    try {
      const user = await signup(server, 'down@example.com');
      expect((await requestReset(server, 'down@example.com')).body).toEqual({ data: { requestPasswordReset: true } });
      await server.app.mailQueueIdle();
      expect(mailErrors(server).find((l) => l['mail'] === 'password_reset')).toMatchObject({ code: 'ESOCKET', subjectId: user.id, message: expect.stringContaining('ECONNREFUSED') });
      expect(auditEvents(server, 'mail.failed').filter((e) => e['subjectId'] === user.id).map((e) => e['mail'])).toContain('password_reset');
      expect(JSON.stringify(server.logs)).not.toMatch(tokenPattern);
    } finally {
      await server.close();
    }
  });

  it('reports a refused login to the mail server as EAUTH, without the password', async () => {
    const smtp = await startTestSmtpServer();
    const server = await startTestServer({ env: { SMTP_URL: smtp.url.replace(smtpPassword, 'wrong-password'), MAIL_FROM: from } });
    try {
      await signup(server, 'auth@example.com');
      await requestReset(server, 'auth@example.com');
      await server.app.mailQueueIdle();
      expect(auditEvents(server, 'mail.failed').map((e) => e['reason'])).toContain('EAUTH');
      expect(smtp.mails).toEqual([]);
      expect(JSON.stringify(server.logs)).not.toContain('wrong-password');
    } finally {
      await server.close();
      await smtp.close();
    }
  });

  it('refuses an smtps:// server whose certificate it cannot verify', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'graphql-auth-smtps-'));
    const [keyPath, certPath] = [join(dir, 'key.pem'), join(dir, 'cert.pem')];
    execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-keyout', keyPath, '-out', certPath, '-days', '1', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1'], { stdio: 'ignore' });
    const smtp = await startTestSmtpServer({ tls: { key: readFileSync(keyPath), cert: readFileSync(certPath) } });
    const server = await startTestServer({ env: { SMTP_URL: smtp.url, MAIL_FROM: from } });
    try {
      await signup(server, 'tls@example.com');
      await requestReset(server, 'tls@example.com');
      await server.app.mailQueueIdle();
      const failure = mailErrors(server).find((l) => l['mail'] === 'password_reset');
      expect(String(failure?.['message'])).toMatch(/certificate/i);
      expect(smtp.mails).toEqual([]);
    } finally {
      await server.close();
      await smtp.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('in development without SMTP_URL, writes each mail to the log: subject, recipient and link', async () => {
    const server = await startTestServer({ env: { NODE_ENV: 'development', APP_URL: 'http://localhost:5173' } });
    try {
      await signup(server, 'local@example.com');
      await requestReset(server, 'local@example.com');
      await server.app.mailQueueIdle();
      const line = server.logs.find((l) => l['mail'] === 'password_reset');
      expect(line).toMatchObject({ to: 'local@example.com', subject: 'Reset your password', link: expect.stringMatching(/^http:\/\/localhost:5173\/reset-password\?token=pr_[A-Za-z0-9_-]{43}$/) });
      expect(auditEvents(server, 'mail.sent')).toEqual([]);
    } finally {
      await server.close();
    }
  });

  it('in production without SMTP_URL, starts, warns once, and audits each mail it could not send, without its token', async () => {
    const server = await startTestServer({ env: { NODE_ENV: 'production' } });
    try {
      expect(server.logs.filter((l) => String(l['msg']).startsWith('SMTP_URL is not set'))).toHaveLength(1);
      const user = await signup(server, 'prod@example.com');
      await requestReset(server, 'prod@example.com');
      await requestReset(server, 'nobody@example.com');
      await server.app.mailQueueIdle();
      expect(auditEvents(server, 'mail.unsent').filter((e) => e['mail'] === 'password_reset')).toEqual([expect.objectContaining({ subjectId: user.id, reason: 'SMTP_URL is not set' })]);
      expect(server.logs.filter((l) => String(l['msg']).startsWith('SMTP_URL is not set'))).toHaveLength(1);
      expect(JSON.stringify(server.logs)).not.toMatch(tokenPattern);
    } finally {
      await server.close();
    }
  });
});
