// A user's TOTP and recovery codes (db/*/mfa-schema.ts): one interface over
// both databases. Every "use once" rule is a conditional write, decided by
// the database, so it holds across instances and concurrent requests.
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
