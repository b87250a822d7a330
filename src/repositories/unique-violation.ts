// Whether a failed write broke a unique index, in either dialect (drizzle
// wraps the driver's error as `cause`): SQLite's SQLITE_CONSTRAINT_UNIQUE,
// PostgreSQL's SQLSTATE 23505. A repository turns it into "taken", not a 500.
const uniqueCodes = new Set(['SQLITE_CONSTRAINT_UNIQUE', '23505']);

const codeOf = (error: unknown): unknown => (typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined);

export const isUniqueViolation = (error: unknown): boolean =>
  uniqueCodes.has(String(codeOf(error))) || (error instanceof Error && uniqueCodes.has(String(codeOf(error.cause))));
