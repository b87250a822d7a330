// Which failures mean the database cannot be reached or cannot answer now
// (down, cut off, silent, overloaded, restarting), as against a bug or a
// misconfiguration. Requests that meet the first are answered 503 with
// Retry-After; at start they are waited out rather than fatal.
import { causesOf, codeAndMessage } from '../error-causes.js';

/** Refuses every connection until the schema is migrated (the database was unreachable at start). */
export class DatabaseNotReadyError extends Error {
  override readonly name = 'DatabaseNotReadyError';
  constructor() {
    super('PostgreSQL has not been reached since the start: migrations have not run yet');
  }
}

// Node's socket and DNS errors.
const networkCodes = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'EHOSTDOWN', 'ENETDOWN', 'ENOTFOUND', 'EAI_AGAIN']);
// SQLSTATE classes: 08 connection exception; 53 insufficient resources (too
// many connections, disk full, out of memory); 57 operator intervention
// (statement timeout 57014, shutdown, crash, still starting up).
const sqlstateClasses = new Set(['08', '53', '57']);
// And single states: idle in transaction for too long (the session was
// ended), a lock not obtained within lock_timeout.
const sqlstates = new Set(['25P03', '55P03']);
// node-postgres and pg-pool say these without a code.
const driverMessages = [
  /^Connection terminated/, // unexpectedly, or due to connection timeout
  /^Query read timeout$/,
  /^timeout exceeded when trying to connect$/,
  /^timeout expired$/, // a connection attempt past connectionTimeoutMillis
  /is not queryable$/, // a client that has lost or closed its connection
  /^Cannot use a pool after calling end on the pool$/,
];

function meansUnavailable(error: unknown): boolean {
  if (error instanceof DatabaseNotReadyError) return true;
  const { code, message } = codeAndMessage(error);
  if (code !== undefined) {
    if (networkCodes.has(code) || sqlstates.has(code) || sqlstateClasses.has(code.slice(0, 2))) return true;
    // ALTER DATABASE … ALLOW_CONNECTIONS false, as for maintenance.
    if (code === '55000' && message.includes('not currently accepting connections')) return true;
  }
  return driverMessages.some((pattern) => pattern.test(message));
}

export const isPostgresUnavailable = (error: unknown): boolean => [...causesOf(error)].some(meansUnavailable);
