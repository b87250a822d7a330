// Every second factor of a user, gone: TOTP (pending too), recovery codes,
// passkeys and pending sign-ins. What an ADMIN's resetUserMfa does over the
// API, and `npm run cli -- reset-mfa` when no admin can sign in any more.
import type { UserId } from '../../platform/ids.js';
import type { MfaChallengeRepository } from '../../repositories/mfa-challenge-repository.js';
import type { MfaRepository } from '../../repositories/mfa-repository.js';
import type { PasskeyRepository } from '../../repositories/passkey-repository.js';

export interface SecondFactorsRemoved {
  /** Whether TOTP was on. */
  readonly totp: boolean;
  readonly passkeys: number;
}

export async function resetSecondFactors(repositories: { mfa: MfaRepository; challenges: MfaChallengeRepository; passkeys: PasskeyRepository }, userId: UserId): Promise<SecondFactorsRemoved> {
  const totp = await repositories.mfa.remove(userId);
  const passkeys = await repositories.passkeys.removeAllOf(userId);
  await repositories.challenges.deleteAllOf(userId);
  return { totp, passkeys };
}
