// Asking a signed-in user for their password again before a change that
// could lock them out (a new password, a new address): one check, one
// message, wherever it is asked.
import type { PasswordHasher } from '../credentials/passwords.js';
import { BadUserInputError } from '../platform/errors.js';
import type { UserId } from '../platform/ids.js';
import type { UserWithPasswordHash } from '../repositories/records.js';
import type { UserRepository } from '../repositories/user-repository.js';
import { passwordPolicy } from './input.js';

const incorrect = () => new BadUserInputError('currentPassword', 'Current password is incorrect');

/** The user, once `current` is their password; BAD_USER_INPUT on `currentPassword` otherwise. */
export async function checkCurrentPassword(deps: { users: UserRepository; passwords: PasswordHasher }, userId: UserId, current: string): Promise<UserWithPasswordHash> {
  // Over the upper bound no password can match: refused before a hash is spent.
  if (current.length > passwordPolicy.maxLength) throw incorrect();
  const user = await deps.users.findWithPasswordHash(userId);
  if (!user || !(await deps.passwords.verify(user.passwordHash, current))) throw incorrect();
  return user;
}
