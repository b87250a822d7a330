// A database that cannot be reached or cannot answer in time, as the server
// tells it: a request that meets it gets DatabaseUnavailableError (HTTP 503,
// SERVICE_UNAVAILABLE, reason DATABASE_UNAVAILABLE, Retry-After) instead of a
// masked 500, and the log gets a warning every few seconds with how many
// requests failed so, not a stack trace for each. The database layer decides
// which failures those are (db/: Database.isUnavailable).
import type { Clock } from './clock.js';
import type { Logger } from './logger.js';
import { throttledWarning } from './throttled-warning.js';

export interface DatabaseOutage {
  /** True when `error` (or what caused it) means the database cannot be reached or answer now. */
  explains(error: unknown): boolean;
  /** Notes one request that failed so, for the log. */
  record(error: unknown): void;
}

export function createDatabaseOutage({ isUnavailable, log, clock }: { isUnavailable: (error: unknown) => boolean; log: Logger; clock: Clock }): DatabaseOutage {
  return { explains: isUnavailable, record: throttledWarning({ log, clock, message: 'database unavailable: answering 503 SERVICE_UNAVAILABLE' }) };
}
