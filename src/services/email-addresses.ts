// The one way an address is read: its spelling under the settings (ASCII
// local parts, or any script's letters with EMAIL_UTF8_LOCAL_PARTS), its
// Unicode TR39 skeleton while that is on, and whether it is free. Sign-up
// and the CLI's create-user ask checkFree, and so must an email change, so
// no path lets in an account that looks like another.
import { BadUserInputError } from '../platform/errors.js';
import type { StoredEmail } from '../repositories/records.js';
import type { UserRepository } from '../repositories/user-repository.js';
import { emailSkeleton } from './email-skeleton.js';
import { normalizeEmail } from './input.js';

export interface EmailAddresses {
  /** The spelling an account is found by (sign-in, set-role); BAD_USER_INPUT (`field`) when it is not a valid address. */
  normalize(email: string, field?: string): string;
  /**
   * Is this address free, and what is stored for it: the normalised email and
   * its skeleton (null while UTF-8 local parts are off). BAD_USER_INPUT
   * (`field`) when it is invalid, taken, or looks like a taken one. Write both
   * columns; the unique indexes still decide a race, so a write that then
   * finds the address taken must refuse with emailTaken(field).
   */
  checkFree(email: string, field?: string): Promise<StoredEmail>;
}

export const emailTaken = (field: string) => new BadUserInputError(field, 'This email is already registered');

export function createEmailAddresses(deps: { users: UserRepository; utf8LocalParts: boolean }): EmailAddresses {
  const { users, utf8LocalParts } = deps;
  const normalize = (email: string, field = 'email') => normalizeEmail(email, field, { utf8LocalParts });
  return {
    normalize,
    async checkFree(email, field = 'email') {
      const normalized = normalize(email, field);
      // Null while off: nulls never collide, so ASCII pairs such as bob1@/bobl@ stay two accounts.
      const address: StoredEmail = { email: normalized, emailSkeleton: utf8LocalParts ? emailSkeleton(normalized) : null };
      const holder = await users.whoHas(address);
      if (holder === 'email') throw emailTaken(field);
      if (holder === 'skeleton') throw new BadUserInputError(field, 'This email looks too much like one already registered');
      return address;
    },
  };
}
