// One-time tokens (see db/sqlite/schema.ts oneTimeTokens): one interface over
// both databases; the dialect modules hold the queries
// (create-repositories.ts picks one).
import type { OneTimeTokenHash, OneTimeTokenPurpose, UserId } from '../platform/ids.js';

export interface NewOneTimeToken {
  readonly hash: OneTimeTokenHash;
  readonly userId: UserId;
  readonly purpose: OneTimeTokenPurpose;
  /** The address the link is mailed to. */
  readonly email: string;
  readonly now: number;
  readonly expiresAt: number;
}

export interface OneTimeTokenRecord {
  readonly userId: UserId;
  readonly purpose: OneTimeTokenPurpose;
  readonly email: string;
  readonly createdAt: number;
  readonly expiresAt: number;
}

export interface OneTimeTokenRepository {
  /** Stores the token and deletes the user's others of the same purpose, atomically: a newer link replaces the older. */
  replace(token: NewOneTimeToken): Promise<void>;
  /** The token with this hash and purpose if it is still live at `now`, leaving it in place. */
  findLive(hash: OneTimeTokenHash, purpose: OneTimeTokenPurpose, now: number): Promise<OneTimeTokenRecord | undefined>;
  /** Deletes the token and returns it if it was live: of two concurrent uses, one gets it. */
  consume(hash: OneTimeTokenHash, purpose: OneTimeTokenPurpose, now: number): Promise<OneTimeTokenRecord | undefined>;
  /** Deletes every token of the user; how many there were. */
  deleteAllOf(userId: UserId): Promise<number>;
}

