// Turning TOTP on and off: a pending enrolment (changes nothing at login)
// until a code from the app confirms it, then recovery codes shown once;
// disabling with a code; new recovery codes; and an ADMIN's reset for a user
// who lost their device. Access (who, and how recently proven) is declared
// in schema/mfa.graphql; this enforces what the data implies.
import DataLoader from 'dataloader';
import QRCode from 'qrcode';
import { newRecoveryCodes } from '../../credentials/recovery-codes.js';
import type { SecretBox } from '../../credentials/secret-box.js';
import { matchingStep, newTotpSecret, totpUri } from '../../credentials/totp.js';
import type { AuditLog } from '../../platform/audit.js';
import type { Clock } from '../../platform/clock.js';
import { BadUserInputError, ForbiddenError } from '../../platform/errors.js';
import type { UserId } from '../../platform/ids.js';
import type { RequestOrigin, RequestScope, SignedInViewer } from '../../platform/request-context.js';
import type { MfaChallengeRepository } from '../../repositories/mfa-challenge-repository.js';
import type { MfaRepository } from '../../repositories/mfa-repository.js';
import type { UserRepository } from '../../repositories/user-repository.js';
import type { ResetSecondFactors } from './reset-second-factors.js';
import { readCode, type SecondFactorCodes } from './second-factor-codes.js';

export interface TotpEnrollment {
  readonly secret: string;
  readonly uri: string;
  readonly qrCodeSvg: string;
}

export interface RecoveryCodesResult {
  readonly codes: readonly string[];
}

export interface TotpService {
  enroll(viewer: SignedInViewer, origin: RequestOrigin): Promise<TotpEnrollment>;
  confirm(viewer: SignedInViewer, code: string, origin: RequestOrigin): Promise<RecoveryCodesResult>;
  disable(viewer: SignedInViewer, code: string, origin: RequestOrigin): Promise<boolean>;
  regenerateRecoveryCodes(viewer: SignedInViewer, origin: RequestOrigin): Promise<RecoveryCodesResult>;
  /** An ADMIN's reset: every second factor of the user goes, so they sign in with their password alone. */
  reset(actor: SignedInViewer, userId: string, origin: RequestOrigin): Promise<boolean>;
  /** Whether TOTP is on, batched per request (a users page asks once). */
  enabledFor(userId: UserId, scope: RequestScope): Promise<boolean>;
}

export interface TotpServiceDeps {
  readonly mfa: MfaRepository;
  readonly challenges: MfaChallengeRepository;
  readonly users: UserRepository;
  readonly codes: SecondFactorCodes;
  /** Undefined in production without MFA_ENCRYPTION_KEY: TOTP cannot be turned on then. */
  readonly box: SecretBox | undefined;
  readonly issuer: string;
  readonly recoveryCodeCount: number;
  readonly audit: AuditLog;
  readonly clock: Clock;
  /** An ADMIN's reset: every second factor of the user, audited (see reset-second-factors.ts). */
  readonly resetFactors: ResetSecondFactors;
}

export function createTotpService(deps: TotpServiceDeps): TotpService {
  const { mfa, challenges, users, codes, issuer, audit, clock } = deps;

  const sealer = (): SecretBox => {
    if (!deps.box) throw new ForbiddenError('Two-step sign-in is not available on this server');
    return deps.box;
  };

  // Per service, so two servers in one process never share a request's loader.
  const enabledLoader = {};

  return {
    async enroll(viewer, origin) {
      const box = sealer();
      const user = await users.findById(viewer.userId);
      if (!user) throw new BadUserInputError('id', 'No such user');
      const secret = newTotpSecret();
      await mfa.setPending(viewer.userId, box.seal(secret, viewer.userId), clock.now());
      const uri = totpUri(secret, issuer, user.email);
      audit.record({ type: 'mfa.totp_enrollment_started', origin, actorId: viewer.userId, subjectId: viewer.userId });
      return { secret, uri, qrCodeSvg: await QRCode.toString(uri, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 }) };
    },

    async confirm(viewer, code, origin) {
      const typed = readCode(code);
      const box = sealer();
      const record = await mfa.totpOf(viewer.userId);
      const pending = record?.pendingSecret ?? null;
      if (pending === null) throw new BadUserInputError('code', 'There is no enrolment to confirm: start with enrollTotp');
      const secret = box.open(pending, viewer.userId);
      const step = secret === undefined || typed.kind !== 'totp' ? undefined : matchingStep(secret, typed.code, clock.now());
      if (step === undefined) {
        audit.record({ type: 'mfa.code_failed', origin, actorId: viewer.userId, subjectId: viewer.userId, purpose: 'confirm', kind: typed.kind, reason: 'wrong_code' });
        throw new BadUserInputError('code', 'That is not the current code of the new entry in your app: check your device\'s clock and try the next one');
      }
      const recovery = newRecoveryCodes(deps.recoveryCodeCount);
      if (!(await mfa.confirm(viewer.userId, pending, step, recovery.hashes, clock.now()))) {
        throw new BadUserInputError('code', 'A newer enrolment replaced this one: confirm with a code from the newest entry in your app');
      }
      audit.record({ type: 'mfa.totp_enabled', origin, actorId: viewer.userId, subjectId: viewer.userId, replaced: record?.secret !== null, recoveryCodes: recovery.shown.length });
      return { codes: recovery.shown };
    },

    async disable(viewer, code, origin) {
      const typed = readCode(code);
      if (!(await codes.isEnabled(viewer.userId))) throw new BadUserInputError('code', 'Two-step sign-in is not on');
      const used = await codes.use(viewer.userId, typed, { origin, purpose: 'disable', actorId: viewer.userId });
      if (!used.ok) throw new BadUserInputError('code', used.reason === 'replayed_code' ? 'That code was used already: wait for the next one' : 'Wrong code');
      await mfa.remove(viewer.userId);
      await challenges.deleteAllOf(viewer.userId);
      audit.record({ type: 'mfa.totp_disabled', origin, actorId: viewer.userId, subjectId: viewer.userId, with: used.kind });
      return true;
    },

    async regenerateRecoveryCodes(viewer, origin) {
      const recovery = newRecoveryCodes(deps.recoveryCodeCount);
      if (!(await mfa.replaceRecoveryCodes(viewer.userId, recovery.hashes, clock.now()))) {
        throw new ForbiddenError('Two-step sign-in is not on: recovery codes come with it');
      }
      audit.record({ type: 'mfa.recovery_codes_regenerated', origin, actorId: viewer.userId, subjectId: viewer.userId, recoveryCodes: recovery.shown.length });
      return { codes: recovery.shown };
    },

    async reset(actor, id, origin) {
      await deps.resetFactors(actor, id, origin);
      return true;
    },

    async enabledFor(userId, scope) {
      const loader = scope.memo(enabledLoader, () => new DataLoader<UserId, boolean>(async (ids) => {
        const enabled = await mfa.enabledAmong(ids);
        return ids.map((id) => enabled.has(id));
      }));
      return loader.load(userId);
    },
  };
}
