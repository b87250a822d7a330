// GET /graphql from a browser (Accept: text/html) opens the explorer chosen
// by EXPLORER: the bundled GraphiQL (the default outside production), Apollo
// Sandbox, or nothing (the production default). GraphiQL's page and files
// come from the server itself under a CSP of 'self'; here they come from a
// stand-in bundle (the real one is built and driven in
// test/browser/explorer.test.ts).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { get } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { explorerPolicy } from '../../src/http/security-headers.js';
import { ConfigError, loadConfig } from '../../src/platform/config.js';
import { startTestServer, testEnv, type TestServer } from '../helpers/start-test-server.js';

const sandboxOrigin = 'https://sandbox.embed.apollographql.com';
const browserGet = (server: TestServer) => server.fetch('/graphql', { headers: { accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' } });

// A bundle as `npm run build:explorer` lays it out: index.html, and its files in explorer/.
const bundle = mkdtempSync(join(tmpdir(), 'explorer-bundle-'));
const script = 'console.log("explorer");\n';
mkdirSync(join(bundle, 'explorer'));
writeFileSync(join(bundle, 'index.html'), '<!doctype html><title>stand-in explorer</title><script type="module" src="./explorer/index-Ab1_x-9.js"></script>');
writeFileSync(join(bundle, 'explorer', 'index-Ab1_x-9.js'), script);
writeFileSync(join(bundle, 'explorer', 'notes.txt'), 'not a kind of file Vite emits');
writeFileSync(join(bundle, 'explorer', '.hidden.js'), 'no file Vite emits starts with a dot');
writeFileSync(join(bundle, 'secret.js'), 'outside the files folder');
const missingBundle = join(bundle, 'nowhere');

/** A GET whose path goes out exactly as written. */
function rawGet(base: string, path: string): Promise<{ status: number | undefined; body: string }> {
  return new Promise((resolve, reject) => {
    get(`${base}/`, { path }, (response) => {
      let body = '';
      response.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      response.on('end', () => resolve({ status: response.statusCode, body }));
    }).on('error', reject);
  });
}
afterAll(() => rmSync(bundle, { recursive: true, force: true }));

describe('EXPLORER=graphiql (the default outside production)', () => {
  let server: TestServer;
  let unbuilt: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ env: { NODE_ENV: 'development' }, explorerDirectory: bundle });
    unbuilt = await startTestServer({ env: { NODE_ENV: 'development' }, explorerDirectory: missingBundle });
  });
  afterAll(async () => {
    await server.close();
    await unbuilt.close();
  });

  it("serves the bundle's page to a browser, under a CSP that runs only this server's scripts", async () => {
    const page = await browserGet(server);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await page.text()).toContain('<title>stand-in explorer</title>');
    expect(page.headers.get('content-security-policy')).toBe(explorerPolicy);
    expect(explorerPolicy).toMatch(/script-src 'self';/);
    expect(explorerPolicy).toMatch(/connect-src 'self';/);
  });

  it('answers JSON, not the page, to a client that asks for JSON', async () => {
    const response = await server.fetch('/graphql?query=%7B__typename%7D', { headers: { accept: 'application/json', 'apollo-require-preflight': 'true' } });
    expect(await response.json()).toEqual({ data: { __typename: 'Query' } });
  });

  it("serves the bundle's files, cached for good (their names change with their content)", async () => {
    const file = await server.fetch('/explorer/index-Ab1_x-9.js');
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(file.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(await file.text()).toBe(script);
    const head = await server.fetch('/explorer/index-Ab1_x-9.js', { method: 'HEAD' });
    expect([head.status, head.headers.get('content-length')]).toEqual([200, String(Buffer.byteLength(script))]);
  });

  it.each([
    ['a file that is not there', '/explorer/index-nothere.js'],
    ['a kind of file the bundle has not', '/explorer/notes.txt'],
    ['a path out of the folder', '/explorer/%2e%2e%2fsecret.js'],
    ['a hidden file', '/explorer/.hidden.js'],
    ['a folder', '/explorer/'],
  ])('answers 404 NOT_FOUND for %s', async (_why, path) => {
    const response = await server.fetch(path);
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ errors: [{ message: expect.any(String), extensions: { code: 'NOT_FOUND' } }] });
  });

  it('answers 404 NOT_FOUND for a path out of the folder sent as it is (fetch would tidy the dots away)', async () => {
    const { status, body } = await rawGet(server.url, '/explorer/../secret.js');
    expect(status).toBe(404);
    expect(JSON.parse(body)).toEqual({ errors: [{ message: expect.any(String), extensions: { code: 'NOT_FOUND' } }] });
  });

  it('answers 405 to anything but GET and HEAD', async () => {
    const response = await server.fetch('/explorer/index-Ab1_x-9.js', { method: 'POST', body: 'x' });
    expect([response.status, response.headers.get('allow')]).toEqual([405, 'GET, HEAD']);
  });

  it('says how to build the explorer when the bundle is missing, at boot and on the page', async () => {
    expect(unbuilt.logs.some((line) => line['level'] === 40 && String(line['msg']).includes('The explorer (GraphiQL) is not built: run `npm run build`'))).toBe(true);
    const page = await browserGet(unbuilt);
    expect(page.status).toBe(200);
    const text = await page.text();
    expect(text).toContain('The explorer (GraphiQL) is not built');
    expect(text).toContain('npm run build');
    expect(text).not.toContain('<script');
  });
});

