// Device tokens (see db/sqlite/schema.ts deviceTokens): one interface over both
// databases; the dialect modules hold the queries
// (create-repositories.ts picks one).
import type { DeviceTokenHash, UserId } from '../platform/ids.js';

export interface NewDeviceToken {
  readonly hash: DeviceTokenHash;
  readonly userId: UserId;
  readonly now: number;
  readonly expiresAt: number;
}

export interface DeviceTokenRepository {
  /** Stores a token and deletes the user's oldest beyond `keepNewest`, so a script of sign-ins cannot grow the table. */
  create(token: NewDeviceToken, keepNewest: number): Promise<void>;
  /** The user a live token is bound to (and marks it used now); undefined when unknown or expired. */
  userOf(hash: DeviceTokenHash, now: number): Promise<UserId | undefined>;
  /** Revokes every device token of the user (logoutAll, password resets); how many there were. */
  revokeAllForUser(userId: UserId): Promise<number>;
  /** Deletes expired tokens; how many. */
  purgeExpired(now: number): Promise<number>;
}
