// Which clients are known devices of an account: the ones holding a device
// token the server issued at a sign-in to it. A forged, foreign, expired or
// revoked token is simply not trusted (the attempt counts as untrusted); it
// is never an error, so presenting one reveals nothing.
import { hashDeviceToken, looksLikeDeviceToken, newDeviceToken } from '../credentials/device-tokens.js';
import type { Clock } from '../platform/clock.js';
import type { DeviceTokenHash, UserId } from '../platform/ids.js';
import type { DeviceTokenRepository } from '../repositories/device-token-repository.js';

/** A live device token and the account it is bound to. */
export interface KnownDevice {
  readonly hash: DeviceTokenHash;
  readonly userId: UserId;
}

export interface DeviceTrust {
  /** The live token `presented` and its account; undefined for anything else (absent, malformed, forged, expired, revoked). */
  recognize(presented: string | null | undefined): Promise<KnownDevice | undefined>;
  /** A new device token for `userId` (the user's least recently used go beyond `keepPerUser`). */
  issue(userId: UserId): Promise<string>;
  /** Revokes every device token of the user (logoutAll, password resets). */
  revokeAllForUser(userId: UserId): Promise<number>;
}

export function createDeviceTrust(deps: { deviceTokens: DeviceTokenRepository; clock: Clock; ttlMs: number; keepPerUser: number }): DeviceTrust {
  const { deviceTokens, clock, ttlMs, keepPerUser } = deps;
  return {
    async recognize(presented) {
      // The shape is checked first: anything else costs no lookup.
      if (typeof presented !== 'string' || !looksLikeDeviceToken(presented)) return undefined;
      const hash = hashDeviceToken(presented);
      const userId = await deviceTokens.userOf(hash, clock.now());
      return userId === undefined ? undefined : { hash, userId };
    },
    async issue(userId) {
      const token = newDeviceToken();
      const now = clock.now();
      await deviceTokens.create({ hash: hashDeviceToken(token), userId, now, expiresAt: now + ttlMs }, keepPerUser);
      return token;
    },
    revokeAllForUser: (userId) => deviceTokens.revokeAllForUser(userId),
  };
}
