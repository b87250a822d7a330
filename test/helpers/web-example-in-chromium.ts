// The web example (examples/web) built with Vite into a temporary folder,
// served from an origin of its own (so its calls to the API are real
// cross-origin requests) and opened in Debian's Chromium through
// playwright-core. Every browser test starts here.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { build } from 'vite';
import type { Env } from '../../src/platform/config.js';
import { serveDirectory } from './serve-directory.js';
import { startTestServer, type TestServer } from './start-test-server.js';

const chromiumPath = '/usr/bin/chromium';
const chromiumArgs = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-quic', '--no-first-run', '--disable-sync'];

/** Whether Chromium is here; when not, says on the console which test file is skipped and how to install it. */
export function chromiumAvailable(testFile: string): boolean {
  const available = existsSync(chromiumPath);
  if (!available) console.warn(`SKIPPED ${testFile}: no Chromium at ${chromiumPath} (install it with: apt-get install -y chromium)`);
  return available;
}

/** Chromium with a fresh profile in `profileDir`, and its one tab (no page opened yet). */
export async function launchChromium(profileDir: string): Promise<{ readonly browser: BrowserContext; readonly page: Page }> {
  const browser = await chromium.launchPersistentContext(profileDir, { executablePath: chromiumPath, headless: true, args: chromiumArgs });
  const page = browser.pages()[0] ?? (await browser.newPage());
  page.setDefaultTimeout(10_000);
  return { browser, page };
}

export interface WebExample {
  /** Where the page is served, e.g. http://127.0.0.1:41234: the API's CORS_ORIGINS (and APP_URL) must name it. */
  readonly origin: string;
  /** Builds the page against `apiUrl` and opens a browser with one tab (not yet at the page). */
  open(apiUrl: string): Promise<{ readonly browser: BrowserContext; readonly page: Page }>;
  /** Closes the browser and the site and removes every temporary folder. */
  close(): Promise<void>;
}

/** `spa`: serve index.html for paths without an extension (the pages mailed links open). */
export async function prepareWebExample(name: string, options: { spa?: boolean } = {}): Promise<WebExample> {
  const dirs: string[] = [];
  const tempDir = (suffix: string) => {
    const dir = mkdtempSync(join(tmpdir(), `${name}-${suffix}-`));
    dirs.push(dir);
    return dir;
  };
  const outDir = tempDir('dist');
  const site = await serveDirectory(outDir, options);
  let browser: BrowserContext | undefined;
  return {
    origin: site.origin,
    async open(apiUrl) {
      await build({ configFile: 'examples/web/vite.config.ts', logLevel: 'warn', build: { outDir }, define: { 'import.meta.env.VITE_API_URL': JSON.stringify(apiUrl) } });
      const opened = await launchChromium(tempDir('profile'));
      browser = opened.browser;
      return opened;
    },
    async close() {
      await browser?.close();
      await site.close();
      for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface ExampleInChromium {
  readonly server: TestServer;
  readonly site: WebExample;
  readonly browser: BrowserContext;
  /** The page, not yet opened: tests attach their listeners, then `page.goto(site.origin)`. */
  readonly page: Page;
  readonly apiUrl: string;
  close(): Promise<void>;
}

/** The page, built against a fresh test server whose CORS_ORIGINS names the page's origin, open in Chromium. */
export async function openExampleInChromium(options: { readonly name: string; readonly env?: Env }): Promise<ExampleInChromium> {
  const site = await prepareWebExample(options.name);
  const server = await startTestServer({ env: { CORS_ORIGINS: site.origin, ...options.env } });
  const apiUrl = `${server.url}/graphql`;
  const { browser, page } = await site.open(apiUrl);
  return {
    server,
    site,
    browser,
    page,
    apiUrl,
    async close() {
      await site.close();
      await server.close();
    },
  };
}
