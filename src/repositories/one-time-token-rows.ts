// One-time token rows → records, once for both dialects (they infer the same row shape).
import type { OneTimeTokenPurpose, UserId } from '../platform/ids.js';
import type { OneTimeTokenRecord } from './one-time-token-repository.js';

export const toOneTimeToken = (row: { userId: string; purpose: OneTimeTokenPurpose; email: string; createdAt: number; expiresAt: number }): OneTimeTokenRecord => ({
  userId: row.userId as UserId,
  purpose: row.purpose,
  email: row.email,
  createdAt: row.createdAt,
  expiresAt: row.expiresAt,
});

/** A consumed row counts only if it had not expired (an expired one is deleted all the same). */
export const liveAt = (row: OneTimeTokenRecord | undefined, now: number): OneTimeTokenRecord | undefined => (row !== undefined && row.expiresAt > now ? row : undefined);
