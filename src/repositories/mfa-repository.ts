// A user's TOTP and recovery codes (db/*/mfa-schema.ts): one interface over
// both databases. Every "use once" rule is a conditional write, decided by
// the database, so it holds across instances and concurrent requests.
import { and, eq, inArray, isNotNull, isNull, lt, or, sql, type Column, type SQL } from 'drizzle-orm';
import type { RecoveryCodeHash, UserId } from '../platform/ids.js';

/** Sealed (encrypted) TOTP secrets, as stored; see credentials/secret-box.ts. */
export interface TotpRecord {
  /** The confirmed secret login asks for; null while only an enrolment is pending. */
  readonly secret: string | null;
  readonly pendingSecret: string | null;
  readonly enabledAt: number | null;
}

export interface MfaRepository {
  totpOf(userId: UserId): Promise<TotpRecord | undefined>;
  /** Starts (or restarts) an enrolment; a confirmed secret stays in force until this one is confirmed. */
  setPending(userId: UserId, sealed: string, now: number): Promise<void>;
  /**
   * Puts the pending secret in force if it is still `sealed` (a newer
   * enrolment wins), with `step` used and `codes` as the only recovery
   * codes, in one transaction. False when it was no longer pending.
   */
  confirm(userId: UserId, sealed: string, step: number, codes: readonly RecoveryCodeHash[], now: number): Promise<boolean>;
  /** Records `step` as used if it is later than the last used one: true for the one call that does. */
  useStep(userId: UserId, step: number): Promise<boolean>;
  /** Marks an unused recovery code of the user used: true for the one call that does. */
  useRecoveryCode(userId: UserId, hash: RecoveryCodeHash, now: number): Promise<boolean>;
  recoveryCodesLeft(userId: UserId): Promise<number>;
  /** Replaces every recovery code of a user whose TOTP is on; false (nothing changed) otherwise. */
  replaceRecoveryCodes(userId: UserId, codes: readonly RecoveryCodeHash[], now: number): Promise<boolean>;
  /** Deletes the user's TOTP (pending too) and recovery codes; whether TOTP was on. */
  remove(userId: UserId): Promise<boolean>;
  /** Of these users, those with TOTP on: one query for a batch. */
  enabledAmong(userIds: readonly UserId[]): Promise<ReadonlySet<UserId>>;
  /** Whether any account has TOTP on (the production boot check). */
  anyEnabled(): Promise<boolean>;
  /** Whether any stored secret was sealed under another key than the one whose sealed texts start with `prefix`. */
  anySealedOtherwise(prefix: string): Promise<boolean>;
}

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
