// The tokens in mailed links, one kind per purpose: issued (replacing the
// user's older one), looked at, used up. Only hashes reach the database; a
// presented string of the wrong shape is refused before any lookup.
import { hashOneTimeToken, looksLikeOneTimeToken, newOneTimeToken } from '../credentials/one-time-tokens.js';
import type { Clock } from '../platform/clock.js';
import { BadUserInputError } from '../platform/errors.js';
import type { OneTimeTokenPurpose, UserId } from '../platform/ids.js';
import type { OneTimeTokenRecord, OneTimeTokenRepository } from '../repositories/one-time-token-repository.js';

export interface OneTimeTokens {
  /** A new token for the user, replacing any older one of the purpose; the plain token goes only into the mail. */
  issue(userId: UserId, purpose: OneTimeTokenPurpose, email: string, ttlMs: number): Promise<string>;
  /** The live token `presented` is, left in place; undefined when it is not one. */
  peek(presented: string, purpose: OneTimeTokenPurpose): Promise<OneTimeTokenRecord | undefined>;
  /** Uses the token up; what it was, or undefined when it was not a live token (of two uses at once, one wins). */
  consume(presented: string, purpose: OneTimeTokenPurpose): Promise<OneTimeTokenRecord | undefined>;
  /** Every pending link of the user stops working. */
  revokeAllOf(userId: UserId): Promise<number>;
}

/** Unknown, malformed, used and expired links all read the same. */
export const invalidLink = () => new BadUserInputError('token', 'This link is invalid or has expired; ask for a new one');

export function createOneTimeTokens({ repository, clock }: { repository: OneTimeTokenRepository; clock: Clock }): OneTimeTokens {
  return {
    async issue(userId, purpose, email, ttlMs) {
      const token = newOneTimeToken(purpose);
      const now = clock.now();
      await repository.replace({ hash: hashOneTimeToken(token), userId, purpose, email, now, expiresAt: now + ttlMs });
      return token;
    },
    async peek(presented, purpose) {
      return looksLikeOneTimeToken(presented, purpose) ? repository.findLive(hashOneTimeToken(presented), purpose, clock.now()) : undefined;
    },
    async consume(presented, purpose) {
      return looksLikeOneTimeToken(presented, purpose) ? repository.consume(hashOneTimeToken(presented), purpose, clock.now()) : undefined;
    },
    revokeAllOf: (userId) => repository.deleteAllOf(userId),
  };
}
