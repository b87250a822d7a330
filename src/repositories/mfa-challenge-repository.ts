// Sign-ins waiting for their second factor (db/*/mfa-schema.ts
// mfaChallenges), by the mfaToken's digest. Attempts are claimed in the
// database before a code is checked, so five is five across every instance,
// however many requests arrive at once.
import type { DeviceTokenHash, MfaTokenHash, UserId } from '../platform/ids.js';

export interface MfaChallengeRecord {
  readonly userId: UserId;
  /** The sign-in's email, normalised: the login throttle's key. */
  readonly email: string;
  /** The trusted device the password came from, if any. */
  readonly deviceHash: DeviceTokenHash | undefined;
  /** A digest of the password hash that was verified. */
  readonly passwordCheck: string;
  /** Attempts so far, this one included. */
  readonly attempts: number;
}

export interface NewMfaChallenge extends Omit<MfaChallengeRecord, 'attempts'> {
  readonly tokenHash: MfaTokenHash;
  readonly expiresAt: number;
}

export interface MfaChallengeRepository {
  /** Stores it, and deletes every expired one on the way (they are worth nothing). */
  create(challenge: NewMfaChallenge, now: number): Promise<void>;
  /** Counts one more attempt at a live challenge with fewer than `maxAttempts` so far and returns it; undefined when there is none. */
  claimAttempt(tokenHash: MfaTokenHash, maxAttempts: number, now: number): Promise<MfaChallengeRecord | undefined>;
  /** Deletes it: true for the one call that does. */
  consume(tokenHash: MfaTokenHash): Promise<boolean>;
  /** Deletes every pending one of the user (their second factor changed). */
  deleteAllOf(userId: UserId): Promise<void>;
}
