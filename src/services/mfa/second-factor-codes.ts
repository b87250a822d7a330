// Checking what a user types as their second factor: a TOTP code (once: its
// time step is recorded, so the same code, or an earlier one, is refused) or
// a recovery code (once: it is marked used). Shared by verifyMfa,
// disableTotp and reauthenticate; every failure and every recovery code used
// is audited here, with what it was for.
import { hashRecoveryCode, normalizeRecoveryCode } from '../../credentials/recovery-codes.js';
import type { SecretBox } from '../../credentials/secret-box.js';
import { looksLikeTotpCode, matchingStep } from '../../credentials/totp.js';
import type { AuditLog } from '../../platform/audit.js';
import type { Clock } from '../../platform/clock.js';
import { BadUserInputError } from '../../platform/errors.js';
import type { UserId } from '../../platform/ids.js';
import type { RequestOrigin } from '../../platform/request-context.js';
import type { MfaRepository } from '../../repositories/mfa-repository.js';

/** A code as typed, once its shape is known. */
export type TypedCode = { readonly kind: 'totp'; readonly code: string } | { readonly kind: 'recovery_code'; readonly code: string };

export type CodeUse = { readonly ok: true; readonly kind: TypedCode['kind'] } | { readonly ok: false; readonly reason: 'wrong_code' | 'replayed_code' | 'not_enabled' };

/** Why the code is asked for, as audit events name it. */
export type CodePurpose = 'login' | 'disable' | 'reauthenticate';

export interface CodeContext {
  readonly origin: RequestOrigin;
  readonly purpose: CodePurpose;
  /** The signed-in user acting, when there is one (not during login). */
  readonly actorId?: UserId | undefined;
}

export interface SecondFactorCodes {
  /** Whether login asks this user for a second factor. */
  isEnabled(userId: UserId): Promise<boolean>;
  /** Checks the code and uses it up when it is right. */
  use(userId: UserId, typed: TypedCode, context: CodeContext): Promise<CodeUse>;
}

/**
 * The code's kind from its shape: six digits, or a recovery code (case,
 * spaces and dashes aside). Anything else cannot be right and is refused
 * before it costs an attempt.
 */
export function readCode(text: string, field = 'code'): TypedCode {
  const compact = text.length > 64 ? '' : text.replace(/\s/g, '');
  if (looksLikeTotpCode(compact)) return { kind: 'totp', code: compact };
  const recovery = normalizeRecoveryCode(compact);
  if (recovery !== undefined) return { kind: 'recovery_code', code: recovery };
  throw new BadUserInputError(field, 'Enter the 6-digit code from your authenticator app, or one of your recovery codes');
}

export class UnreadableSecretError extends Error {
  override readonly name = 'UnreadableSecretError';
}

export function createSecondFactorCodes(deps: { mfa: MfaRepository; box: SecretBox | undefined; audit: AuditLog; clock: Clock }): SecondFactorCodes {
  const { mfa, box, audit, clock } = deps;

  async function check(userId: UserId, typed: TypedCode): Promise<CodeUse> {
    if (typed.kind === 'recovery_code') {
      return (await mfa.useRecoveryCode(userId, hashRecoveryCode(typed.code), clock.now())) ? { ok: true, kind: typed.kind } : { ok: false, reason: 'wrong_code' };
    }
    const sealed = (await mfa.totpOf(userId))?.secret ?? null;
    if (sealed === null) return { ok: false, reason: 'not_enabled' };
    // The boot check makes this unreachable short of someone changing the key under a running server.
    const secret = box?.open(sealed, userId);
    if (secret === undefined) throw new UnreadableSecretError('a TOTP secret cannot be decrypted with MFA_ENCRYPTION_KEY');
    const step = matchingStep(secret, typed.code, clock.now());
    if (step === undefined) return { ok: false, reason: 'wrong_code' };
    return (await mfa.useStep(userId, step)) ? { ok: true, kind: typed.kind } : { ok: false, reason: 'replayed_code' };
  }

  return {
    isEnabled: async (userId) => (await mfa.enabledAmong([userId])).has(userId),

    async use(userId, typed, { origin, purpose, actorId }) {
      const result = await check(userId, typed);
      if (!result.ok) {
        audit.record({ type: 'mfa.code_failed', origin, actorId, subjectId: userId, purpose, kind: typed.kind, reason: result.reason });
      } else if (result.kind === 'recovery_code') {
        audit.record({ type: 'mfa.recovery_code_used', origin, actorId, subjectId: userId, purpose, remaining: await mfa.recoveryCodesLeft(userId) });
      }
      return result;
    },
  };
}
