// Proving an address: a link mailed to it, opened. The token remembers the
// address it went to, so a link to an address the account no longer uses
// verifies nothing.
import type { AuditLog } from '../platform/audit.js';
import type { Clock } from '../platform/clock.js';
import { UnauthenticatedError } from '../platform/errors.js';
import type { RequestOrigin, SignedInViewer } from '../platform/request-context.js';
import type { UserRecord } from '../repositories/records.js';
import type { UserRepository } from '../repositories/user-repository.js';
import type { AccountMail } from './account-mail.js';
import { invalidLink, type OneTimeTokens } from './one-time-tokens.js';
import type { SessionVerifier } from './session-verifier.js';

export interface EmailVerificationService {
  /** Uses the token up and marks its address verified; BAD_USER_INPUT on `token` otherwise. */
  verify(token: string, origin: RequestOrigin): Promise<UserRecord>;
  /** Mails the viewer a new link; false (and no mail) when the address is verified already. */
  request(viewer: SignedInViewer, origin: RequestOrigin): Promise<boolean>;
}

export function createEmailVerificationService(deps: {
  users: UserRepository;
  tokens: OneTimeTokens;
  accountMail: AccountMail;
  verifier: SessionVerifier;
  audit: AuditLog;
  clock: Clock;
}): EmailVerificationService {
  const { users, tokens, accountMail, verifier, audit, clock } = deps;
  return {
    async verify(token, origin) {
      const used = await tokens.consume(token, 'email_verification');
      const user = used && (await users.markEmailVerified(used.userId, used.email, clock.now()));
      if (!user) throw invalidLink();
      // The user's next request (here and on every instance) sees the address verified.
      await verifier.forgetUser(user.id);
      audit.record({ type: 'email.verified', origin, subjectId: user.id });
      return user;
    },

    async request(viewer, origin) {
      const user = await users.findById(viewer.userId);
      if (!user) throw new UnauthenticatedError();
      if (user.emailVerified) return false;
      accountMail.verificationLink(user, origin);
      return true;
    },
  };
}
