// A PostgreSQL database of its own for one test file, on the server named by
// TEST_DATABASE_URL, dropped afterwards: parallel files and parallel runs never
// see each other's rows, and a fault test can cut only its own connections.
//
// A database, not a schema: drizzle-kit writes foreign keys as
// REFERENCES "public"."users" (drizzle-team/drizzle-orm#2486), so generated
// migrations, which are never hand-edited, only work in a public schema.
import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** Set on CI and development machines; without it the PostgreSQL tests skip and say so. */
export const testDatabaseUrl: string | undefined = process.env['TEST_DATABASE_URL'] || undefined;

export interface TestPostgres {
  /** The URL of the fresh database, for DATABASE_URL. */
  readonly url: string;
  /** Ends every connection to the database but the caller's, as a restart of PostgreSQL would; returns how many. */
  terminateConnections(): Promise<number>;
  /** While false, every new connection is refused, as if the database were down. */
  acceptConnections(accepting: boolean): Promise<void>;
  /** Drops the database, closing whatever still holds a connection to it. */
  drop(): Promise<void>;
}

async function asAdmin<T>(adminUrl: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

export async function createTestPostgres(adminUrl: string): Promise<TestPostgres> {
  const name = `gql_auth_${randomBytes(6).toString('hex')}`;
  // template0: nothing ever connects to it, so concurrent creations cannot be refused.
  await asAdmin(adminUrl, (client) => client.query(`create database "${name}" template template0`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    terminateConnections: () =>
      asAdmin(adminUrl, async (client) => {
        // The call in the select list, so it runs only for rows the filter kept.
        const result = await client.query('select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()', [name]);
        return result.rowCount ?? 0;
      }),
    acceptConnections: (accepting) =>
      asAdmin(adminUrl, (client) => client.query(`alter database "${name}" allow_connections ${accepting}`)).then(() => undefined),
    drop: () => asAdmin(adminUrl, (client) => client.query(`drop database if exists "${name}" with (force)`)).then(() => undefined),
  };
}

/** Prints, once per file, which PostgreSQL tests did not run and how to run them. */
export function noteSkippedWithoutPostgres(what: string): void {
  if (testDatabaseUrl === undefined) {
    console.warn(`SKIPPED ${what}: TEST_DATABASE_URL is not set (e.g. TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npm test)`);
  }
}
