// Two-step sign-in, recovery codes, passkeys and step-up in the web example,
// in a real Chromium against the real server (issue 17). Passkeys are made
// and used by the DevTools virtual authenticator (WebAuthn.enable and
// WebAuthn.addVirtualAuthenticator over a CDP session), which verifies its
// user and signs like a platform authenticator. TOTP codes are computed from
// the secret the page shows, at the server's fake clock time.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultPassword } from '../helpers/accounts.js';
import { stepMs, totpCode } from '../helpers/mfa.js';
import { auditEvents } from '../helpers/session-queries.js';
import { hasChromium, openWebExample, type WebExamplePage } from '../helpers/web-example-page.js';

if (!hasChromium) console.warn('SKIPPED test/browser/mfa.test.ts: no Chromium at /usr/bin/chromium (install it with: apt-get install -y chromium)');

const email = 'mfa-browser@example.com';

describe.skipIf(!hasChromium)('two-step sign-in, passkeys and step-up in the web example', () => {
  let web: WebExamplePage;
  let page: Page;
  let secret = '';

  const activity = (text: string) => page.locator('#activity li', { hasText: text }).first().waitFor();
  const code = (offsetMs = 0) => totpCode(web.server, secret, offsetMs);
  const signOut = async () => {
    await page.click('#sign-out');
    await page.locator('#auth-form').waitFor({ state: 'visible' });
  };
  const signInWithPassword = async () => {
    await page.fill('#email', email);
    await page.fill('#password', defaultPassword);
    await page.click('#sign-in');
  };
  const recoveryCodes = () => page.locator('#recovery-code-list li').allTextContents();

  beforeAll(async () => {
    web = await openWebExample((origin) => ({ WEBAUTHN_ORIGIN: origin }));
    page = web.page;
    const cdp = await web.browser.newCDPSession(page);
    await cdp.send('WebAuthn.enable');
    await cdp.send('WebAuthn.addVirtualAuthenticator', {
      options: { protocol: 'ctap2', transport: 'internal', hasResidentKey: true, hasUserVerification: true, isUserVerified: true, automaticPresenceSimulation: true },
    });
  });
  afterAll(() => web?.close());

  it('turns on two-step sign-in with the QR code and shows the recovery codes once', async () => {
    await page.fill('#email', email);
    await page.fill('#password', defaultPassword);
    await page.click('#sign-up');
    await page.locator('#mfa-status', { hasText: 'Two-step sign-in is off.' }).waitFor();
    await page.click('#totp-enroll');
    await page.locator('#totp-enrolment').waitFor({ state: 'visible' });
    // The QR code is an image of the API's SVG (a data URL), never markup in the page.
    expect(await page.getAttribute('#totp-qr', 'src')).toMatch(/^data:image\/svg\+xml;base64,/);
    expect(await page.locator('#totp-enrolment svg').count()).toBe(0);
    secret = (await page.textContent('#totp-secret')) ?? '';
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    await page.fill('#totp-confirm-code', code());
    await page.click('#totp-confirm-form button[type=submit]');
    await page.locator('#mfa-status', { hasText: 'Two-step sign-in is on' }).waitFor();
    const shown = await recoveryCodes();
    expect(shown).toHaveLength(10);
    expect(await page.locator('#totp-enrolment').isHidden()).toBe(true);
    await page.click('#recovery-saved');
    expect(await recoveryCodes()).toEqual([]);
    expect(await page.locator('#recovery-codes').isHidden()).toBe(true);
    expect(await page.evaluate('Object.keys(localStorage)')).toEqual(['graphql-auth.deviceToken']);
    web.server.clock.advance(stepMs);
  });

  it('asks for the code after the password; a wrong one says how many tries are left', async () => {
    await signOut();
    await signInWithPassword();
    await page.locator('#mfa-form').waitFor({ state: 'visible' });
    expect(await page.locator('#auth-form').isHidden()).toBe(true);
    await page.fill('#mfa-code', code(10 * stepMs));
    await page.click('#mfa-verify');
    await page.locator('#status', { hasText: 'Wrong code (4 tries left)' }).waitFor();
    expect(await page.locator('#auth-form').isHidden()).toBe(true);
    await page.fill('#mfa-code', code());
    await page.click('#mfa-verify');
    await activity(`Signed in as ${email}`);
    await page.locator('#account').waitFor({ state: 'visible' });
    expect(await page.locator('#mfa-form').isHidden()).toBe(true);
  });

  it('signs in with a recovery code when the device is not at hand', async () => {
    // A fresh set from the page; the first of them stands in for the device.
    await page.click('#recovery-regenerate');
    await page.locator('#recovery-code-list li').first().waitFor();
    const [recovery] = await recoveryCodes();
    await page.click('#recovery-saved');
    await signOut();
    await signInWithPassword();
    await page.locator('#mfa-form').waitFor({ state: 'visible' });
    await page.fill('#mfa-code', recovery ?? '');
    await page.click('#mfa-verify');
    await page.locator('#account').waitFor({ state: 'visible' });
    expect(auditEvents(web.server, 'mfa.recovery_code_used').at(-1)).toMatchObject({ purpose: 'login', remaining: 9 });
  });

  it('adds a passkey with the virtual authenticator and signs in with it, no email and no code', async () => {
    await page.fill('#passkey-name', 'Chromium');
    await page.click('#passkey-add-form button[type=submit]');
    await page.locator('#passkeys li', { hasText: 'Chromium' }).waitFor();
    await signOut();
    await page.fill('#email', '');
    await page.click('#passkey-sign-in');
    await activity('Signed in with a passkey');
    await page.locator('#account').waitFor({ state: 'visible' });
    expect(await page.locator('#mfa-form').isHidden()).toBe(true);
    expect(auditEvents(web.server, 'login.success').at(-1)).toMatchObject({ method: 'passkey' });
    await page.locator('#passkeys li', { hasText: 'last used' }).waitFor();
  });

  it('asks for a fresh proof before a sensitive change, then makes it', async () => {
    web.server.clock.advance(6 * 60_000);
    await page.click('#recovery-regenerate');
    await page.locator('#reauth-form').waitFor({ state: 'visible' });
    await page.fill('#reauth-code', code());
    await page.click('#reauth-confirm');
    await activity('Confirmed it is you');
    await page.locator('#recovery-code-list li').first().waitFor();
    expect(await recoveryCodes()).toHaveLength(10);
    await page.click('#recovery-saved');
    expect(await page.locator('#reauth-form').isHidden()).toBe(true);
    expect(web.operations.filter((name) => name === 'RegenerateRecoveryCodes')).toHaveLength(3); // the first, refused, and the retry
    // Still fresh: removing the passkey asks nothing more.
    await page.locator('#passkeys li', { hasText: 'Chromium' }).getByRole('button', { name: 'Remove' }).click();
    await activity('Removed the passkey “Chromium”');
    expect(await page.locator('#passkeys li').count()).toBe(0);
  });

  it('turns two-step sign-in off with a code; then the password alone signs in', async () => {
    web.server.clock.advance(stepMs);
    await page.fill('#totp-disable-code', code());
    await page.click('#totp-disable-form button[type=submit]');
    await page.locator('#mfa-status', { hasText: 'Two-step sign-in is off.' }).waitFor();
    await signOut();
    await signInWithPassword();
    await page.locator('#account').waitFor({ state: 'visible' });
    expect(await page.locator('#mfa-form').isHidden()).toBe(true);
  });
});
