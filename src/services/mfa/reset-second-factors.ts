// Every second factor of a user, gone: TOTP (pending too), recovery codes,
// passkeys and pending sign-ins. What an ADMIN's resetUserMfa does over the
// API, and `npm run cli -- reset-mfa` when no admin can sign in any more:
// both through resetFor, so both are audited alike.
import type { AuditLog } from '../../platform/audit.js';
import type { UserId } from '../../platform/ids.js';
import { actorIdOf, type Administrator, type RequestOrigin } from '../../platform/request-context.js';
import { BadUserInputError } from '../../platform/errors.js';
import type { MfaChallengeRepository } from '../../repositories/mfa-challenge-repository.js';
import type { MfaRepository } from '../../repositories/mfa-repository.js';
import type { PasskeyRepository } from '../../repositories/passkey-repository.js';
import type { UserRepository } from '../../repositories/user-repository.js';
import { parseUserId } from '../input.js';

export interface SecondFactorsRemoved {
  /** Whether TOTP was on. */
  readonly totp: boolean;
  readonly passkeys: number;
}

/** An administrator's reset of one user's second factors (the user id as given: parsed, and refused if unknown). */
export type ResetSecondFactors = (by: Administrator, userId: string, origin: RequestOrigin) => Promise<SecondFactorsRemoved>;

export function createSecondFactorReset(deps: {
  mfa: MfaRepository;
  challenges: MfaChallengeRepository;
  passkeys: PasskeyRepository;
  users: UserRepository;
  audit: AuditLog;
}): ResetSecondFactors {
  return async (by, id, origin) => {
    const userId = parseUserId(id);
    if (!(await deps.users.findById(userId))) throw new BadUserInputError('id', 'No such user');
    const removed = await removeAll(deps, userId);
    deps.audit.record({ type: 'mfa.reset', origin, actorId: actorIdOf(by), subjectId: userId, ...removed });
    return removed;
  };
}

async function removeAll(repositories: { mfa: MfaRepository; challenges: MfaChallengeRepository; passkeys: PasskeyRepository }, userId: UserId): Promise<SecondFactorsRemoved> {
  const totp = await repositories.mfa.remove(userId);
  const passkeys = await repositories.passkeys.removeAllOf(userId);
  await repositories.challenges.deleteAllOf(userId);
  return { totp, passkeys };
}
