// Which rows each session query touches, written once for both dialects: the
// conditions are plain SQL expressions over columns, and SQLite and PostgreSQL
// tables both hand these functions their columns. Only running the query
// differs per dialect (sqlite/, pg/).
import { and, eq, gt, isNotNull, isNull, lt, ne, or, sql, type Column, type Placeholder, type SQL } from 'drizzle-orm';
import type { RefreshTokenHash, SessionId, UserId } from '../platform/ids.js';

export interface SessionColumns {
  readonly id: Column;
  readonly userId: Column;
  readonly lastUsedAt: Column;
  readonly expiresAt: Column;
  readonly endedAt: Column;
}

export interface RefreshTokenColumns {
  readonly tokenHash: Column;
  readonly sessionId: Column;
  readonly expiresAt: Column;
  readonly rotatedAt: Column;
}

// `and`/`or` return undefined only when every argument is, which never happens
// here; were it to, matching nothing is the safe reading (never "every row").
const all = (...conditions: Array<SQL | undefined>): SQL => and(...conditions) ?? sql`false`;

export const sessionFilters = (s: SessionColumns, t: RefreshTokenColumns) => ({
  /** The user's live sessions: not ended, not past their absolute lifetime. */
  liveOf: (userId: UserId | Placeholder, now: number | Placeholder): SQL => all(eq(s.userId, userId), isNull(s.endedAt), gt(s.expiresAt, now)),
  /** Every user's live sessions, for the metrics scrape (served by the expires_at index). */
  live: (now: number): SQL => all(isNull(s.endedAt), gt(s.expiresAt, now)),
  /** Moves last-used forward only, so a late write never sets it back. */
  touchable: (id: SessionId, now: number): SQL => all(eq(s.id, id), lt(s.lastUsedAt, now)),
  /** Ending is once: a second logout changes nothing and reports so. */
  unended: (id: SessionId): SQL => all(eq(s.id, id), isNull(s.endedAt)),
  unendedOf: (userId: UserId, keep: SessionId | undefined): SQL =>
    all(eq(s.userId, userId), isNull(s.endedAt), keep === undefined ? undefined : ne(s.id, keep)),
  /** Over for longer than the retention period: ended, or past its lifetime, before `before`. */
  purgeable: (before: number): SQL => or(lt(s.expiresAt, before), all(isNotNull(s.endedAt), lt(s.endedAt, before))) ?? sql`false`,
  /**
   * The claim on a presented token: the write itself decides who rotates, so
   * of two concurrent rotations exactly one changes the row.
   */
  unrotated: (hash: RefreshTokenHash): SQL => all(eq(t.tokenHash, hash), isNull(t.rotatedAt)),
  // Expired tokens of live sessions: rotated ones past expiry can no longer
  // be presented usefully, and reuse of them is caught as unknown anyway.
  expiredTokens: (now: number): SQL => lt(t.expiresAt, now),
  /** The session, while live: a reauthentication records its proof only here. */
  liveSession: (id: SessionId, now: number): SQL => all(eq(s.id, id), isNull(s.endedAt), gt(s.expiresAt, now)),
  /** The session's refresh token(s) still unused: replaced when the session's proof is renewed. */
  unrotatedOf: (sessionId: SessionId): SQL => all(eq(t.sessionId, sessionId), isNull(t.rotatedAt)),
});
