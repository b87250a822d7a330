// The web example (examples/web) built with Vite into a temporary directory,
// served from an origin of its own (so every call to the API is a real
// cross-origin request CORS_ORIGINS must allow), the real server, and Debian's
// Chromium driven by playwright-core, for the browser tests.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { build } from 'vite';
import type { Env } from '../../src/platform/config.js';
import { serveDirectory, type ServedDirectory } from './serve-directory.js';
import { startTestServer, type TestServer } from './start-test-server.js';

const chromiumPath = '/usr/bin/chromium';
const chromiumArgs = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-quic', '--no-first-run', '--disable-sync'];

/** Whether Chromium is here; if not, says once that `file`'s tests are skipped. */
export function chromiumAvailable(file: string): boolean {
  const found = existsSync(chromiumPath);
  if (!found) console.warn(`SKIPPED ${file}: no Chromium at ${chromiumPath} (install it with: apt-get install -y chromium)`);
  return found;
}

export interface ExampleInChromium {
  readonly server: TestServer;
  readonly site: ServedDirectory;
  readonly browser: BrowserContext;
  /** The page, not yet opened: tests attach their listeners, then `page.goto(site.origin)`. */
  readonly page: Page;
  readonly apiUrl: string;
  close(): Promise<void>;
}

export async function openExampleInChromium(options: { readonly name: string; readonly env?: Env }): Promise<ExampleInChromium> {
  const directories: string[] = [];
  const tempDir = (purpose: string) => {
    const dir = mkdtempSync(join(tmpdir(), `${options.name}-${purpose}-`));
    directories.push(dir);
    return dir;
  };
  const outDir = tempDir('dist');
  const site = await serveDirectory(outDir);
  const server = await startTestServer({ env: { CORS_ORIGINS: site.origin, ...options.env } });
  const apiUrl = `${server.url}/graphql`;
  await build({ configFile: 'examples/web/vite.config.ts', logLevel: 'warn', build: { outDir }, define: { 'import.meta.env.VITE_API_URL': JSON.stringify(apiUrl) } });
  const browser = await chromium.launchPersistentContext(tempDir('profile'), { executablePath: chromiumPath, headless: true, args: chromiumArgs });
  const page = browser.pages()[0] ?? (await browser.newPage());
  page.setDefaultTimeout(10_000);
  return {
    server,
    site,
    browser,
    page,
    apiUrl,
    async close() {
      await browser.close();
      await server.close();
      await site.close();
      for (const dir of directories) rmSync(dir, { recursive: true, force: true });
    },
  };
}
