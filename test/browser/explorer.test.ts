// The explorer (GraphiQL, EXPLORER=graphiql) in a real Chromium that may
// reach nothing but the server: every request to another host is aborted, as
// on a machine without internet. The page renders from the server's own
// files under its CSP, signs up with the mutation it offers, takes the token
// into the headers editor and runs `{ me { id email } }`.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildExplorerIfStale } from '../helpers/explorer-bundle.js';
import { startTestServer, type TestServer } from '../helpers/start-test-server.js';
import { chromiumAvailable, launchChromium } from '../helpers/web-example-in-chromium.js';

const hasChromium = chromiumAvailable('test/browser/explorer.test.ts');
const email = 'you@example.com'; // the address in the explorer's first tab (explorer/src/default-tab.ts)

describe.skipIf(!hasChromium)('the explorer (GraphiQL) in Chromium, offline', () => {
  const blocked: string[] = [];
  const pageErrors: string[] = [];
  let profile: string;
  let server: TestServer;
  let browser: BrowserContext;
  let page: Page;

  /** Replaces the text of a Monaco editor as a person would: select all, paste (typed text would gain auto-closed brackets). */
  async function pasteIntoEditor(editor: string, text: string) {
    await page.evaluate(`navigator.clipboard.writeText(${JSON.stringify(text)})`);
    await page.locator(`${editor} .monaco-editor`).click();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.press('ControlOrMeta+V');
  }

  /** Runs the editor's operation and returns the request the page sent for it and the JSON answer. */
  async function run(chooseOperation?: string): Promise<{ request: Request; body: Record<string, unknown> }> {
    const answered = page.waitForResponse((response) => response.url() === `${server.url}/graphql` && response.request().method() === 'POST');
    const execute = page.locator('.graphiql-execute-button');
    // With several operations the button opens a menu to choose one; GraphiQL reparses the editor a moment after a change.
    await expect.poll(() => execute.getAttribute('aria-haspopup')).toBe(chooseOperation ? 'menu' : null);
    await execute.click();
    if (chooseOperation) await page.getByRole('menuitem', { name: chooseOperation }).click();
    const response = await answered;
    return { request: response.request(), body: (await response.json()) as Record<string, unknown> };
  }

  beforeAll(async () => {
    await buildExplorerIfStale();
    server = await startTestServer({ env: { NODE_ENV: 'development' } });
    profile = mkdtempSync(join(tmpdir(), 'explorer-profile-'));
    ({ browser, page } = await launchChromium(profile));
    await browser.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
    const serverHost = new URL(server.url).host;
    await browser.route('**/*', (route) => {
      const url = route.request().url();
      if (new URL(url).host === serverHost) return route.continue();
      blocked.push(url);
      return route.abort('internetdisconnected');
    });
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') pageErrors.push(message.text());
    });
  }, 600_000); // a first build of the bundle (Monaco is large) takes minutes on a busy machine
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  it('renders GraphiQL from its own files, loads the schema, and shows the how-to and the Authorization header ready to fill', async () => {
    const schemaLoaded = page.waitForResponse(async (response) => response.request().method() === 'POST' && JSON.stringify(await response.json()).includes('"__schema"'));
    await page.goto(`${server.url}/graphql`);
    expect((await schemaLoaded).status()).toBe(200); // its introspection query passes the operation limits
    await page.locator('.graphiql-container').waitFor();
    await expect.poll(() => page.locator('#how-to').textContent()).toMatch(/signup.*accessToken.*Headers/s);
    const headers = page.locator('section.graphiql-editor-tool[aria-label="Headers"] .graphiql-editor:not(.hidden)');
    await expect.poll(async () => (await headers.textContent())?.replace(/\s+/g, ' ')).toContain('"Authorization": "Bearer <token>"');
  });

  it('signs up with the offered mutation, sending no placeholder token', async () => {
    const { request, body } = await run('SignUp');
    expect(request.headers()['authorization']).toBeUndefined();
    const signup = (body['data'] as { signup: { accessToken: string; user: { email: string } } }).signup;
    expect(signup.user.email).toBe(email);
    await pasteIntoEditor('section.graphiql-editor-tool[aria-label="Headers"] .graphiql-editor:not(.hidden)', JSON.stringify({ Authorization: `Bearer ${signup.accessToken}` }));
    await pasteIntoEditor('section[aria-label="Operation Editor"]', '{ me { id email } }');

    const me = await run();
    expect(me.request.headers()['authorization']).toBe(`Bearer ${signup.accessToken}`);
    expect(me.body).toEqual({ data: { me: { id: expect.any(String), email } } });
    await expect.poll(() => page.locator('.graphiql-response').textContent()).toContain(email);
  });

  it('asked for nothing from another host, and broke no rule of its CSP', () => {
    expect(blocked).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
