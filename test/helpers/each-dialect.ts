// The two databases the repositories run on, for `describe.each(dialects)`:
// SQLite in memory always, PostgreSQL when TEST_DATABASE_URL names a server.
import { sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { createDatabase, type Database } from '../../db/create-database.js';
import { createTestPostgres, noteSkippedWithoutPostgres, testDatabaseUrl, type TestPostgres } from './test-postgres.js';

export type Dialect = Database['dialect'];

export const dialects: ReadonlyArray<{ readonly dialect: Dialect }> = [{ dialect: 'sqlite' }, { dialect: 'postgres' }];

/**
 * Gives every test in the enclosing describe an empty database of `dialect`:
 * a new in-memory SQLite each time, or one PostgreSQL database per file,
 * emptied before each test. Without TEST_DATABASE_URL the PostgreSQL tests
 * are skipped, with a note saying so.
 */
export function useEmptyDatabase(dialect: Dialect, what: string): () => Database {
  let server: TestPostgres | undefined;
  let database: Database | undefined;

  beforeAll(async () => {
    if (dialect !== 'postgres') return;
    noteSkippedWithoutPostgres(what);
    if (testDatabaseUrl !== undefined) server = await createTestPostgres(testDatabaseUrl);
  });
  beforeEach(async ({ skip }) => {
    if (dialect === 'sqlite') {
      database = await createDatabase(':memory:');
      return;
    }
    if (server === undefined) return skip('TEST_DATABASE_URL is not set');
    database ??= await createDatabase(server.url);
    if (database.dialect === 'postgres') await database.db.execute(sql`truncate users, sessions, refresh_tokens cascade`);
  });
  afterEach(async () => {
    if (dialect === 'sqlite') await database?.close();
  });
  afterAll(async () => {
    if (dialect === 'postgres') await database?.close();
    await server?.drop();
  });

  return () => {
    if (database === undefined) throw new Error('no database outside a test');
    return database;
  };
}
