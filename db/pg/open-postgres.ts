// Opens a PostgreSQL database through a node-postgres Pool and brings its
// schema up to date. The pool is the reconnect logic: a connection that dies
// (database restarted, backend terminated, network cut) is dropped and the
// next query opens a fresh one, so the server needs no restart. Unreachable
// at start, it does not stop the start: it refuses queries (DatabaseNotReadyError,
// and ping() is false) and retries, backing off, until it can migrate.
import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import type { DatabaseHandle } from '../database-handle.js';
import { guardedClient, problemOf, type ConnectionProblem } from './guarded-client.js';
import { migratePostgres } from './migrate-postgres.js';
import { DatabaseNotReadyError, isPostgresUnavailable } from './postgres-unavailable.js';
import * as schema from './schema.js';

export type { ConnectionProblem } from './guarded-client.js';

export type PgDb = NodePgDatabase<typeof schema>;

export type PostgresDatabase = DatabaseHandle<'postgres', PgDb>;

export interface PostgresOptions {
  /** Bounds each statement (PostgreSQL's statement_timeout, and a read timeout here for a silent server), each connection attempt and each wait for a pooled connection. Default 5 s. */
  readonly statementTimeoutMs?: number;
  /** Connections kept at most (default 10). */
  readonly poolSize?: number;
  /** Told when a pooled connection breaks, idle or in use; the pool drops it and opens another when needed. */
  readonly onConnectionError?: (problem: ConnectionProblem) => void;
  /**
   * Unreachable at start: rather than fail, resolve at once and keep trying
   * in the background (a server, which then answers 503 and /readyz 503).
   * Without it (the CLI, scripts), an unreachable database is an error.
   */
  readonly waitIfUnreachable?: boolean;
  /** Told when migrating at start failed because the database cannot be reached, and when the next attempt is. */
  readonly onWaiting?: (problem: ConnectionProblem, next: { readonly attempt: number; readonly inMs: number }) => void;
  /** Told once the migrations have run after a start that had to wait. */
  readonly onReady?: () => void;
}

const defaultStatementTimeoutMs = 5_000;
// The read timeout waits a little longer than the server's own, so that a
// statement the server cancels fails with its clean error first.
const readTimeoutGraceMs = 250;
const retryDelaysMs = [250, 500, 1_000, 2_000];

export async function openPostgres(url: string, options: PostgresOptions = {}): Promise<PostgresDatabase> {
  const timeoutMs = options.statementTimeoutMs ?? defaultStatementTimeoutMs;
  let refusal: Error | undefined = new DatabaseNotReadyError();
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolSize ?? 10,
    connectionTimeoutMillis: timeoutMs,
    statement_timeout: timeoutMs,
    query_timeout: timeoutMs + readTimeoutGraceMs,
    // A transaction left open by an instance that froze or lost its network
    // would hold its row locks until TCP gave up (hours): ended instead.
    idle_in_transaction_session_timeout: timeoutMs,
    keepAlive: true,
    Client: guardedClient({ onError: (problem) => options.onConnectionError?.(problem), refusal: () => refusal }),
  });
  // The pool re-emits an idle client's error here, and Node would throw it
  // without a listener; the client's own listener has already reported it.
  pool.on('error', () => {});

  const first = await migratePostgres(url, timeoutMs).then(
    () => undefined,
    (error: unknown) => error,
  );
  if (first !== undefined && !(options.waitIfUnreachable === true && isPostgresUnavailable(first))) {
    // Not a matter of waiting (bad credentials, no such database, a failing
    // migration), or no one to wait: the start stops and says so.
    await pool.end();
    throw new Error(`PostgreSQL at ${serverOf(url)}: ${first instanceof Error ? first.message : String(first)}`, { cause: first });
  }
  let closed = false;
  let retry: NodeJS.Timeout | undefined;
  const tryAgain = (attempt: number, error: unknown) => {
    const inMs = retryDelaysMs[Math.min(attempt - 1, retryDelaysMs.length - 1)] ?? 2_000;
    options.onWaiting?.(error instanceof Error ? problemOf(error) : { message: String(error), code: undefined }, { attempt, inMs });
    retry = setTimeout(() => {
      migratePostgres(url, timeoutMs).then(
        () => {
          if (closed) return;
          refusal = undefined;
          options.onReady?.();
        },
        (again: unknown) => {
          if (!closed) tryAgain(attempt + 1, again);
        },
      );
    }, inMs);
  };
  if (first === undefined) refusal = undefined;
  else tryAgain(1, first);

  return {
    dialect: 'postgres',
    db: drizzle(pool, { schema }),
    isUnavailable: isPostgresUnavailable,
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
      clearTimeout(retry);
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
