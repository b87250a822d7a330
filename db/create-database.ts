// Opens the database named by a URL and brings its schema up to date.
// Lives in db/ and imports nothing from src/: storage knows no application.
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import * as schema from './sqlite/schema.js';

export type SqliteDb = BetterSQLite3Database<typeof schema>;

export interface Database {
  readonly dialect: 'sqlite';
  readonly db: SqliteDb;
  /** Cheap reachability probe for /healthz; never throws. */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

// Next to this module in the source tree and in dist/ alike (the build copies it).
const migrationsFolder = resolve(dirname(fileURLToPath(import.meta.url)), 'sqlite/migrations');

/** `file:./data/app.db`, a bare path, or `:memory:`. */
export const sqlitePathFromUrl = (url: string): string => {
  const path = url.startsWith('file:') ? url.slice('file:'.length) : url;
  if (path === '') throw new Error(`DATABASE_URL "${url}" names no file`);
  return path;
};

export function createDatabase(url: string): Database {
  if (/^postgres(ql)?:\/\//.test(url)) {
    throw new Error('DATABASE_URL selects PostgreSQL, which this build does not support yet; use a file: URL');
  }
  const path = sqlitePathFromUrl(url);
  if (path !== ':memory:') mkdirSync(dirname(resolve(path)), { recursive: true });
  const sqlite = new Database(path);
  // WAL lets /healthz and reads proceed while a write commits; foreign keys make
  // the cascades in the schema real; busy_timeout covers a CLI writing at once.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('synchronous = NORMAL');
  const db = drizzle(sqlite, { schema });
  migrate(db, { migrationsFolder });
  const probe = sqlite.prepare('select 1');
  return {
    dialect: 'sqlite',
    db,
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
