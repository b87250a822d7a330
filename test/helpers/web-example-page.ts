// The web example (examples/web) built against a test server and open in
// Chromium, for the browser tests: the page on an origin of its own (so
// every call is a real cross-origin request CORS must allow), its API calls
// recorded by operation name. Served as http://localhost:<port>, which is a
// secure context whose host can be a WebAuthn RP id (an IP address cannot).
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { build } from 'vite';
import type { Env } from '../../src/platform/config.js';
import { serveDirectory } from './serve-directory.js';
import { startTestServer, type TestServer } from './start-test-server.js';

export const chromiumPath = '/usr/bin/chromium';
export const hasChromium = existsSync(chromiumPath);

const chromiumArgs = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-quic', '--no-first-run', '--disable-sync'];

export interface WebExamplePage {
  readonly server: TestServer;
  readonly browser: BrowserContext;
  readonly page: Page;
  /** The page's origin, e.g. http://localhost:41234. */
  readonly origin: string;
  /** Operation names of the page's API calls so far, in order. */
  readonly operations: string[];
  close(): Promise<void>;
}

/** Builds the example for a fresh test server (`env(origin)` adds settings that name the page's origin) and opens it. */
export async function openWebExample(env: (origin: string) => Env = () => ({})): Promise<WebExamplePage> {
  const dirs = [mkdtempSync(join(tmpdir(), 'web-example-dist-')), mkdtempSync(join(tmpdir(), 'web-example-profile-'))];
  const [outDir = '', profile = ''] = dirs;
  const site = await serveDirectory(outDir);
  const origin = site.origin.replace('127.0.0.1', 'localhost');
  const server = await startTestServer({ env: { CORS_ORIGINS: origin, ...env(origin) } });
  const apiUrl = `${server.url}/graphql`;
  await build({ configFile: 'examples/web/vite.config.ts', logLevel: 'warn', build: { outDir }, define: { 'import.meta.env.VITE_API_URL': JSON.stringify(apiUrl) } });
  const browser = await chromium.launchPersistentContext(profile, { executablePath: chromiumPath, headless: true, args: chromiumArgs });
  const page = browser.pages()[0] ?? (await browser.newPage());
  page.setDefaultTimeout(10_000);
  const operations: string[] = [];
  page.on('request', (request) => {
    if (request.url() !== apiUrl || request.method() !== 'POST') return;
    const query = (request.postDataJSON() as { query?: string } | null)?.query ?? '';
    operations.push(/^\s*(?:query|mutation)\s+(\w+)/.exec(query)?.[1] ?? 'anonymous');
  });
  await page.goto(`${origin}/`);
  return {
    server,
    browser,
    page,
    origin,
    operations,
    async close() {
      await browser.close();
      await server.close();
      await site.close();
      for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
    },
  };
}
