// Signing in with a passkey: options for navigator.credentials.get() with a
// challenge id (five minutes, used once), then the browser's signed answer.
// With an email, the account's credentials are offered; an email with no
// account (or no passkey) gets one made-up credential id derived from it, so
// an unknown address reads like an account without passkeys (one with
// passkeys shows its real ids: docs/mfa.md). Without an email, any
// discoverable passkey of this site will do. User verification is required,
// so the passkey is both factors: no MFA_REQUIRED follows. The signature
// counter must move forward (a clone of the authenticator would repeat it).
import { createHmac } from 'node:crypto';
import { generateAuthenticationOptions, verifyAuthenticationResponse, type PublicKeyCredentialRequestOptionsJSON } from '@simplewebauthn/server';
import type { AuditLog } from '../../platform/audit.js';
import { proofOf } from '../../platform/auth-proof.js';
import type { Clock } from '../../platform/clock.js';
import { BadUserInputError, UnauthenticatedError } from '../../platform/errors.js';
import { isId, newId } from '../../platform/ids.js';
import type { WebAuthnSettings } from '../../platform/mfa-settings.js';
import type { RequestOrigin } from '../../platform/request-context.js';
import type { PasskeyRepository } from '../../repositories/passkey-repository.js';
import type { UserRepository } from '../../repositories/user-repository.js';
import type { AuthService } from '../auth-service.js';
import type { EmailAddresses } from '../email-addresses.js';
import type { AuthResult } from '../types.js';
import { ceremonyMs, relyingParty, userHandleOf } from './passkey-registration.js';
import { isTransport, readAuthenticationResponse } from './webauthn-responses.js';

export interface PasskeyChallenge {
  readonly challengeId: string;
  readonly options: PublicKeyCredentialRequestOptionsJSON;
}

export interface PasskeyLogin {
  start(email: string | null | undefined): Promise<PasskeyChallenge>;
  finish(challengeId: string, response: unknown, origin: RequestOrigin): Promise<AuthResult>;
}

export interface PasskeyLoginDeps {
  readonly passkeys: PasskeyRepository;
  readonly users: UserRepository;
  readonly webauthn: WebAuthnSettings | undefined;
  readonly auth: Pick<AuthService, 'finishSignIn'>;
  /** How an email is read (its spelling under the settings), as at sign-in. */
  readonly emails: Pick<EmailAddresses, 'normalize'>;
  /** Keys the made-up credential ids of emails without passkeys, so they stay the same from call to call. */
  readonly decoyKey: Buffer;
  readonly audit: AuditLog;
  readonly clock: Clock;
}

// One answer for every failed passkey sign-in; the audit log keeps the reason.
const failed = () => new UnauthenticatedError('Passkey sign-in failed: start again');

export function createPasskeyLogin(deps: PasskeyLoginDeps): PasskeyLogin {
  const { passkeys, users, auth, emails, audit, clock } = deps;
  const decoyFor = (email: string) => createHmac('sha256', deps.decoyKey).update(`passkey-decoy:${email}`).digest().subarray(0, 16).toString('base64url');

  return {
    async start(email) {
      const rp = relyingParty(deps.webauthn);
      const normalized = email === null || email === undefined || email.trim() === '' ? undefined : emails.normalize(email);
      const user = normalized === undefined ? undefined : await users.findByEmail(normalized);
      const own = user ? ((await passkeys.listOf([user.id])).get(user.id) ?? []) : [];
      const allowCredentials =
        normalized === undefined ? [] : own.length > 0 ? own.map((p) => ({ id: p.credentialId, transports: p.transports.filter(isTransport) })) : [{ id: decoyFor(normalized) }];
      const options = await generateAuthenticationOptions({ rpID: rp.rpId, allowCredentials, userVerification: 'required', timeout: ceremonyMs });
      const now = clock.now();
      const challengeId = newId();
      await passkeys.createChallenge({ id: challengeId, purpose: 'login', userId: own.length > 0 && user ? user.id : null, challenge: options.challenge, expiresAt: now + ceremonyMs }, now);
      return { challengeId, options };
    },

    async finish(challengeId, response, origin) {
      const rp = relyingParty(deps.webauthn);
      if (!isId(challengeId)) throw new BadUserInputError('challengeId', 'Not a challenge id from startPasskeyLogin');
      const answer = readAuthenticationResponse(response);
      const now = clock.now();
      const refuse = (reason: string, subjectId?: string) => {
        audit.record({ type: 'passkey.login_failed', origin, subjectId, reason });
        return failed();
      };
      const challenge = await passkeys.takeChallenge({ purpose: 'login', id: challengeId }, now);
      if (!challenge) throw refuse('unknown_expired_or_used_challenge');
      const passkey = await passkeys.byCredentialId(answer.id);
      if (!passkey) throw refuse('unknown_credential');
      // Offered for one account, answered by another's passkey; or a user handle that is not its owner's.
      if (challenge.userId !== null && challenge.userId !== passkey.userId) throw refuse('credential_of_another_account', passkey.userId);
      const handle = answer.response.userHandle;
      if (handle !== undefined && handle !== Buffer.from(userHandleOf(passkey.userId)).toString('base64url')) throw refuse('user_handle_mismatch', passkey.userId);
      let verified;
      try {
        verified = await verifyAuthenticationResponse({
          response: answer,
          expectedChallenge: challenge.challenge,
          expectedOrigin: [...rp.origins],
          expectedRPID: rp.rpId,
          credential: { id: passkey.credentialId, publicKey: Uint8Array.from(Buffer.from(passkey.publicKey, 'base64url')), counter: passkey.counter, transports: passkey.transports.filter(isTransport) },
          requireUserVerification: true,
        });
      } catch (error) {
        // @simplewebauthn/server says so when the counter did not move forward: a cloned authenticator, or a replay.
        const message = error instanceof Error ? error.message : '';
        throw refuse(/counter/i.test(message) ? 'counter_not_increased' : `unverifiable: ${message.slice(0, 200)}`, passkey.userId);
      }
      if (!verified.verified) throw refuse('signature', passkey.userId);
      const info = verified.authenticationInfo;
      if (!(await passkeys.recordUse(passkey.id, passkey.counter, info.newCounter, now))) throw refuse('used_concurrently', passkey.userId);
      const user = await users.findById(passkey.userId);
      if (!user) throw refuse('unknown_user', passkey.userId);
      const key = info.credentialDeviceType === 'multiDevice' ? 'swk' : 'hwk';
      return auth.finishSignIn({
        user,
        attempt: { email: user.email, origin, device: undefined },
        passwordCheck: undefined,
        presentedDeviceToken: null,
        method: 'passkey',
        proof: proofOf(now, [key], true),
      });
    },
  };
}
