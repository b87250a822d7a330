// The flows that go through mail, in a real Chromium against the real server
// and a real SMTP server in this process: the page's forms send the mail, the
// test reads it as a mail client would, and opens its link in a new tab, as
// a person clicking it would. Verification (with a resent link replacing the
// first), email change, and getting back in after forgetting the password
// with nothing but the mail.
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codeOf, defaultPassword, login } from '../helpers/accounts.js';
import { meStatus } from '../helpers/session-queries.js';
import { startTestServer, type TestServer } from '../helpers/start-test-server.js';
import { linkFrom, startTestSmtpServer, type TestSmtpServer } from '../helpers/test-smtp-server.js';
import { chromiumAvailable, prepareWebExample, type WebExample } from '../helpers/web-example-in-chromium.js';

const hasChromium = chromiumAvailable('test/browser/account-mail.test.ts');
const email = 'reader@example.com';
const newEmail = 'reader.new@example.com';
const newPassword = 'remembered at last';

describe.skipIf(!hasChromium)('the mail flows of the web example in Chromium', () => {
  let site: WebExample;
  let smtp: TestSmtpServer;
  let server: TestServer;
  let browser: BrowserContext;
  let page: Page;

  const activity = (text: string) => page.locator('#activity li', { hasText: text }).waitFor();
  /** Opens a mailed link in a tab of its own, as a mail client would. */
  async function openLink(link: string): Promise<Page> {
    const tab = await browser.newPage();
    tab.setDefaultTimeout(10_000);
    await tab.goto(link);
    return tab;
  }
  const mailTo = (to: string, subject: string) => smtp.nextMail(to, (m) => m.subject === subject);

  beforeAll(async () => {
    site = await prepareWebExample('account-mail', { spa: true });
    smtp = await startTestSmtpServer();
    server = await startTestServer({ env: { CORS_ORIGINS: site.origin, APP_URL: site.origin, SMTP_URL: smtp.url, MAIL_FROM: 'Example <no-reply@example.test>' } });
    ({ browser, page } = await site.open(`${server.url}/graphql`));
    await page.goto(`${site.origin}/`);
  });

  afterAll(async () => {
    await site?.close();
    await server?.close();
    await smtp?.close();
  });

  it('signs up unverified, sends the link again, and verifies the address from the newest mail', async () => {
    await page.fill('#email', email);
    await page.fill('#password', defaultPassword);
    await page.click('#sign-up');
    await page.locator('#me', { hasText: email }).waitFor();
    await page.locator('#unverified').waitFor({ state: 'visible' });
    const first = linkFrom(await mailTo(email, 'Confirm your email address'), 'verify-email');
    expect(first.startsWith(`${site.origin}/verify-email?token=`)).toBe(true);

    await page.click('#resend-verification');
    await activity('Sent a new verification link');
    const second = linkFrom(await mailTo(email, 'Confirm your email address'), 'verify-email');

    const stale = await openLink(first);
    await stale.locator('#link-title', { hasText: 'This link does not work' }).waitFor();
    expect(await stale.locator('#link-message').textContent()).toContain('invalid or has expired');
    await stale.close();

    const fresh = await openLink(second);
    await fresh.locator('#link-title', { hasText: 'Email address verified' }).waitFor();
    // The token left the address bar once read.
    expect(fresh.url()).toBe(`${site.origin}/verify-email`);
    await fresh.close();

    await page.click('#reload');
    await page.locator('#unverified').waitFor({ state: 'hidden' });
  });

  it('changes the email address once the link mailed to the new one is opened', async () => {
    await page.fill('#new-email', newEmail);
    await page.fill('#change-email-password', 'not my password');
    await page.click('#change-email');
    await page.locator('#email-change-form [data-error-for="currentPassword"]', { hasText: 'Current password is incorrect' }).waitFor();
    await page.fill('#change-email-password', defaultPassword);
    await page.click('#change-email');
    await activity(`Sent a confirmation link to ${newEmail}`);
    expect(await page.inputValue('#change-email-password')).toBe('');
    const notice = await mailTo(email, 'Your email address is about to change');
    expect(notice.text).toContain(newEmail);

    const tab = await openLink(linkFrom(await mailTo(newEmail, 'Confirm your new email address'), 'confirm-email-change'));
    await tab.locator('#link-title', { hasText: 'Email address changed' }).waitFor();
    await tab.close();
    await mailTo(email, 'Your email address was changed');

    await page.click('#reload');
    await page.locator('#me', { hasText: newEmail }).waitFor();
    await page.locator('#unverified').waitFor({ state: 'hidden' });
  });

  it('gets back in with only the mail after forgetting the password, signing out every other session', async () => {
    const elsewhere = await login(server, newEmail);
    await page.click('#sign-out');
    await page.locator('#auth-form').waitFor({ state: 'visible' });
    await page.fill('#email', newEmail);
    await page.click('#forgot-password');
    expect(await page.inputValue('#forgot-email')).toBe(newEmail);
    await page.click('#send-reset-link');
    await page.locator('#forgot-done', { hasText: `If ${newEmail} has an account` }).waitFor();
    const link = linkFrom(await mailTo(newEmail, 'Reset your password'), 'reset-password');

    const tab = await openLink(link);
    await tab.locator('#link-title', { hasText: 'Choose a new password' }).waitFor();
    expect(tab.url()).toBe(`${site.origin}/reset-password`);
    await tab.fill('#new-password', 'short');
    await tab.click('#set-password');
    await tab.locator('#reset-form [data-error-for="newPassword"]', { hasText: 'Password must be 8 to 128 characters' }).waitFor();
    await tab.fill('#new-password', newPassword);
    await tab.click('#set-password');
    await tab.locator('#link-title', { hasText: 'Password changed' }).waitFor();
    expect(await meStatus(server, elsewhere.accessToken)).toBe(401);
    await mailTo(newEmail, 'Your password was changed');

    // From the page the link opened, back to sign in with the new password.
    await tab.click('#link-home');
    await tab.locator('#auth-form').waitFor({ state: 'visible' });
    await tab.fill('#email', newEmail);
    await tab.fill('#password', newPassword);
    await tab.click('#sign-in');
    await tab.locator('#me', { hasText: newEmail }).waitFor();
    await tab.close();

    // The link works once.
    const again = await openLink(link);
    await again.fill('#new-password', 'yet another password');
    await again.click('#set-password');
    await again.locator('#reset-form [data-error-for="token"]', { hasText: 'invalid or has expired' }).waitFor();
    await again.close();
    expect(codeOf(await server.graphql('mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }', { variables: { e: newEmail, p: defaultPassword } }))).toBe('UNAUTHENTICATED');
  });
});
