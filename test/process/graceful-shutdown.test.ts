// The real entry point in a child process: SIGTERM lets in-flight requests
// finish, closes the database and exits 0; SHUTDOWN_TIMEOUT bounds the wait;
// a second signal exits at once.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultPassword } from '../helpers/accounts.js';
import { testSecret } from '../helpers/start-test-server.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const email = 'shutdown@example.com';

interface Child {
  readonly process: ChildProcess;
  readonly url: string;
  readonly lines: Array<Record<string, unknown>>;
  readonly exited: Promise<number | null>;
}

const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length > 0) cleanups.pop()?.();
});

async function startServer(env: Record<string, string> = {}): Promise<Child> {
  const dir = mkdtempSync(join(tmpdir(), 'graphql-auth-shutdown-'));
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: root,
    env: {
      PATH: process.env['PATH'] ?? '',
      NODE_ENV: 'production',
      JWT_SECRET: testSecret,
      DATABASE_URL: `file:${join(dir, 'app.db')}`,
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
      // One hash at a time: concurrent logins queue, so some are surely in flight.
      PASSWORD_HASH_CONCURRENCY: '1',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  cleanups.push(() => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });
  // 'close', not 'exit': only then has everything the process wrote to stdout been read.
  const exited = once(child, 'close').then(([code]) => code as number | null);
  const lines: Array<Record<string, unknown>> = [];
  let pending = '';
  const ready = new Promise<string>((resolveUrl, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      pending += chunk.toString('utf8');
      const complete = pending.split('\n');
      pending = complete.pop() ?? '';
      for (const text of complete.filter((t) => t.trim() !== '')) {
        const line = JSON.parse(text) as Record<string, unknown>;
        lines.push(line);
        if (typeof line['url'] === 'string' && line['url'].endsWith('/graphql')) resolveUrl(line['url'].slice(0, -'/graphql'.length));
      }
    });
    void exited.then((code) => reject(new Error(`server exited with ${code} before it was ready`)));
  });
  return { process: child, url: await ready, lines, exited };
}

function post(url: string, query: string): Promise<Response> {
  return fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
}

const loginQuery = `mutation { login(email: "${email}", password: "${defaultPassword}") { accessToken } }`;

/** Signs up, then starts `count` logins at once; they queue behind one another for the password hash. */
async function startLogins(server: Child, count: number) {
  expect((await post(server.url, `mutation { signup(email: "${email}", password: "${defaultPassword}") { accessToken } }`)).status).toBe(200);
  const logins = Array.from({ length: count }, () =>
    post(server.url, loginQuery).then(
      async (response) => ({ status: response.status, body: await response.text() }),
      () => ({ status: 0, body: 'connection lost' }),
    ),
  );
  // Once the first answers, the rest have long arrived and wait for the hasher.
  await Promise.race(logins);
  return logins;
}

describe('graceful shutdown', () => {
  it('finishes in-flight requests on SIGTERM, then exits 0', async () => {
    const server = await startServer();
    const logins = await startLogins(server, 4);
    server.process.kill('SIGTERM');
    const results = await Promise.all(logins);
    expect(results.map((r) => r.status)).toEqual([200, 200, 200, 200]);
    for (const r of results) expect(r.body).toContain('"accessToken":"ey');
    expect(await server.exited).toBe(0);
    const messages = server.lines.map((l) => l['msg']);
    expect(messages).toContain('shutting down: finishing in-flight requests');
    expect(messages.at(-1), JSON.stringify(messages)).toBe('shutdown complete');
    // Every login got its request line before the process went away.
    expect(server.lines.filter((l) => l['msg'] === 'request' && l['rootFields']?.toString() === 'login')).toHaveLength(4);
  });

  it('cuts requests still running after SHUTDOWN_TIMEOUT and exits 0', async () => {
    const server = await startServer({ SHUTDOWN_TIMEOUT: '50ms' });
    const logins = await startLogins(server, 12);
    server.process.kill('SIGTERM');
    expect(await server.exited).toBe(0);
    const results = await Promise.all(logins);
    expect(results.filter((r) => r.status === 0).length).toBeGreaterThan(0);
    expect(server.lines.find((l) => l['msg'] === 'shutting down: finishing in-flight requests')).toMatchObject({ timeoutMs: 50 });
  });

  it('exits at once on a second signal', async () => {
    const server = await startServer({ SHUTDOWN_TIMEOUT: '60s' });
    const logins = await startLogins(server, 12);
    server.process.kill('SIGTERM');
    server.process.kill('SIGINT');
    expect(await server.exited).toBe(1);
    const results = await Promise.all(logins);
    expect(results.filter((r) => r.status === 0).length).toBeGreaterThan(0);
    expect(server.lines.map((l) => l['msg'])).toContain('second signal: exiting now');
  });
});
