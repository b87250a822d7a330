// PostgreSQL going away and coming back, without touching the machine's
// service: the test database stops accepting connections and its backends are
// terminated, as in a restart. While it is down, requests that need it get a
// generic INTERNAL_SERVER_ERROR (no SQL, no driver text) and /healthz 503;
// once it is back, the same server answers again with no restart, and nothing
// a failed request touched was half-written.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codeOf, login, refresh, signup } from '../helpers/accounts.js';
import { startTestServer, type GraphqlResult, type TestServer } from '../helpers/start-test-server.js';
import { createTestPostgres, noteSkippedWithoutPostgres, testDatabaseUrl, type TestPostgres } from '../helpers/test-postgres.js';

noteSkippedWithoutPostgres('test/http/postgres-outage.test.ts (database down and back)');

const minute = 60_000;

/** Everything the client can read, for checking that no SQL or driver detail leaks. */
const leaked = (result: GraphqlResult) => JSON.stringify(result.body).toLowerCase();
const expectGenericFailure = (result: GraphqlResult) => {
  expect(codeOf(result)).toBe('INTERNAL_SERVER_ERROR');
  expect(result.body.errors?.[0]?.message).toBe('Internal server error');
  for (const word of ['select', 'insert', 'update', 'from', 'users', 'sessions', 'refresh_tokens', 'failed query', 'connect', 'database', 'terminat']) {
    expect(leaked(result)).not.toContain(word);
  }
};

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

  it('fails requests generically and reports 503 while down, then recovers without a restart', async () => {
    const ada = await signup(server, 'ada@example.com');
    expect(await healthz()).toBe(200);

    await postgres.acceptConnections(false);
    expect(await postgres.terminateConnections()).toBeGreaterThan(0);
    server.clock.advance(minute); // past SESSION_CACHE_TTL: the next check must ask the database

    expect(await healthz()).toBe(503);
    expectGenericFailure(await server.graphql('{ me { id email } }', { token: ada.accessToken }));
    const loginWhileDown = await server.graphql('mutation { login(email: "ada@example.com", password: "whatever it is") { accessToken } }');
    expectGenericFailure(loginWhileDown);
    expectGenericFailure(await refresh(server, ada.refreshToken));
    expectGenericFailure(await server.graphql('mutation($e: String!, $p: String!) { signup(email: $e, password: $p) { accessToken } }', { variables: { e: 'bob@example.com', p: 'correct horse battery' } }));
    // The real error is logged for the operator, with the request id.
    expect(server.logs.some((line) => line['msg'] === 'unexpected error' && typeof line['requestId'] === 'string')).toBe(true);

    await postgres.acceptConnections(true);
    expect(await healthz()).toBe(200);
    const me = await server.graphql('{ me { email } }', { token: ada.accessToken });
    expect(me.body).toEqual({ data: { me: { email: 'ada@example.com' } } });
    // The refresh that failed while down used nothing up: the same token still rotates, once.
    const rotated = await refresh(server, ada.refreshToken);
    expect(rotated.body.errors).toBeUndefined();
    // The signup that failed stored nothing: the email is still free.
    await signup(server, 'bob@example.com');
    await login(server, 'ada@example.com');
  });

  it('logs a lost pooled connection as a warning and keeps serving on a fresh one', async () => {
    const grace = await signup(server, 'grace@example.com');
    expect(await postgres.terminateConnections()).toBeGreaterThan(0);
    server.clock.advance(minute);
    const me = await server.graphql('{ me { email } }', { token: grace.accessToken });
    expect(me.body).toEqual({ data: { me: { email: 'grace@example.com' } } });
    expect(server.logs.some((line) => line['level'] === 40 && line['msg'] === 'database connection lost; the pool will reconnect')).toBe(true);
  });
});

describe('PostgreSQL unreachable at start', () => {
  it('refuses to start with the connection error rather than serving without a database', async () => {
    const closedPort = 'postgres://postgres@127.0.0.1:1/test';
    await expect(startTestServer({ env: { DATABASE_URL: closedPort } })).rejects.toThrow(/ECONNREFUSED/);
  });
});
