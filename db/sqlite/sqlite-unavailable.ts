// Which SQLite failures mean the database cannot serve now but may soon,
// answered 503 with Retry-After like an unreachable PostgreSQL: the file is
// locked by another writer past the timeout (BUSY, LOCKED), the disk is full
// (FULL), the file cannot be read or written (IOERR, CANTOPEN, READONLY: a
// failing or remounted disk), memory ran out. A corrupt file, a constraint
// or a misuse stays a 500: waiting will not fix it, an operator must.
import { causesOf, codeAndMessage } from '../error-causes.js';

const transient = /^SQLITE_(BUSY|LOCKED|FULL|IOERR|CANTOPEN|READONLY|NOMEM)/;

function meansUnavailable(error: unknown): boolean {
  const { code } = codeAndMessage(error);
  return code !== undefined && transient.test(code);
}

export const isSqliteUnavailable = (error: unknown): boolean => [...causesOf(error)].some(meansUnavailable);
