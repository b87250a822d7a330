// The example page (examples/web) in a real Chromium against the real server:
// sign up, sign in, sessions with per-device sign-out, a transparent refresh
// after the access token expires, sign-out everywhere, and the rate-limited
// screen (the per-email sign-in limit is 3 a minute here). The page is served
// from its own origin, so every call is a real cross-origin request that the
// server's CORS_ORIGINS must allow. Time is the server's fake clock: no sleeps.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codeOf, defaultPassword, login, refresh } from '../helpers/accounts.js';
import { startTestServer, type TestServer } from '../helpers/start-test-server.js';
import { chromiumAvailable, prepareWebExample, type WebExample } from '../helpers/web-example-in-chromium.js';

const hasChromium = chromiumAvailable('test/browser/web-example.test.ts');
const accessTokenTtlMs = 60_000;
const email = 'browser@example.com';
const signInLimit = 3; // per (client IP, email) a minute: RATE_LIMIT_LOGIN_PER_EMAIL

interface SeenRequest {
  readonly operation: string;
  readonly status: number;
}

describe.skipIf(!hasChromium)('the web example in Chromium', () => {
  const seen: SeenRequest[] = [];
  let site: WebExample;
  let server: TestServer;
  let page: Page;
  let apiUrl: string;

  const activity = (text: string) => page.locator('#activity li', { hasText: text }).waitFor();
  const rows = () => page.locator('#sessions li');
  const countOf = (operation: string, status?: number) => seen.filter((r) => r.operation === operation && (status === undefined || r.status === status)).length;

  beforeAll(async () => {
    site = await prepareWebExample('web-example');
    server = await startTestServer({ env: { ACCESS_TOKEN_TTL: '1m', CORS_ORIGINS: site.origin, RATE_LIMIT_LOGIN_PER_EMAIL: `${signInLimit}/1m` } });
    apiUrl = `${server.url}/graphql`;
    ({ page } = await site.open(apiUrl));
    // What the page asked the API, by operation name, with the answer's status.
    page.on('response', (response) => {
      const request = response.request();
      if (request.url() !== apiUrl || request.method() !== 'POST') return;
      const query = (request.postDataJSON() as { query?: string } | null)?.query ?? '';
      seen.push({ operation: /^\s*(?:query|mutation)\s+(\w+)/.exec(query)?.[1] ?? 'anonymous', status: response.status() });
    });
    await page.goto(`${site.origin}/`);
  });

  afterAll(async () => {
    await site?.close();
    await server?.close();
  });

  it('shows a wrong sign-in as an error without trying to refresh', async () => {
    await page.fill('#email', 'nobody@example.com');
    await page.fill('#password', 'not the password');
    await page.click('#sign-in');
    await page.locator('#status', { hasText: 'Please sign in' }).waitFor();
    expect(countOf('SignIn')).toBe(1);
    expect(countOf('Refresh')).toBe(0);
  });

  it('signs up, shows me, and keeps the tokens out of every storage', async () => {
    await page.fill('#email', email);
    await page.fill('#password', defaultPassword);
    await page.click('#sign-up');
    await page.locator('#me', { hasText: email }).waitFor();
    await activity(`Created ${email}`);
    // A string, evaluated in the page: this project's TypeScript has no DOM types.
    // Only the device token outlives the tab; the access and refresh tokens stay in memory.
    const stored = await page.evaluate('({ local: Object.keys(localStorage), device: localStorage.getItem("graphql-auth.deviceToken"), session: sessionStorage.length, cookies: document.cookie })');
    expect(stored).toEqual({ local: ['graphql-auth.deviceToken'], device: expect.stringMatching(/^dt_[A-Za-z0-9_-]{43}$/), session: 0, cookies: '' });
  });

  it('signs out on this device and signs in again, listing this one session', async () => {
    await page.click('#sign-out');
    await page.locator('#auth-form').waitFor({ state: 'visible' });
    await page.fill('#email', email);
    await page.fill('#password', defaultPassword);
    await page.click('#sign-in');
    await activity(`Signed in as ${email}`);
    await rows().first().waitFor();
    expect(await rows().count()).toBe(1);
    expect(await rows().first().getAttribute('data-current')).toBe('true');
    expect(await rows().first().locator('.device').textContent()).toContain('Chrome');
  });

  it('signs out another device, whose token stops working at once', async () => {
    const other = await login(server, email, defaultPassword, { 'user-agent': 'Other device' });
    await page.click('#reload');
    await page.locator('#sessions li', { hasText: 'Other device' }).waitFor();
    expect(await rows().count()).toBe(2);
    await page.locator('#sessions li', { hasText: 'Other device' }).getByRole('button').click();
    await activity('Signed out Other device');
    await page.locator('#sessions li', { hasText: 'Other device' }).waitFor({ state: 'detached' });
    expect(await rows().count()).toBe(1);
    expect((await server.graphql('{ me { id } }', { token: other.accessToken })).status).toBe(401);
  });

  it('refreshes once, transparently, when the access token has expired', async () => {
    const sessionId = await rows().first().getAttribute('data-session-id');
    seen.length = 0;
    server.clock.advance(accessTokenTtlMs + 1000);
    await page.click('#reload');
    await activity('Access token expired: refreshed it');
    await page.locator('#status:empty').waitFor({ state: 'attached' });
    // Me and MySessions ran at once: both met UNAUTHENTICATED, one refresh served both, both retried.
    expect(countOf('Me', 401) + countOf('MySessions', 401)).toBe(2);
    expect(countOf('Refresh')).toBe(1);
    expect(countOf('Me', 200) + countOf('MySessions', 200)).toBe(2);
    // Rotation happens inside the session: still the same device.
    expect(await rows().count()).toBe(1);
    expect(await rows().first().getAttribute('data-session-id')).toBe(sessionId);
    await page.locator('#me', { hasText: email }).waitFor();
  });

  it('signs out everywhere, ending the other sessions too', async () => {
    const laptop = await login(server, email, defaultPassword, { 'user-agent': 'Laptop' });
    await page.click('#sign-out-everywhere');
    await activity('Signed out everywhere');
    await page.locator('#auth-form').waitFor({ state: 'visible' });
    expect(await page.locator('#account').isHidden()).toBe(true);
    expect(codeOf(await refresh(server, laptop.refreshToken))).toBe('UNAUTHENTICATED');
  });

  // Last: the form then stays off for the minute the API asked it to wait.
  it('shows a sign-in over the limit as RATE_LIMITED with the time to wait, and holds the form', async () => {
    seen.length = 0;
    const signInAnswered = () => page.waitForResponse((response) => response.url() === apiUrl && /mutation\s+SignIn\b/.test(response.request().postData() ?? ''));
    await page.fill('#email', 'hammer@example.com');
    await page.fill('#password', 'not the password');
    for (let attempt = 1; attempt <= signInLimit; attempt += 1) {
      await Promise.all([signInAnswered(), page.click('#sign-in')]);
      await page.locator('#status', { hasText: 'Invalid email or password. Please sign in.' }).waitFor();
    }
    expect(await page.isEnabled('#sign-in')).toBe(true); // wrong passwords alone do not hold the form
    await Promise.all([signInAnswered(), page.click('#sign-in')]);
    // The fake clock stands still, so the whole window is left: 60 s.
    await page.locator('#status', { hasText: 'Too many attempts. Try again in 60 s.' }).waitFor();
    expect(await page.locator('#status').textContent()).toBe('Too many attempts. Try again in 60 s.');
    expect(await page.isDisabled('#sign-in')).toBe(true);
    expect(await page.isDisabled('#sign-up')).toBe(true);
    expect(seen).toEqual([...Array.from({ length: signInLimit }, () => ({ operation: 'SignIn', status: 200 })), { operation: 'SignIn', status: 429 }]);
  });
});
