// The first half of a sign-in with a second factor: the password was right,
// so instead of tokens the client gets MFA_REQUIRED and an mfaToken, good for
// verifyMfa alone, for five minutes and five codes. Nothing else about the
// response differs from a wrong password's until the password is right, so
// MFA being on is never revealed to someone who does not know it.
import { mfaTokens } from '../../credentials/mfa-tokens.js';
import type { AuditLog } from '../../platform/audit.js';
import type { Clock } from '../../platform/clock.js';
import { MfaRequiredError } from '../../platform/errors.js';
import type { UserRecord } from '../../repositories/records.js';
import type { MfaChallengeRepository } from '../../repositories/mfa-challenge-repository.js';
import type { LoginAttempt } from '../login-throttle.js';
import type { SecondFactorCodes } from './second-factor-codes.js';

/** How long an mfaToken lasts, and how many codes it may try (issue 17). */
export const mfaTokenLifetimeMs = 5 * 60_000;
export const mfaTokenMaxAttempts = 5;

export interface PasswordAccepted {
  readonly user: UserRecord;
  readonly attempt: LoginAttempt;
  /** passwordHashDigest of the hash that was verified. */
  readonly passwordCheck: string;
}

export interface MfaChallenges {
  /** The MFA_REQUIRED error to answer with when the account has a second factor; undefined when the password is enough. */
  challengeIfRequired(accepted: PasswordAccepted): Promise<MfaRequiredError | undefined>;
}

export function createMfaChallenges(deps: { challenges: MfaChallengeRepository; codes: SecondFactorCodes; audit: AuditLog; clock: Clock }): MfaChallenges {
  const { challenges, codes, audit, clock } = deps;
  return {
    async challengeIfRequired({ user, attempt, passwordCheck }) {
      if (!(await codes.isEnabled(user.id))) return undefined;
      const token = mfaTokens.create();
      const now = clock.now();
      await challenges.create({ tokenHash: mfaTokens.hash(token), userId: user.id, email: attempt.email, deviceHash: attempt.device, passwordCheck, expiresAt: now + mfaTokenLifetimeMs }, now);
      audit.record({ type: 'login.mfa_required', origin: attempt.origin, subjectId: user.id, trustedDevice: attempt.device !== undefined });
      return new MfaRequiredError(token, mfaTokenLifetimeMs / 1000);
    },
  };
}
