// Brings the PostgreSQL schema up to date, on a connection of its own: the
// pool's connections carry statement and read timeouts, and a migration (an
// index on a large table) or the wait for another instance's migration may
// rightly take longer than any request should.
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';

// Next to this module in the source tree and in dist/ alike (the build copies it).
const migrationsFolder = resolve(dirname(fileURLToPath(import.meta.url)), 'migrations');

// Instances starting together against one database take turns migrating:
// without this, two would both see an empty journal and the second's
// CREATE TABLE would fail. Any constant works; this one spells "gqla".
const migrationLockKey = 0x6771_6c61;

export async function migratePostgres(url: string, connectTimeoutMs: number): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: connectTimeoutMs, keepAlive: true });
  // A connection lost here fails the migration's query, which the caller
  // handles; without a listener the 'error' event would end the process.
  client.on('error', () => {});
  try {
    await client.connect();
    // One connection for lock and migrations: the session-level lock is held
    // exactly as long as this instance migrates, and is freed if it dies.
    await client.query('select pg_advisory_lock($1)', [migrationLockKey]);
    try {
      await migrate(drizzle(client), { migrationsFolder });
    } finally {
      await client.query('select pg_advisory_unlock($1)', [migrationLockKey]);
    }
  } finally {
    await client.end().catch(() => {});
  }
}
