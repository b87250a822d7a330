// Opens a PostgreSQL database through a node-postgres Pool and brings its
// schema up to date. The pool is the reconnect logic: a connection that dies
// (database restarted, backend terminated, network cut) is dropped and the
// next query opens a fresh one, so the server needs no restart.
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import type { DatabaseHandle } from '../database-handle.js';
import { guardedClient, type ConnectionProblem } from './guarded-client.js';
import * as schema from './schema.js';

export type { ConnectionProblem } from './guarded-client.js';

export type PgDb = NodePgDatabase<typeof schema>;

export type PostgresDatabase = DatabaseHandle<'postgres', PgDb>;

export interface PostgresOptions {
  /** Told when a pooled connection breaks, idle or in use; the pool drops it and opens another when needed. */
  readonly onConnectionError?: (problem: ConnectionProblem) => void;
}

// Next to this module in the source tree and in dist/ alike (the build copies it).
const migrationsFolder = resolve(dirname(fileURLToPath(import.meta.url)), 'migrations');

// Instances starting together against one database take turns migrating:
// without this, two would both see an empty journal and the second's
// CREATE TABLE would fail. Any constant works; this one spells "gqla".
const migrationLockKey = 0x6771_6c61;

// A request while the database is unreachable fails after this long instead
// of waiting for it, so clients get a 5xx and /healthz a 503 promptly.
const connectTimeoutMs = 3_000;

export async function openPostgres(url: string, options: PostgresOptions = {}): Promise<PostgresDatabase> {
  const pool = new pg.Pool({
    connectionString: url,
    connectionTimeoutMillis: connectTimeoutMs,
    keepAlive: true,
    Client: guardedClient((problem) => options.onConnectionError?.(problem)),
  });
  // The pool re-emits an idle client's error here, and Node would throw it
  // without a listener; the client's own listener has already reported it.
  pool.on('error', () => {});
  try {
    await migrateOnce(pool);
  } catch (error) {
    await pool.end();
    throw new Error(`PostgreSQL at ${serverOf(url)}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  let closed = false;
  return {
    dialect: 'postgres',
    db: drizzle(pool, { schema }),
    async ping() {
      if (closed) return false;
      try {
        await pool.query('select 1');
        return true;
      } catch {
        return false;
      }
    },
    async close() {
      if (closed) return;
      closed = true;
      await pool.end();
    },
  };
}

/** host:port/database, never the credentials, so the operator sees which server failed. */
function serverOf(url: string): string {
  try {
    const { hostname, port, pathname } = new URL(url);
    return `${hostname}:${port || 5432}${pathname}`;
  } catch {
    return 'the server in DATABASE_URL';
  }
}

async function migrateOnce(pool: pg.Pool): Promise<void> {
  // One connection for lock and migrations: the session-level lock is held
  // exactly as long as this instance migrates, and is freed if it dies.
  const client = await pool.connect();
  try {
    await client.query('select pg_advisory_lock($1)', [migrationLockKey]);
    try {
      await migrate(drizzle(client), { migrationsFolder });
    } finally {
      await client.query('select pg_advisory_unlock($1)', [migrationLockKey]);
    }
  } finally {
    client.release();
  }
}
