// The real entry point in a child process: SIGTERM lets in-flight requests
// finish (each answer telling its keep-alive client the connection closes),
// closes the database and exits 0; SHUTDOWN_TIMEOUT bounds the wait; a second
// signal exits at once.
import { afterEach, describe, expect, it } from 'vitest';
import { defaultPassword } from '../helpers/accounts.js';
import { tempDirectory } from '../helpers/run-process.js';
import { startServerProcess, type ServerProcess } from '../helpers/server-process.js';
import { testSecret } from '../helpers/start-test-server.js';

const email = 'shutdown@example.com';

const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length > 0) cleanups.pop()?.();
});

async function startServer(env: Record<string, string> = {}): Promise<ServerProcess> {
  const directory = tempDirectory('graphql-auth-shutdown-');
  cleanups.push(directory.remove);
  const server = await startServerProcess({
    NODE_ENV: 'production',
    JWT_SECRET: testSecret,
    DATABASE_URL: `file:${directory.path}/app.db`,
    LOG_LEVEL: 'info',
    // One hash at a time: concurrent logins queue, so some are surely in flight.
    PASSWORD_HASH_CONCURRENCY: '1',
    ...env,
  });
  cleanups.push(server.kill);
  return server;
}

function post(url: string, query: string): Promise<Response> {
  return fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
}

const loginQuery = `mutation { login(email: "${email}", password: "${defaultPassword}") { accessToken } }`;

/** Signs up, then starts `count` logins at once; they queue behind one another for the password hash. */
async function startLogins(server: ServerProcess, count: number, finished: Array<string | null> = []) {
  expect((await post(server.url, `mutation { signup(email: "${email}", password: "${defaultPassword}") { accessToken } }`)).status).toBe(200);
  const logins = Array.from({ length: count }, () =>
    post(server.url, loginQuery).then(
      async (response) => {
        finished.push(response.headers.get('connection'));
        return { status: response.status, body: await response.text() };
      },
      () => ({ status: 0, body: 'connection lost' }),
    ),
  );
  // Once the first answers, the rest have long arrived and wait for the hasher.
  await Promise.race(logins);
  return logins;
}

describe('graceful shutdown', () => {
  it('finishes in-flight requests on SIGTERM, then exits 0', async () => {
    const server = await startServer({ RATE_LIMIT_LOGIN_PER_EMAIL: '100/1m' });
    const connectionHeaders: Array<string | null> = []; // in the order the answers came
    // Six, so that some surely wait for the hasher when the signal comes.
    const logins = await startLogins(server, 6, connectionHeaders);
    server.process.kill('SIGTERM');
    const results = await Promise.all(logins);
    expect(results.map((r) => r.status)).toEqual(Array(6).fill(200));
    for (const r of results) expect(r.body).toContain('"accessToken":"ey');
    // Each kept-alive connection answered during the drain is told, on that
    // answer, that it closes, rather than being closed under its client.
    // (The first answer came before the signal.)
    const fromDrain = connectionHeaders.indexOf('close');
    expect(fromDrain).toBeGreaterThan(0);
    expect(connectionHeaders.slice(0, fromDrain).every((header) => header === 'keep-alive')).toBe(true);
    expect(connectionHeaders.slice(fromDrain)).toEqual(Array(6 - fromDrain).fill('close'));
    expect(await server.exited).toBe(0);
    const messages = server.lines.map((l) => l['msg']);
    expect(messages).toContain('shutting down: finishing in-flight requests');
    expect(messages.at(-1), JSON.stringify(messages)).toBe('shutdown complete');
    // Every login got its request line before the process went away.
    expect(server.lines.filter((l) => l['msg'] === 'request' && l['rootFields']?.toString() === 'login')).toHaveLength(6);
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
