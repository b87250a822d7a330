// The second-factor challenge queries' shared parts, written once for both
// dialects: which rows each query touches and row → record.
import { and, eq, gt, lt, lte, sql, type Column, type SQL } from 'drizzle-orm';
import type { DeviceTokenHash, MfaTokenHash, UserId } from '../platform/ids.js';
import type { MfaChallengeRecord, NewMfaChallenge } from './mfa-challenge-repository.js';

interface ChallengeColumns {
  readonly tokenHash: Column;
  readonly attempts: Column;
  readonly expiresAt: Column;
}

export const mfaChallengeFilters = (c: ChallengeColumns) => ({
  claimable: (tokenHash: MfaTokenHash, maxAttempts: number, now: number): SQL => and(eq(c.tokenHash, tokenHash), lt(c.attempts, maxAttempts), gt(c.expiresAt, now)) ?? sql`false`,
  expired: (now: number): SQL => lte(c.expiresAt, now),
  oneMoreAttempt: (): SQL => sql`${c.attempts} + 1`,
});

export const toMfaChallenge = (row: { userId: string; email: string; deviceHash: string | null; passwordCheck: string; attempts: number }): MfaChallengeRecord => ({
  userId: row.userId as UserId,
  email: row.email,
  deviceHash: (row.deviceHash ?? undefined) as DeviceTokenHash | undefined,
  passwordCheck: row.passwordCheck,
  attempts: row.attempts,
});

export const mfaChallengeRow = (c: NewMfaChallenge) => ({ ...c, deviceHash: c.deviceHash ?? null, attempts: 0 });
