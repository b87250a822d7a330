// Which clients are known devices of an account: the ones holding a device
// token the server issued at a sign-in to it. A forged, foreign, expired or
// revoked token is simply not trusted (the attempt counts as untrusted); it
// is never an error, so presenting one reveals nothing.
import { hashDeviceToken, looksLikeDeviceToken, newDeviceToken } from '../credentials/device-tokens.js';
import type { Clock } from '../platform/clock.js';
import type { DeviceTokenHash, UserId } from '../platform/ids.js';
import type { DeviceTokenRepository } from '../repositories/device-token-repository.js';

export interface DeviceTrust {
  /** The stored hash of `presented` when it is a live token of `userId`; undefined otherwise. */
  trustedFor(presented: string | null | undefined, userId: UserId | undefined): Promise<DeviceTokenHash | undefined>;
  /** A new device token for `userId` (the user's oldest go beyond `keepPerUser`). */
  issue(userId: UserId): Promise<string>;
  /** Revokes every device token of the user (logoutAll, password resets). */
  revokeAllForUser(userId: UserId): Promise<number>;
}

export function createDeviceTrust(deps: { deviceTokens: DeviceTokenRepository; clock: Clock; ttlMs: number; keepPerUser: number }): DeviceTrust {
  const { deviceTokens, clock, ttlMs, keepPerUser } = deps;
  return {
    async trustedFor(presented, userId) {
      if (typeof presented !== 'string' || !looksLikeDeviceToken(presented)) return undefined;
      const hash = hashDeviceToken(presented);
      // Looked up even for an email with no account, so the two take the same time.
      const owner = await deviceTokens.userOf(hash, clock.now());
      return owner !== undefined && owner === userId ? hash : undefined;
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
