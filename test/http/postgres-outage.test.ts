// PostgreSQL going away and coming back, without touching the machine's
// service: the test database stops accepting connections and its backends are
// terminated, as in a restart; or a TCP proxy in front of it refuses, or
// forwards nothing (a silent database). While it is away, requests that need
// it get HTTP 503 SERVICE_UNAVAILABLE (reason DATABASE_UNAVAILABLE, with
// Retry-After; no SQL or driver text) within the statement timeout, and
// /healthz and /readyz 503; once it is back, the same server answers again
// with no restart, and nothing a failed request touched was half-written.
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase } from '../../db/create-database.js';
import { login, refresh, signup } from '../helpers/accounts.js';
import { createApiKey } from '../helpers/api-keys.js';
import { expectDatabaseUnavailable } from '../helpers/database-unavailable.js';
import { startTestServer, type TestServer } from '../helpers/start-test-server.js';
import { startTcpProxy } from '../helpers/tcp-proxy.js';
import { createTestPostgres, noteSkippedWithoutPostgres, testDatabaseUrl, type TestPostgres } from '../helpers/test-postgres.js';

noteSkippedWithoutPostgres('test/http/postgres-outage.test.ts (database down and back)');

const minute = 60_000;

/** Polls (every 50 ms, for at most 15 s) until `path` answers `status`. */
async function answers(server: TestServer, path: string, status: number): Promise<void> {
  for (let waited = 0; waited < 15_000; waited += 50) {
    if ((await server.fetch(path)).status === status) return;
    await sleep(50);
  }
  throw new Error(`${path} never answered ${status}`);
}

describe.skipIf(testDatabaseUrl === undefined)('PostgreSQL down and back', () => {
  let postgres: TestPostgres;
  let server: TestServer;
  const healthz = async () => (await server.fetch('/healthz')).status;

  beforeAll(async () => {
    postgres = await createTestPostgres(testDatabaseUrl ?? '');
    server = await startTestServer({ env: { DATABASE_URL: postgres.url, SESSION_CACHE_TTL: '5s' } });
  });
  afterAll(async () => {
    await server?.close();
    await postgres?.acceptConnections(true);
    await postgres?.drop();
  });

  it('answers 503 SERVICE_UNAVAILABLE with Retry-After while down, then recovers without a restart', async () => {
    const ada = await signup(server, 'ada@example.com');
    const { key } = await createApiKey(server, ada.accessToken, ['profile:read']);
    expect(await healthz()).toBe(200);

    await postgres.acceptConnections(false);
    expect(await postgres.terminateConnections()).toBeGreaterThan(0);
    server.clock.advance(minute); // past SESSION_CACHE_TTL: the next check must ask the database

    // A sign-in first: its failed query carried the email, and is the one the log shows.
    expectDatabaseUnavailable(await server.graphql('mutation { login(email: "ada@example.com", password: "whatever it is") { accessToken } }'));
    expect(await healthz()).toBe(503);
    expect((await server.fetch('/readyz')).status).toBe(503);
    // The session check itself cannot be made: the whole request is refused.
    expectDatabaseUnavailable(await server.graphql('{ me { id email } }', { token: ada.accessToken }));
    expectDatabaseUnavailable(await server.graphql('{ me { id } }', { token: key })); // an API key's check alike
    expectDatabaseUnavailable(await refresh(server, ada.refreshToken));
    expectDatabaseUnavailable(await server.graphql('mutation($e: String!, $p: String!) { signup(email: $e, password: $p) { accessToken } }', { variables: { e: 'bob@example.com', p: 'correct horse battery' } }));
    // One warning for the outage, not an error with a stack for each request;
    // the failed query is named, its values (the email) are not.
    const warnings = server.logs.filter((line) => line['msg'] === 'database unavailable: answering 503 SERVICE_UNAVAILABLE');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]?.['err']).toMatchObject({ message: expect.stringMatching(/^Failed query: select .* from "users" .*\nparams: \[redacted\]/s) });
    expect(JSON.stringify(server.logs)).not.toContain('ada@example.com');
    expect(server.logs.some((line) => line['msg'] === 'unexpected error' || line['msg'] === 'building the request context failed')).toBe(false);

    await postgres.acceptConnections(true);
    expect(await healthz()).toBe(200);
    const me = await server.graphql('{ me { email } }', { token: ada.accessToken });
    expect(me.body).toEqual({ data: { me: { email: 'ada@example.com' } } });
    expect((await server.graphql('{ me { email } }', { token: key })).body).toEqual({ data: { me: { email: 'ada@example.com' } } });
    // The refresh that failed while down used nothing up: the same token still rotates, once.
    const rotated = await refresh(server, ada.refreshToken);
    expect(rotated.body.errors).toBeUndefined();
    // The signup that failed stored nothing: the email is still free.
    await signup(server, 'bob@example.com');
    await login(server, 'ada@example.com');
  });

  it('keeps 200 for fields that ran when another failed for the database, with Retry-After', async () => {
    const grace = await signup(server, 'mixed@example.com');
    // Asked once, the session's liveness is cached (SESSION_CACHE_TTL).
    expect((await server.graphql('{ me { id } }', { token: grace.accessToken })).status).toBe(200);
    await postgres.acceptConnections(false);
    await postgres.terminateConnections();
    try {
      // `me` is answered from the session cache; its sessions need the database.
      const result = await server.graphql('{ me { id } sessionsOfMe: me { sessions { id } } }', { token: grace.accessToken });
      expect(result.status).toBe(200);
      expect(result.body.data?.['me']).toEqual({ id: grace.id });
      expect(result.body.errors?.[0]).toMatchObject({ path: ['sessionsOfMe', 'sessions'], extensions: { code: 'SERVICE_UNAVAILABLE', reason: 'DATABASE_UNAVAILABLE' } });
      expect(result.headers.get('retry-after')).toBe('2');
    } finally {
      await postgres.acceptConnections(true);
    }
  });

  it('logs a lost pooled connection as a warning and keeps serving on a fresh one', async () => {
    const grace = await signup(server, 'grace@example.com');
    const losses = () => server.logs.filter((line) => line['level'] === 40 && line['msg'] === 'database connection lost; the pool will reconnect').length;
    const before = losses();
    const lost = () => losses() > before;
    expect(await postgres.terminateConnections()).toBeGreaterThan(0);
    // pg_terminate_backend only signals the backend: the pool hears of the loss
    // a moment later (a request sent in between fails with 503, as it should).
    for (let waited = 0; !lost() && waited < 5_000; waited += 20) await sleep(20);
    expect(lost()).toBe(true);
    server.clock.advance(minute);
    const me = await server.graphql('{ me { email } }', { token: grace.accessToken });
    expect(me.body).toEqual({ data: { me: { email: 'grace@example.com' } } });
  });
});

