// On PostgreSQL the sign-in path runs named prepared statements, parsed and
// planned once per connection, as SQLite runs prepared ones. With a pool of
// one connection, pg_prepared_statements (which lists the statements of the
// session asking) shows what the server's own connection prepared.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signup } from '../helpers/accounts.js';
import { startTestServer, type TestServer } from '../helpers/start-test-server.js';
import { createTestPostgres, noteSkippedWithoutPostgres, testDatabaseUrl, type TestPostgres } from '../helpers/test-postgres.js';

noteSkippedWithoutPostgres('test/repositories/pg-prepared-statements.test.ts');

describe.skipIf(testDatabaseUrl === undefined)('the PostgreSQL sign-in path', () => {
  let postgres: TestPostgres;
  let server: TestServer;
  beforeAll(async () => {
    postgres = await createTestPostgres(testDatabaseUrl ?? '');
    server = await startTestServer({ env: { DATABASE_URL: postgres.url, DATABASE_POOL_SIZE: '1' } });
  });
  afterAll(async () => {
    await server?.close();
    await postgres?.drop();
  });

  it('runs prepared statements: the user by email and by id, the new session and token, the live sessions, the device token', async () => {
    await signup(server, 'prepared@example.com');
    const first = await server.graphql('mutation { login(email: "prepared@example.com", password: "correct horse battery") { deviceToken } }');
    const deviceToken = (first.body.data?.['login'] as { deviceToken: string }).deviceToken;
    expect((await server.graphql(`mutation { login(email: "prepared@example.com", password: "correct horse battery", deviceToken: "${deviceToken}") { accessToken } }`)).body.errors).toBeUndefined();

    const database = server.app.database;
    if (database.dialect !== 'postgres') throw new Error('expected PostgreSQL');
    const { rows } = await database.db.execute<{ name: string }>(sql`select name from pg_prepared_statements order by name`);
    expect(rows.map((row) => row.name)).toEqual(expect.arrayContaining(['device_token_owner', 'refresh_token_insert', 'session_insert', 'sessions_live_of_user', 'user_by_email', 'user_by_id']));
  });

  it('reads an API key on a cache miss with a prepared statement too', async () => {
    const { accessToken } = await signup(server, 'prepared-key@example.com');
    const created = await server.graphql('mutation { createApiKey(name: "k", scopes: ["profile:read"]) { key } }', { token: accessToken });
    const key = (created.body.data?.['createApiKey'] as { key: string }).key;
    expect((await server.graphql('{ me { email } }', { token: key })).body.data).toEqual({ me: { email: 'prepared-key@example.com' } });
    const database = server.app.database;
    if (database.dialect !== 'postgres') throw new Error('expected PostgreSQL');
    const { rows } = await database.db.execute<{ name: string }>(sql`select name from pg_prepared_statements order by name`);
    expect(rows.map((row) => row.name)).toContain('api_key_status');
  });
});
