// Adding, listing and removing passkeys. Registration is two calls: options
// for navigator.credentials.create() (a challenge kept for five minutes, for
// this user, used once), then the browser's answer, verified by
// @simplewebauthn/server against that challenge, this server's origin and RP
// id, with user verification required (so a passkey is both factors).
import { generateRegistrationOptions, verifyRegistrationResponse, type PublicKeyCredentialCreationOptionsJSON } from '@simplewebauthn/server';
import DataLoader from 'dataloader';
import type { AuditLog } from '../../platform/audit.js';
import type { Clock } from '../../platform/clock.js';
import { BadUserInputError, ForbiddenError } from '../../platform/errors.js';
import { isId, newId, type UserId } from '../../platform/ids.js';
import type { WebAuthnSettings } from '../../platform/mfa-settings.js';
import type { RequestOrigin, RequestScope, SignedInViewer } from '../../platform/request-context.js';
import type { PasskeyId, PasskeyRecord, PasskeyRepository } from '../../repositories/passkey-repository.js';
import type { UserRepository } from '../../repositories/user-repository.js';
import { hasControlCharacter } from '../input.js';
import { isTransport, readRegistrationResponse } from './webauthn-responses.js';

/** How long a ceremony's challenge lasts; the browser is told the same. */
export const ceremonyMs = 5 * 60_000;
const maxPasskeysPerUser = 25;

export interface PasskeyRegistration {
  start(viewer: SignedInViewer, origin: RequestOrigin): Promise<PublicKeyCredentialCreationOptionsJSON>;
  finish(viewer: SignedInViewer, response: unknown, name: string | null | undefined, origin: RequestOrigin): Promise<PasskeyRecord>;
  /** The user's passkeys, oldest first, batched per request. */
  listFor(userId: UserId, scope: RequestScope): Promise<readonly PasskeyRecord[]>;
  remove(viewer: SignedInViewer, id: string, origin: RequestOrigin): Promise<boolean>;
}

export interface PasskeyRegistrationDeps {
  readonly passkeys: PasskeyRepository;
  readonly users: UserRepository;
  /** Undefined when no origin is configured: passkeys are off. */
  readonly webauthn: WebAuthnSettings | undefined;
  readonly audit: AuditLog;
  readonly clock: Clock;
}

/** What the browser keeps as the account's user handle: the user id's bytes (no personal data). */
export const userHandleOf = (userId: UserId): Uint8Array<ArrayBuffer> => Uint8Array.from(Buffer.from(userId, 'utf8'));

export function relyingParty(webauthn: WebAuthnSettings | undefined): WebAuthnSettings {
  if (!webauthn) throw new ForbiddenError('Passkeys are not available on this server');
  return webauthn;
}

/** The name given, trimmed; undefined when none was (the device type names it then). */
function readName(name: string | null | undefined): string | undefined {
  const trimmed = (name ?? '').trim();
  if (trimmed === '') return undefined;
  if (trimmed.length > 64) throw new BadUserInputError('name', 'A passkey name is at most 64 characters');
  if (hasControlCharacter(trimmed)) throw new BadUserInputError('name', 'A passkey name cannot hold control characters');
  return trimmed;
}

export function createPasskeyRegistration(deps: PasskeyRegistrationDeps): PasskeyRegistration {
  const { passkeys, users, audit, clock } = deps;
  const loaderKey = {};

  return {
    async start(viewer, origin) {
      const rp = relyingParty(deps.webauthn);
      const user = await users.findById(viewer.userId);
      if (!user) throw new BadUserInputError('id', 'No such user');
      const existing = (await passkeys.listOf([user.id])).get(user.id) ?? [];
      const options = await generateRegistrationOptions({
        rpName: rp.rpName,
        rpID: rp.rpId,
        userName: user.email,
        userDisplayName: user.email,
        userID: userHandleOf(user.id),
        timeout: ceremonyMs,
        attestationType: 'none',
        // Discoverable, so it signs in without an email; verified, so it is two factors.
        authenticatorSelection: { residentKey: 'required', userVerification: 'required' },
        excludeCredentials: existing.map((p) => ({ id: p.credentialId, transports: p.transports.filter(isTransport) })),
      });
      const now = clock.now();
      await passkeys.createChallenge({ id: newId(), purpose: 'registration', userId: user.id, challenge: options.challenge, expiresAt: now + ceremonyMs }, now);
      audit.record({ type: 'passkey.registration_started', origin, actorId: user.id, subjectId: user.id });
      return options;
    },

    async finish(viewer, response, name, origin) {
      const rp = relyingParty(deps.webauthn);
      const answer = readRegistrationResponse(response);
      // Checked before the challenge is taken: a bad name must not cost the ceremony.
      const given = readName(name);
      const now = clock.now();
      const challenge = await passkeys.takeChallenge({ purpose: 'registration', userId: viewer.userId }, now);
      const failed = (reason: string, message: string) => {
        audit.record({ type: 'passkey.registration_failed', origin, actorId: viewer.userId, subjectId: viewer.userId, reason });
        return new BadUserInputError('response', message);
      };
      if (!challenge) throw failed('no_live_challenge', 'No passkey registration is under way (or it took over 5 minutes): start again');
      let verified;
      try {
        verified = await verifyRegistrationResponse({ response: answer, expectedChallenge: challenge.challenge, expectedOrigin: [...rp.origins], expectedRPID: rp.rpId, requireUserVerification: true });
      } catch (error) {
        throw failed(error instanceof Error ? error.message.slice(0, 200) : 'unverifiable', 'The authenticator\'s answer did not verify: start again');
      }
      if (!verified.verified) throw failed('not_verified', 'The authenticator\'s answer did not verify: start again');
      const info = verified.registrationInfo;
      if (await passkeys.byCredentialId(info.credential.id)) throw failed('already_registered', 'This passkey is registered already');
      const passkey: PasskeyRecord = {
        id: newId() as PasskeyId,
        userId: viewer.userId,
        credentialId: info.credential.id,
        publicKey: Buffer.from(info.credential.publicKey).toString('base64url'),
        counter: info.credential.counter,
        transports: info.credential.transports ?? answer.response.transports ?? [],
        deviceType: info.credentialDeviceType,
        backedUp: info.credentialBackedUp,
        name: given ?? (info.credentialDeviceType === 'multiDevice' ? 'Synced passkey' : 'Security key'),
        createdAt: now,
        lastUsedAt: null,
      };
      if (!(await passkeys.insert(passkey, maxPasskeysPerUser))) throw failed('too_many', `At most ${maxPasskeysPerUser} passkeys per account: remove one first`);
      audit.record({ type: 'passkey.registered', origin, actorId: viewer.userId, subjectId: viewer.userId, passkeyId: passkey.id, deviceType: passkey.deviceType });
      return passkey;
    },

    async listFor(userId, scope) {
      const loader = scope.memo(loaderKey, () => new DataLoader<UserId, readonly PasskeyRecord[]>(async (ids) => {
        const lists = await passkeys.listOf(ids);
        return ids.map((id) => lists.get(id) ?? []);
      }));
      return loader.load(userId);
    },

    async remove(viewer, id, origin) {
      // Someone else's passkey looks exactly like a missing one.
      if (!isId(id) || !(await passkeys.remove(id as PasskeyId, viewer.userId))) throw new BadUserInputError('id', 'No such passkey');
      audit.record({ type: 'passkey.removed', origin, actorId: viewer.userId, subjectId: viewer.userId, passkeyId: id });
      return true;
    },
  };
}
