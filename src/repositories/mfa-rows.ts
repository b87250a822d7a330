// The TOTP and recovery-code queries' shared parts, written once for both
// dialects: which rows each query touches, and the rows a confirm writes.
import { and, eq, inArray, isNotNull, isNull, lt, or, sql, type Column, type SQL } from 'drizzle-orm';
import type { RecoveryCodeHash, UserId } from '../platform/ids.js';

interface TotpColumns {
  readonly userId: Column;
  readonly secret: Column;
  readonly pendingSecret: Column;
  readonly lastUsedStep: Column;
}
interface RecoveryColumns {
  readonly codeHash: Column;
  readonly userId: Column;
  readonly usedAt: Column;
}

const all = (...conditions: Array<SQL | undefined>): SQL => and(...conditions) ?? sql`false`;

/** Which rows each query touches, once for both dialects (as session-filters.ts does). */
export const mfaFilters = (t: TotpColumns, r: RecoveryColumns) => ({
  pendingAs: (userId: UserId, sealed: string): SQL => all(eq(t.userId, userId), eq(t.pendingSecret, sealed)),
  /** A code's step is accepted once: later than the last accepted, and only while TOTP is on. */
  stepUnused: (userId: UserId, step: number): SQL => all(eq(t.userId, userId), isNotNull(t.secret), or(isNull(t.lastUsedStep), lt(t.lastUsedStep, step))),
  enabled: (userId: UserId): SQL => all(eq(t.userId, userId), isNotNull(t.secret)),
  enabledAmong: (userIds: readonly UserId[]): SQL => all(inArray(t.userId, [...userIds]), isNotNull(t.secret)),
  anyEnabled: (): SQL => isNotNull(t.secret),
  // substr, not LIKE: a key id may hold `_`, which LIKE reads as a wildcard.
  sealedOtherwise: (prefix: string): SQL =>
    or(sql`substr(${t.secret}, 1, ${prefix.length}) <> ${prefix}`, sql`substr(${t.pendingSecret}, 1, ${prefix.length}) <> ${prefix}`) ?? sql`false`,
  codeUnused: (userId: UserId, hash: RecoveryCodeHash): SQL => all(eq(r.codeHash, hash), eq(r.userId, userId), isNull(r.usedAt)),
  codesLeft: (userId: UserId): SQL => all(eq(r.userId, userId), isNull(r.usedAt)),
});

/** The rows that make `codes` a user's recovery codes. */
export const recoveryCodeRows = (userId: UserId, codes: readonly RecoveryCodeHash[], now: number) => codes.map((codeHash) => ({ codeHash, userId, createdAt: now, usedAt: null }));
