// The second factor's services, built once from the repositories and
// settings app.ts hands over. verifyMfa needs the auth service, which needs
// the challenges first: so the rest is made from `auth` afterwards.
import type { PasswordHasher } from '../../credentials/passwords.js';
import type { SecretBox } from '../../credentials/secret-box.js';
import type { AuditLog } from '../../platform/audit.js';
import type { WebAuthnSettings } from '../../platform/mfa-settings.js';
import type { Clock } from '../../platform/clock.js';
import type { MfaChallengeRepository } from '../../repositories/mfa-challenge-repository.js';
import type { MfaRepository } from '../../repositories/mfa-repository.js';
import type { PasskeyRepository } from '../../repositories/passkey-repository.js';
import type { UserRepository } from '../../repositories/user-repository.js';
import type { AuthService } from '../auth-service.js';
import type { LoginThrottle } from '../login-throttle.js';
import type { EmailAddresses } from '../email-addresses.js';
import { createMfaChallenges, type MfaChallenges } from './mfa-challenges.js';
import { createMfaVerification, type MfaVerification } from './mfa-verification.js';
import { createPasskeyLogin, type PasskeyLogin } from './passkey-login.js';
import { createPasskeyRegistration, type PasskeyRegistration } from './passkey-registration.js';
import { createReauthentication, type Reauthentication } from './reauthentication.js';
import { resetSecondFactors } from './reset-second-factors.js';
import { createSecondFactorCodes } from './second-factor-codes.js';
import { createTotpService, type TotpService } from './totp-service.js';

/** At least ten (issue 17); each is 80 random bits. */
const recoveryCodeCount = 10;

export interface SecondFactorDeps {
  readonly mfa: MfaRepository;
  readonly challenges: MfaChallengeRepository;
  readonly passkeys: PasskeyRepository;
  readonly users: UserRepository;
  readonly passwords: PasswordHasher;
  readonly box: SecretBox | undefined;
  readonly issuer: string;
  /** Undefined when no origin is configured: passkeys are off. */
  readonly webauthn: WebAuthnSettings | undefined;
  /** Keys the made-up credential ids startPasskeyLogin offers for emails without passkeys. */
  readonly decoyKey: Buffer;
  readonly emails: EmailAddresses;
  readonly throttle: LoginThrottle;
  readonly audit: AuditLog;
  readonly clock: Clock;
}

/** What the resolvers call. */
export interface SecondFactorServices {
  readonly totp: TotpService;
  readonly mfaLogin: MfaVerification;
  readonly reauthentication: Reauthentication;
  readonly passkeys: PasskeyRegistration;
  readonly passkeyLogin: PasskeyLogin;
}

export interface SecondFactor {
  /** For the auth service: MFA_REQUIRED after a right password. */
  readonly challenges: MfaChallenges;
  /** The rest, once the auth service (which starts sessions) exists. */
  servicesFor(auth: Pick<AuthService, 'finishSignIn' | 'renewProof'>): SecondFactorServices;
}

export function createSecondFactor(deps: SecondFactorDeps): SecondFactor {
  const { audit, clock } = deps;
  const codes = createSecondFactorCodes({ mfa: deps.mfa, box: deps.box, audit, clock });
  return {
    challenges: createMfaChallenges({ challenges: deps.challenges, codes, audit, clock }),
    servicesFor: (auth) => ({
      // An ADMIN's reset removes passkeys with the TOTP: all of the lost device goes.
      totp: createTotpService({ ...deps, codes, recoveryCodeCount, resetFactors: (userId) => resetSecondFactors(deps, userId) }),
      mfaLogin: createMfaVerification({ challenges: deps.challenges, codes, users: deps.users, auth, throttle: deps.throttle, audit, clock }),
      reauthentication: createReauthentication({ users: deps.users, passwords: deps.passwords, codes, auth, audit, clock }),
      passkeys: createPasskeyRegistration(deps),
      passkeyLogin: createPasskeyLogin({ ...deps, auth }),
    }),
  };
}
