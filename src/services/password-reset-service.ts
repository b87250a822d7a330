// Getting back in without the password: a link mailed to the account's
// address sets a new one and ends everything the old one may have let
// someone else keep: every session (access tokens included, at once), every
// trusted device, every API key, every passkey, every other pending link.
// Keys and passkeys go too because each is a way back in that no session
// check sees: a thief who knew the password, or someone who signed up with
// the address before its owner (account pre-hijacking), could have left one.
// TOTP stays: a reset proves only the mailbox, and the code is what keeps
// someone who holds the mailbox but not the phone out.
import { untrustedLane } from '../credentials/fair-hashing-queue.js';
import type { PasswordHasher } from '../credentials/passwords.js';
import type { AuditLog } from '../platform/audit.js';
import type { Clock } from '../platform/clock.js';
import type { RequestOrigin } from '../platform/request-context.js';
import type { ApiKeyRepository } from '../repositories/api-key-repository.js';
import type { PasskeyRepository } from '../repositories/passkey-repository.js';
import type { SessionRepository } from '../repositories/session-repository.js';
import type { UserRepository } from '../repositories/user-repository.js';
import type { AccountMail } from './account-mail.js';
import type { DeviceTrust } from './device-trust.js';
import { endAllSessions } from './end-all-sessions.js';
import type { EmailAddresses } from './email-addresses.js';
import { checkPasswordPolicy } from './input.js';
import { invalidLink, type OneTimeTokens } from './one-time-tokens.js';
import type { SessionVerifier } from './session-verifier.js';

export interface PasswordResetService {
  /** Always true for a valid address: whether it has an account shows neither in the answer nor in its timing. */
  request(email: string, origin: RequestOrigin): Promise<boolean>;
  reset(token: string, newPassword: string, origin: RequestOrigin): Promise<boolean>;
}

export interface PasswordResetDeps {
  readonly users: UserRepository;
  readonly emails: EmailAddresses;
  readonly sessions: SessionRepository;
  readonly passwords: PasswordHasher;
  readonly verifier: SessionVerifier;
  readonly devices: DeviceTrust;
  readonly apiKeys: Pick<ApiKeyRepository, 'revokeAllOf'>;
  readonly passkeys: Pick<PasskeyRepository, 'removeAllOf'>;
  readonly tokens: OneTimeTokens;
  readonly accountMail: AccountMail;
  readonly audit: AuditLog;
  readonly clock: Clock;
}

export function createPasswordResetService(deps: PasswordResetDeps): PasswordResetService {
  const { users, emails, passwords, verifier, devices, tokens, accountMail, audit, clock } = deps;
  return {
    async request(email, origin) {
      // The request path does only this, for every address: the account is
      // looked up, and its link issued and sent, after the answer is on its way.
      accountMail.passwordResetLink(emails.normalize(email), origin);
      return true;
    },

    async reset(token, newPassword, origin) {
      // A dead link is refused before the password is looked at or hashed: the
      // user learns first what they cannot fix by retyping.
      if ((await tokens.peek(token, 'password_reset')) === undefined) throw invalidLink();
      checkPasswordPolicy(newPassword, 'newPassword');
      const passwordHash = await passwords.hash(newPassword, untrustedLane(origin.ip));
      // Used up only now, and atomically: of two resets racing with one link, one wins.
      const used = await tokens.consume(token, 'password_reset');
      const user = used && (await users.findById(used.userId));
      if (!user) throw invalidLink();
      await users.setPasswordHash(user.id, passwordHash, clock.now());
      // The link reached the address it was mailed to: that address is proven, if it is still the account's.
      if (!user.emailVerified) await users.markEmailVerified(user.id, used.email, clock.now());
      await tokens.revokeAllOf(user.id);
      const ended = await endAllSessions(deps, user.id, 'password_reset');
      const devicesForgotten = await devices.revokeAllForUser(user.id);
      const apiKeysRevoked = await deps.apiKeys.revokeAllOf(user.id, clock.now());
      const passkeysRemoved = await deps.passkeys.removeAllOf(user.id);
      // Drops the user's cached sessions and API keys here and on every instance.
      await verifier.forgetUser(user.id);
      audit.record({ type: 'password.reset', origin, subjectId: user.id, sessionsEnded: ended.length, devicesForgotten, apiKeysRevoked, passkeysRemoved });
      accountMail.passwordChanged(user, 'reset', origin);
      return true;
    },
  };
}
