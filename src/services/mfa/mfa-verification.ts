// The second half of a sign-in with a second factor: verifyMfa(mfaToken,
// code). Each try is claimed in the database before the code is checked, so
// an mfaToken tries five codes at most, across every instance and however
// many arrive at once; the fifth wrong one ends it. The sign-in's throttle
// (lockout per client, the account-wide limit for untrusted clients) counts
// wrong codes exactly as it counts wrong passwords.
import { mfaTokens } from '../../credentials/mfa-tokens.js';
import type { AuditLog } from '../../platform/audit.js';
import { proofOf } from '../../platform/auth-proof.js';
import type { Clock } from '../../platform/clock.js';
import { MfaCodeRejectedError } from '../../platform/errors.js';
import type { RequestOrigin } from '../../platform/request-context.js';
import type { MfaChallengeRepository } from '../../repositories/mfa-challenge-repository.js';
import type { UserRepository } from '../../repositories/user-repository.js';
import type { AuthService } from '../auth-service.js';
import type { LoginAttempt, LoginThrottle } from '../login-throttle.js';
import type { AuthResult } from '../types.js';
import { mfaTokenMaxAttempts } from './mfa-challenges.js';
import { readCode, type SecondFactorCodes } from './second-factor-codes.js';

export interface MfaVerification {
  verify(mfaToken: string, code: string, origin: RequestOrigin): Promise<AuthResult>;
}

export interface MfaVerificationDeps {
  readonly challenges: MfaChallengeRepository;
  readonly codes: SecondFactorCodes;
  readonly users: UserRepository;
  readonly auth: Pick<AuthService, 'finishSignIn'>;
  readonly throttle: LoginThrottle;
  readonly audit: AuditLog;
  readonly clock: Clock;
}

// One answer for an mfaToken that is unknown, expired, used or out of tries.
const over = () => new MfaCodeRejectedError('This sign-in has expired or was used: sign in again with your password', 0);

export function createMfaVerification(deps: MfaVerificationDeps): MfaVerification {
  const { challenges, codes, users, auth, throttle, audit, clock } = deps;
  return {
    async verify(mfaToken, code, origin) {
      if (!mfaTokens.looksLike(mfaToken)) {
        audit.record({ type: 'mfa.token_rejected', origin, reason: 'malformed' });
        throw over();
      }
      // A code that cannot be right (not six digits, not a recovery code) costs no try.
      const typed = readCode(code);
      const tokenHash = mfaTokens.hash(mfaToken);
      const challenge = await challenges.claimAttempt(tokenHash, mfaTokenMaxAttempts, clock.now());
      if (!challenge) {
        audit.record({ type: 'mfa.token_rejected', origin, reason: 'unknown_expired_used_or_exhausted' });
        throw over();
      }
      const { userId } = challenge;
      const attempt: LoginAttempt = { email: challenge.email, origin, device: challenge.deviceHash };
      // A locked client, or an account past its untrusted attempts, is refused before the code is looked at.
      await throttle.check(attempt);
      const used = await codes.use(userId, typed, { origin, purpose: 'login' });
      if (!used.ok) {
        await throttle.failed(attempt, userId);
        const attemptsLeft = mfaTokenMaxAttempts - challenge.attempts;
        if (attemptsLeft > 0) throw new MfaCodeRejectedError(used.reason === 'replayed_code' ? 'That code was used already: wait for the next one' : 'Wrong code', attemptsLeft);
        await challenges.consume(tokenHash);
        audit.record({ type: 'mfa.token_rejected', origin, subjectId: userId, reason: 'too_many_wrong_codes' });
        throw new MfaCodeRejectedError('Too many wrong codes: sign in again with your password', 0);
      }
      // Used once: of two right codes at the same moment, one signs in.
      const user = (await challenges.consume(tokenHash)) ? await users.findById(userId) : undefined;
      if (!user) throw over();
      await throttle.succeeded(attempt, userId);
      return auth.finishSignIn({ user, attempt, passwordCheck: challenge.passwordCheck, presentedDeviceToken: null, method: used.kind, proof: proofOf(clock.now(), ['pwd', 'otp']) });
    },
  };
}
