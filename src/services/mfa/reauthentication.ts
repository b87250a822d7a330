// Step-up: `reauthenticate(password, code)` proves again who the session's
// holder is, and answers with new tokens in the same session whose
// `auth_time` is now (the refresh token rotates with them). The proof asked
// for is the sign-in's strength: with two-step sign-in on, a current code or
// a recovery code (and the password too, if given); without, the password.
// A stolen access token alone therefore never passes a `fresh` field.
import type { PasswordHasher } from '../../credentials/passwords.js';
import type { AuditLog } from '../../platform/audit.js';
import { proofOf, type AuthMethod } from '../../platform/auth-proof.js';
import type { Clock } from '../../platform/clock.js';
import { BadUserInputError } from '../../platform/errors.js';
import type { RequestOrigin, SignedInViewer } from '../../platform/request-context.js';
import type { UserRepository } from '../../repositories/user-repository.js';
import type { AuthService } from '../auth-service.js';
import { checkPasswordUpperBound } from '../input.js';
import type { AuthResult } from '../types.js';
import { readCode, type SecondFactorCodes } from './second-factor-codes.js';

export interface Reauthentication {
  reauthenticate(viewer: SignedInViewer, password: string | null | undefined, code: string | null | undefined, origin: RequestOrigin): Promise<AuthResult>;
}

export interface ReauthenticationDeps {
  readonly users: UserRepository;
  readonly passwords: PasswordHasher;
  readonly codes: SecondFactorCodes;
  readonly auth: Pick<AuthService, 'renewProof'>;
  readonly audit: AuditLog;
  readonly clock: Clock;
}

export function createReauthentication(deps: ReauthenticationDeps): Reauthentication {
  const { users, passwords, codes, auth, audit, clock } = deps;
  return {
    async reauthenticate(viewer, password, code, origin) {
      const { userId } = viewer;
      const refused = (field: 'password' | 'code', reason: string, message: string) => {
        audit.record({ type: 'reauthentication.failed', origin, actorId: userId, subjectId: userId, sessionId: viewer.sessionId, reason });
        return new BadUserInputError(field, message);
      };
      const typed = code === null || code === undefined ? undefined : readCode(code);
      const mfaOn = await codes.isEnabled(userId);
      if (mfaOn && typed === undefined) throw new BadUserInputError('code', 'Two-step sign-in is on: enter a code from your authenticator app, or a recovery code');
      if (!mfaOn && typed !== undefined) throw new BadUserInputError('code', 'Two-step sign-in is not on: confirm with your password');
      if (!mfaOn && (password === null || password === undefined)) throw new BadUserInputError('password', 'Enter your password');
      const used: Exclude<AuthMethod, 'mfa'>[] = [];
      if (password !== null && password !== undefined) {
        checkPasswordUpperBound(password);
        const user = await users.findWithPasswordHash(userId);
        if (!user || !(await passwords.verify(user.passwordHash, password))) throw refused('password', 'wrong_password', 'Wrong password');
        used.push('pwd');
      }
      if (typed !== undefined) {
        const result = await codes.use(userId, typed, { origin, purpose: 'reauthenticate', actorId: userId });
        if (!result.ok) throw refused('code', result.reason, result.reason === 'replayed_code' ? 'That code was used already: wait for the next one' : 'Wrong code');
        used.push('otp');
      }
      return auth.renewProof(viewer, proofOf(clock.now(), used), origin);
    },
  };
}