describe.skipIf(testDatabaseUrl === undefined)('PostgreSQL silent (connections open, nothing answered)', () => {
  it('answers 503 within about DATABASE_STATEMENT_TIMEOUT, then recovers on fresh connections', async () => {
    const postgres = await createTestPostgres(testDatabaseUrl ?? '');
    const proxy = await startTcpProxy(postgres.url);
    const server = await startTestServer({ env: { DATABASE_URL: proxy.url, DATABASE_STATEMENT_TIMEOUT: '500ms' } });
    try {
      const ada = await signup(server, 'silent@example.com');
      proxy.freeze();
      server.clock.advance(minute);
      const started = performance.now();
      const results = await Promise.all([
        server.graphql('{ me { email } }', { token: ada.accessToken }),
        refresh(server, ada.refreshToken),
        server.graphql('mutation { login(email: "silent@example.com", password: "whatever it is") { accessToken } }'),
      ]);
      // Each waits at most the timeout for a pooled connection and the timeout for its statement (and a little):
      // generous here, on a shared machine; the README's figures come from the fault test.
      expect(performance.now() - started).toBeLessThan(10_000);
      for (const result of results) expectDatabaseUnavailable(result);

      proxy.restore();
      await answers(server, '/readyz', 200);
      expect((await refresh(server, ada.refreshToken)).body.errors).toBeUndefined();
    } finally {
      await server.close();
      await proxy.close();
      await postgres.drop();
    }
  });
});

describe.skipIf(testDatabaseUrl === undefined)('PostgreSQL unreachable at start', () => {
  it('starts anyway, answers 503 and /readyz 503, and migrates and serves once it can reach it', async () => {
    const postgres = await createTestPostgres(testDatabaseUrl ?? '');
    const proxy = await startTcpProxy(postgres.url);
    proxy.cut(); // connections are accepted and dropped at once
    const server = await startTestServer({ env: { DATABASE_URL: proxy.url } });
    try {
      expect(await (await server.fetch('/readyz')).json()).toMatchObject({ status: 'unavailable', checks: { database: 'failing' } });
      expect((await server.fetch('/healthz')).status).toBe(503);
      expectDatabaseUnavailable(await server.graphql('mutation { signup(email: "early@example.com", password: "correct horse battery") { accessToken } }'));
      expect(server.logs.find((line) => line['msg'] === 'database unreachable at start: serving 503 until it can be migrated')).toMatchObject({ level: 40, attempt: 1, problem: { message: 'Connection terminated unexpectedly' } });

      proxy.restore();
      await answers(server, '/readyz', 200);
      expect(server.logs.some((line) => line['msg'] === 'database reachable: migrations applied, serving')).toBe(true);
      await signup(server, 'early@example.com');
    } finally {
      await server.close();
      await proxy.close();
      await postgres.drop();
    }
  });

  it('is an error for the CLI and scripts, which have nobody to serve meanwhile', async () => {
    await expect(createDatabase('postgres://postgres@127.0.0.1:1/test')).rejects.toThrow(/ECONNREFUSED/);
  });

  it('still refuses to start when waiting would not help: a database that does not exist', async () => {
    const url = new URL(testDatabaseUrl ?? '');
    url.pathname = '/gql_auth_no_such_database';
    await expect(startTestServer({ env: { DATABASE_URL: url.toString() } })).rejects.toThrow(/PostgreSQL at .*gql_auth_no_such_database: database "gql_auth_no_such_database" does not exist/);
  });
});