describe('EXPLORER=sandbox', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ env: { NODE_ENV: 'development', EXPLORER: 'sandbox' }, explorerDirectory: bundle });
  });
  afterAll(() => server.close());

  it('serves the embedded Apollo Sandbox to a browser, with no CSP of ours (it is a page of Apollo CDN)', async () => {
    const response = await browserGet(server);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await response.text()).toContain('new window.EmbeddedSandbox(');
    expect(response.headers.get('content-security-policy')).toBeNull();
    expect((await server.fetch('/explorer/index-Ab1_x-9.js')).status).toBe(404);
  });

  it('lets the Sandbox origin send Authorization (CORS preflight and the request itself)', async () => {
    const preflight = await server.fetch('/graphql', {
      method: 'OPTIONS',
      headers: { origin: sandboxOrigin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
    expect(preflight.headers.get('access-control-allow-headers')).toMatch(/authorization/);
    const result = await server.graphql('{ me { id } }', { headers: { origin: sandboxOrigin } });
    expect(result.headers.get('access-control-allow-origin')).toBe('*');
    expect(result.body).toEqual({ data: { me: null } });
  });
});

describe.each([
  ['EXPLORER=off', { NODE_ENV: 'development', EXPLORER: 'off' }],
  ['production (off by default)', { NODE_ENV: 'production' }],
  ['production with EXPLORER=off', { NODE_ENV: 'production', EXPLORER: 'off' }],
])('%s', (_name, env) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ env, explorerDirectory: bundle });
  });
  afterAll(() => server.close());

  it('serves no explorer: a browser gets the JSON refusal of a GET without a query, under a CSP that allows nothing', async () => {
    const response = await browserGet(server);
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toMatch(/json/);
    expect(await response.text()).not.toMatch(/EmbeddedSandbox|stand-in explorer/);
    expect(response.headers.get('content-security-policy')).toBe("default-src 'none'; frame-ancestors 'none'");
    expect((await server.fetch('/explorer/index-Ab1_x-9.js')).status).toBe(404);
  });
});

describe('the EXPLORER setting', () => {
  it.each(['graphiql', 'sandbox'])('refuses EXPLORER=%s in production, naming the setting', (explorer) => {
    const load = () => loadConfig(testEnv({ NODE_ENV: 'production', EXPLORER: explorer }));
    expect(load).toThrow(ConfigError);
    expect(load).toThrow(`EXPLORER=${explorer} is for development; production serves no explorer (leave EXPLORER unset or set it to off)`);
  });

  it('refuses a value it does not know, listing the ones it does', () => {
    const load = () => loadConfig(testEnv({ EXPLORER: 'playground' }));
    expect(load).toThrow(ConfigError);
    expect(load).toThrow("EXPLORER: Invalid enum value. Expected 'graphiql' | 'sandbox' | 'off', received 'playground'");
  });

  it.each([
    ['development', undefined, 'graphiql'],
    ['test', undefined, 'graphiql'],
    ['production', undefined, 'off'],
    ['development', 'sandbox', 'sandbox'],
    ['development', 'off', 'off'],
  ] as const)('NODE_ENV=%s, EXPLORER=%s: %s', (nodeEnv, explorer, expected) => {
    expect(loadConfig(testEnv({ NODE_ENV: nodeEnv, ...(explorer ? { EXPLORER: explorer } : {}) })).explorer).toBe(expected);
  });
});
