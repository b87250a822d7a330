// The web example's API keys screen in a real Chromium against the real
// server: Ada makes a key with the scopes the API declares, copies it (shown
// once, never stored), uses it as a script would, sees it listed, and revokes
// it; field errors show beside their field, a name written as markup stays
// text, and sign-out leaves nothing of her keys on the page.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultPassword, login } from '../helpers/accounts.js';
import { listApiKeys } from '../helpers/api-keys.js';
import { chromiumAvailable, openExampleInChromium, type ExampleInChromium } from '../helpers/web-example-in-chromium.js';
import type { TestServer } from '../helpers/start-test-server.js';

const ada = 'ada-keys@example.com';
const markupName = '<img src=x onerror=alert(1)>';

describe.skipIf(!chromiumAvailable('test/browser/api-keys.test.ts'))('the API keys screen of the web example in Chromium', () => {
  const dialogs: Array<{ readonly type: string; readonly message: string }> = [];
  let acceptConfirm = true;
  let example: ExampleInChromium;
  let server: TestServer;
  let page: Page;
  let copiedKey = '';

  const activity = (text: string) => page.locator('#activity li', { hasText: text }).first().waitFor();
  const names = () => page.locator('#api-keys-list .api-key-name').allTextContents();
  const rowNamed = (name: string) => page.locator('#api-keys-list li').filter({ has: page.getByText(name, { exact: true }) });
  const adasKeysInApi = async () => listApiKeys(server, (await login(server, ada)).accessToken);
  const meWith = (key: string) => server.graphql('{ me { email } }', { token: key });

  async function createInPage(name: string, scopes: readonly string[], expires = ''): Promise<void> {
    await page.fill('#api-key-name', name);
    for (const scope of scopes) await page.check(`#api-key-scopes input[value="${scope}"]`);
    await page.selectOption('#api-key-expiresIn', expires);
    await page.click('#api-key-form button.save');
  }

  beforeAll(async () => {
    example = await openExampleInChromium({ name: 'api-keys' });
    ({ server, page } = example);
    await example.browser.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: example.site.origin });
    page.on('dialog', (dialog) => {
      dialogs.push({ type: dialog.type(), message: dialog.message() });
      void (dialog.type() === 'confirm' && acceptConfirm ? dialog.accept() : dialog.dismiss());
    });
    await page.goto(`${example.site.origin}/`);
  });

  afterAll(() => example?.close());

  it('shows the screen once signed in: no keys yet, and every scope the API declares, described', async () => {
    expect(await page.locator('#api-keys').isHidden()).toBe(true);
    await page.fill('#email', ada);
    await page.fill('#password', defaultPassword);
    await page.click('#sign-up');
    await page.locator('#api-keys-empty', { hasText: 'No API keys yet.' }).waitFor();
    const scopes = await Promise.all((await page.locator('#api-key-scopes input[name=scopes]').all()).map((box) => box.getAttribute('value')));
    expect(scopes).toEqual(['profile:read', 'users:read', 'notes:read', 'notes:write']);
    expect(await page.locator('#api-key-scopes label', { hasText: 'notes:read' }).textContent()).toContain('Read your notes');
  });

  it('makes a key, shows it once to copy, and the key works as a script would use it', async () => {
    await createInPage('CI deploy', ['profile:read', 'notes:read'], '90d');
    await activity('Created API key “CI deploy”');
    const shown = await page.inputValue('#new-api-key-value');
    expect(shown).toMatch(/^gak_[A-Za-z0-9_-]{43}$/);
    await page.click('#new-api-key-copy');
    await activity('Copied the new API key');
    // Strings, evaluated in the page: this project's TypeScript has no DOM types.
    copiedKey = String(await page.evaluate('navigator.clipboard.readText()'));
    expect(copiedKey).toBe(shown);

    expect(await names()).toEqual(['CI deploy']);
    const row = rowNamed('CI deploy');
    expect(await row.locator('.api-key-prefix').textContent()).toBe(`${shown.slice(0, 12)}…`);
    expect(await row.locator('.api-key-scopes').textContent()).toBe(' profile:read, notes:read ');
    expect(await row.locator('.api-key-meta').textContent()).toMatch(/never used · expires /);
    expect(await page.inputValue('#api-key-name')).toBe(''); // the form is ready for the next one

    expect((await meWith(copiedKey)).body).toEqual({ data: { me: { email: ada } } });
    const [inApi] = await adasKeysInApi();
    expect(inApi).toMatchObject({ name: 'CI deploy', scopes: ['profile:read', 'notes:read'] });
  });

  it('forgets the key at Done and keeps it nowhere: not in the page, not in storage', async () => {
    await page.click('#new-api-key-done');
    expect(await page.locator('#new-api-key').isHidden()).toBe(true);
    expect(await page.content()).not.toContain(copiedKey);
    const stored = String(await page.evaluate('JSON.stringify({ ...localStorage, ...sessionStorage })'));
    expect(stored).not.toContain(copiedKey.slice(4));
    // A reload lists it by its first characters only.
    await page.click('#reload');
    await page.locator('#api-keys-list li').first().waitFor();
    expect(await page.content()).not.toContain(copiedKey);
  });

  it('shows the API\'s errors beside their field and makes nothing', async () => {
    await page.fill('#api-key-name', '');
    await page.click('#api-key-form button.save');
    await page.locator('#api-key-name-error', { hasText: 'Name must be 1 to 100 characters' }).waitFor();
    expect(await page.getAttribute('#api-key-name', 'aria-invalid')).toBe('true');

    await page.fill('#api-key-name', 'no scopes');
    await page.click('#api-key-form button.save');
    await page.locator('#api-key-scopes-error', { hasText: 'Give the key at least one scope' }).waitFor();
    expect(await page.textContent('#api-key-name-error')).toBe('');
    expect(await page.textContent('#status')).toBe('');
    expect(await adasKeysInApi()).toHaveLength(1);
  });

  it('renders a key named with markup as text', async () => {
    await createInPage(markupName, ['notes:write']);
    await activity('Created API key “<img');
    await page.click('#new-api-key-done');
    expect(await rowNamed(markupName).locator('.api-key-name').innerHTML()).toBe('&lt;img src=x onerror=alert(1)&gt;');
    expect(await page.locator('#api-keys img').count()).toBe(0);
    expect(dialogs.filter((d) => d.type === 'alert')).toEqual([]);
  });

  it('revokes a key only once the user confirms, and the key is refused at once', async () => {
    acceptConfirm = false;
    const [asked] = await Promise.all([page.waitForEvent('dialog'), rowNamed('CI deploy').locator('button.revoke').click()]);
    expect(asked.message()).toBe('Revoke the API key “CI deploy”? Whatever uses it is refused from now on.');
    expect((await meWith(copiedKey)).status).toBe(200);

    acceptConfirm = true;
    await rowNamed('CI deploy').locator('button.revoke').click();
    await activity('Revoked API key “CI deploy”');
    expect(await names()).toEqual([markupName]);
    expect((await meWith(copiedKey)).status).toBe(401);
    expect((await adasKeysInApi()).map((k) => k.name)).toEqual([markupName]);
  });

  it('hides the screen and forgets the keys on sign-out', async () => {
    await createInPage('left on screen', ['profile:read']);
    await activity('Created API key “left on screen”');
    const unseen = await page.inputValue('#new-api-key-value');
    await page.click('#sign-out');
    await page.locator('#auth-form').waitFor({ state: 'visible' });
    expect(await page.locator('#api-keys').isHidden()).toBe(true);
    expect(await page.locator('#api-keys-list li').count()).toBe(0);
    expect(await page.content()).not.toContain(unseen);
  });
});
