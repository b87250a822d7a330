// Opens the database named by a URL and brings its schema up to date.
// Lives in db/ and imports nothing from src/: storage knows no application.
import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import type { DatabaseHandle } from './database-handle.js';
import { openPostgres, type PostgresDatabase, type PostgresOptions } from './pg/open-postgres.js';
import * as schema from './sqlite/schema.js';
import { isSqliteUnavailable } from './sqlite/sqlite-unavailable.js';

export type { PgDb, PostgresDatabase } from './pg/open-postgres.js';
/** With the better-sqlite3 connection under it, as drizzle() returns it. */
export type SqliteDb = BetterSQLite3Database<typeof schema> & { readonly $client: Database.Database };

export type SqliteDatabase = DatabaseHandle<'sqlite', SqliteDb>;

/** Either dialect; `dialect` tells the repositories which tables and queries to use. */
export type Database = SqliteDatabase | PostgresDatabase;

export interface DatabaseOptions extends PostgresOptions {
  /** Sees the SQL of every query run (SQLite; tests count the queries a request makes). */
  readonly logQuery?: (query: string) => void;
}

// Next to this module in the source tree and in dist/ alike (the build copies it).
const migrationsFolder = resolve(dirname(fileURLToPath(import.meta.url)), 'sqlite/migrations');

/** `file:./data/app.db`, a bare path, or `:memory:`. */
export const sqlitePathFromUrl = (url: string): string => {
  const path = url.startsWith('file:') ? url.slice('file:'.length) : url;
  if (path === '') throw new Error(`DATABASE_URL "${url}" names no file`);
  return path;
};

const isPostgresUrl = (url: string): boolean => /^postgres(ql)?:\/\//i.test(url);

/**
 * `postgres://` or `postgresql://` opens PostgreSQL; anything else is an SQLite
 * file. Migrations run before it resolves, except for a PostgreSQL that is
 * unreachable with `waitIfUnreachable`: they run once it answers, and queries
 * are refused until then.
 */
export async function createDatabase(url: string, options: DatabaseOptions = {}): Promise<Database> {
  return isPostgresUrl(url) ? openPostgres(url, options) : openSqlite(url, options);
}

/**
 * The database holds password hashes: a new file is made readable by its owner
 * only (0600), whatever the umask (which could only narrow the mode passed to
 * open, hence the chmod). SQLite gives its -wal and -shm files the mode of the
 * database file, so they are 0600 too. An existing file keeps the mode its
 * owner gave it.
 */
function createOwnerOnly(path: string): void {
  mkdirSync(dirname(resolve(path)), { recursive: true });
  if (existsSync(path)) return;
  closeSync(openSync(path, 'a', 0o600));
  chmodSync(path, 0o600);
}

function openSqlite(url: string, { logQuery, statementTimeoutMs = 5_000 }: DatabaseOptions): SqliteDatabase {
  const path = sqlitePathFromUrl(url);
  if (path !== ':memory:') createOwnerOnly(path);
  const sqlite = new Database(path);
  // WAL lets /healthz and reads proceed while a write commits; foreign keys make
  // the cascades in the schema real; busy_timeout waits out a CLI writing at
  // once, for as long as a statement may take (then SQLITE_BUSY: a 503).
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma(`busy_timeout = ${Math.round(statementTimeoutMs)}`);
  sqlite.pragma('synchronous = NORMAL');
  const db = drizzle(sqlite, { schema, ...(logQuery ? { logger: { logQuery } } : {}) });
  migrate(db, { migrationsFolder });
  const probe = sqlite.prepare('select 1');
  return {
    dialect: 'sqlite',
    db,
    isUnavailable: isSqliteUnavailable,
    async ping() {
      try {
        return sqlite.open && probe.get() !== undefined;
      } catch {
        return false;
      }
    },
    async close() {
      if (sqlite.open) sqlite.close();
    },
  };
}
