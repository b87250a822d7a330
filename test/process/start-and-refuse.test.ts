// The server as people start it: `tsx src/main.ts` refusing bad settings, and
// `npm start`'s path (build what is stale, then node dist/src/main.js) serving
// a fresh database with migrations and schema/ copied next to the code.
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/platform/config.js';
import { privateKeyPem } from '../helpers/private-keys.js';
import { repoRoot, runProcess, startProcess, tempDirectory, tsxBin } from '../helpers/run-process.js';

const directory = tempDirectory('start-test-');
afterAll(() => directory.remove());

describe('refusing to start', () => {
  // main.ts prints every ConfigError the same way; one real start shows how.
  it('exits non-zero with one plain message naming the setting, and no stack: production without JWT_SECRET', async () => {
    const result = await runProcess(tsxBin, ['src/main.ts'], { env: { PORT: '0', HOST: '127.0.0.1', DATABASE_URL: ':memory:', NODE_ENV: 'production' } });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('Cannot start: JWT_SECRET is required when NODE_ENV=production (at least 32 bytes, e.g. `openssl rand -base64 48`), unless JWT_PRIVATE_KEY is set\n');
    expect(result.stdout).toBe('');
  });

  // A key is checked when the app loads it (test/credentials/signing-keys.test.ts has every case): the same plain refusal.
  it('exits non-zero naming JWT_PRIVATE_KEY when it cannot sign, without repeating the key', async () => {
    const key = privateKeyPem('rsa1024');
    const result = await runProcess(tsxBin, ['src/main.ts'], { env: { PORT: '0', HOST: '127.0.0.1', DATABASE_URL: ':memory:', JWT_PRIVATE_KEY: key } });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('Cannot start: JWT_PRIVATE_KEY: an RSA key of 1024 bits is too small; use at least 2048 bits (or Ed25519)\n');
    expect(result.stdout).toBe('');
  });

  // The rest, in process: each is a ConfigError whose message names the setting.
  it.each([
    { why: 'production with an empty JWT_SECRET', env: { NODE_ENV: 'production', JWT_SECRET: '' }, says: /JWT_SECRET is required/ },
    { why: 'a JWT_SECRET under 32 bytes', env: { NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(31) }, says: /JWT_SECRET: must be at least 32 bytes/ },
    { why: 'a malformed duration', env: { ACCESS_TOKEN_TTL: 'soon' }, says: /ACCESS_TOKEN_TTL: "soon" is not a duration/ },
    { why: 'a REDIS_URL that is not a Redis URL', env: { REDIS_URL: 'localhost:6379' }, says: /REDIS_URL: must be a redis:\/\/ or rediss:\/\/ URL/ },
    { why: 'an EMAIL_UTF8_LOCAL_PARTS that is not true or false', env: { EMAIL_UTF8_LOCAL_PARTS: 'yes' }, says: /EMAIL_UTF8_LOCAL_PARTS: Invalid enum value\. Expected 'true' \| 'false'/ },
  ])('$why: a ConfigError naming the setting', ({ env, says }) => {
    const load = () => loadConfig({ PORT: '0', DATABASE_URL: ':memory:', ...env });
    expect(load).toThrow(ConfigError);
    expect(load).toThrow(says);
  });
});

describe('npm start', () => {
  it("builds what is stale (prestart), then serves a fresh database from dist/ and stops cleanly on SIGTERM; a second start builds nothing", async () => {
    // What prestart runs, as a production start would (EXPLORER is off there, so the explorer is not needed).
    const prestart = () => runProcess(process.execPath, ['scripts/build-if-stale.mjs'], { env: { NODE_ENV: 'production' }, timeoutMs: 300_000 });
    const build = await prestart();
    expect(build.stderr.replace(/npm warn.*\n/gi, '').replace(/^Building server \(npm run build:server\): .*\n/, '')).toBe('');
    expect(build.code).toBe(0);
    for (const path of ['dist/src/main.js', 'dist/src/cli/main.js', 'dist/db/sqlite/migrations/meta/_journal.json', 'dist/schema/user.graphql']) {
      expect(existsSync(join(repoRoot, path)), path).toBe(true);
    }
    expect(await prestart()).toEqual({ code: 0, stdout: '', stderr: '' });

    const databasePath = join(directory.path, 'nested', 'app.db'); // the directory does not exist yet
    const server = startProcess(process.execPath, ['dist/src/main.js'], { NODE_ENV: 'production', JWT_SECRET: 'a'.repeat(40), PORT: '0', HOST: '127.0.0.1', DATABASE_URL: `file:${databasePath}` });
    try {
      const url = await readyUrl(server.stdout);
      expect((await fetch(`${url}/healthz`)).status).toBe(200);
      const signup = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: 'mutation { signup(email: "first@example.com", password: "correct horse battery") { tokenType user { role } } }' }),
      });
      expect(await signup.json()).toEqual({ data: { signup: { tokenType: 'Bearer', user: { role: 'USER' } } } });
      expect(existsSync(databasePath)).toBe(true);
    } finally {
      server.kill('SIGTERM');
    }
    const [code] = (await once(server, 'close')) as [number | null];
    expect(code).toBe(0);
  }, 300_000); // when src/ changed, a full type-checked build: several seconds of CPU, more when the machine is busy
});

/** The URL from the "GraphQL API ready" JSON log line on stdout. */
async function readyUrl(stdout: NodeJS.ReadableStream | null): Promise<string> {
  let buffered = '';
  for await (const chunk of stdout ?? []) {
    buffered += String(chunk);
    for (const line of buffered.split('\n')) {
      const match = /"url":"(http:\/\/[^"]+)\/graphql"/.exec(line);
      if (match?.[1]) return match[1];
    }
  }
  throw new Error(`the server exited before it was ready:\n${buffered}`);
}
