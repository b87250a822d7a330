// Creating an account, the one way: sign-up over the API and the CLI's
// create-user both come here, so the email rules, the password policy and the
// hashing cannot drift apart between them.
import type { HashLane } from '../credentials/fair-hashing-queue.js';
import type { PasswordHasher } from '../credentials/passwords.js';
import type { Clock } from '../platform/clock.js';
import { BadUserInputError } from '../platform/errors.js';
import { newId, type UserId } from '../platform/ids.js';
import type { Role } from '../platform/request-context.js';
import type { UserRecord } from '../repositories/records.js';
import type { UserRepository } from '../repositories/user-repository.js';
import { checkPasswordPolicy, normalizeEmail } from './input.js';

export interface Registration {
  readonly email: string;
  readonly password: string;
  readonly role: Role;
  /** Whose hashing this is (sign-up: the caller's network); default trusted (the CLI). */
  readonly lane?: HashLane;
  /** The CLI may vouch for the address (`create-user --verified`); sign-up never does. */
  readonly emailVerified?: boolean;
}

export type RegisterUser = (registration: Registration) => Promise<UserRecord>;

export function createRegisterUser(deps: { users: UserRepository; passwords: PasswordHasher; clock: Clock }): RegisterUser {
  const { users, passwords, clock } = deps;
  return async ({ email, password, role, lane, emailVerified = false }) => {
    const normalized = normalizeEmail(email);
    // Before hashing, so an oversized password costs nothing.
    checkPasswordPolicy(password);
    const passwordHash = await passwords.hash(password, lane);
    const now = clock.now();
    const user = await users.insert({ id: newId(now) as UserId, email: normalized, passwordHash, role, now, emailVerified });
    if (!user) throw new BadUserInputError('email', 'This email is already registered');
    return user;
  };
}
