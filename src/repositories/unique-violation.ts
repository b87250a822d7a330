// Whether a failed write broke a unique index, in either dialect, wherever in
// the chain of causes the driver's error sits (drizzle wraps it): SQLite's
// SQLITE_CONSTRAINT_UNIQUE, PostgreSQL's SQLSTATE 23505. A repository turns it
// into "taken", not a 500.
import { causesOf, codeAndMessage } from '../../db/error-causes.js';

const uniqueCodes = new Set(['SQLITE_CONSTRAINT_UNIQUE', '23505']);

export const isUniqueViolation = (error: unknown): boolean => [...causesOf(error)].some((cause) => uniqueCodes.has(codeAndMessage(cause).code ?? ''));
