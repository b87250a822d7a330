// Moving an account to a new address: asked for with the password, proven by
// a link mailed to the new address, announced to the old one at both steps.
// The new address must still be free when the link is opened; afterwards it
// is verified, and every link mailed to the old address stops working.
import type { PasswordHasher } from '../credentials/passwords.js';
import type { AuditLog } from '../platform/audit.js';
import type { Clock } from '../platform/clock.js';
import { BadUserInputError } from '../platform/errors.js';
import type { RequestOrigin, SignedInViewer } from '../platform/request-context.js';
import type { UserRecord } from '../repositories/records.js';
import type { UserRepository } from '../repositories/user-repository.js';
import type { AccountMail } from './account-mail.js';
import { checkCurrentPassword } from './current-password.js';
import type { EmailAddresses } from './email-addresses.js';
import { invalidLink, type OneTimeTokens } from './one-time-tokens.js';
import type { SessionVerifier } from './session-verifier.js';

export interface EmailChangeService {
  request(viewer: SignedInViewer, newEmail: string, currentPassword: string, origin: RequestOrigin): Promise<boolean>;
  confirm(token: string, origin: RequestOrigin): Promise<UserRecord>;
}

export function createEmailChangeService(deps: {
  users: UserRepository;
  emails: EmailAddresses;
  passwords: PasswordHasher;
  tokens: OneTimeTokens;
  accountMail: AccountMail;
  verifier: SessionVerifier;
  audit: AuditLog;
  clock: Clock;
}): EmailChangeService {
  const { users, emails, tokens, accountMail, verifier, audit, clock } = deps;
  return {
    async request(viewer, newEmail, currentPassword, origin) {
      const normalized = emails.normalize(newEmail, 'newEmail');
      // The password first: a borrowed access token alone learns nothing, not even which addresses are taken.
      const { passwordHash: _hash, ...user } = await checkCurrentPassword(deps, viewer.userId, currentPassword);
      if (normalized === user.email) throw new BadUserInputError('newEmail', 'This is already your email address');
      // Free, and (with EMAIL_UTF8_LOCAL_PARTS) not a look-alike of a taken one, as at sign-up.
      await emails.checkFree(normalized, 'newEmail');
      accountMail.emailChangeLinks(user, normalized, origin);
      audit.record({ type: 'email.change_requested', origin, actorId: user.id, subjectId: user.id });
      return true;
    },

    async confirm(token, origin) {
      const used = await tokens.consume(token, 'email_change');
      const before = used && (await users.findById(used.userId));
      if (!before) throw invalidLink();
      // Still free (and no look-alike of a taken one) now, and the unique indexes settle a race.
      const address = await emails.checkFree(used.email, 'token').catch((error: unknown) => {
        if (error instanceof BadUserInputError) return undefined; // taken, or a look-alike of a taken one
        throw error;
      });
      const after = address && (await users.changeEmail(before.id, address, clock.now()));
      if (!after) throw new BadUserInputError('token', 'Another account has taken this address since the link was sent; ask for the change again with another address');
      // Reset and verification links went to the old address: they are void now.
      await tokens.revokeAllOf(after.id);
      // The user's next request (here and on every instance) reads the new address.
      await verifier.forgetUser(after.id);
      audit.record({ type: 'email.changed', origin, subjectId: after.id });
      accountMail.emailChanged(before, after.email, origin);
      return after;
    },
  };
}
