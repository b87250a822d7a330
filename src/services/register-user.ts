// Creating an account, the one way: sign-up over the API and the CLI's
// create-user both come here, so the email rules, the password policy and the
// hashing cannot drift apart between them.
import type { HashLane } from '../credentials/fair-hashing-queue.js';
import type { PasswordHasher } from '../credentials/passwords.js';
import type { Clock } from '../platform/clock.js';
import { newId, type UserId } from '../platform/ids.js';
import type { Role } from '../platform/request-context.js';
import type { UserRecord } from '../repositories/records.js';
import type { UserRepository } from '../repositories/user-repository.js';
import { emailTaken, type EmailAddresses } from './email-addresses.js';
import { checkPasswordPolicy } from './input.js';

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

export function createRegisterUser(deps: { users: UserRepository; passwords: PasswordHasher; clock: Clock; emails: EmailAddresses }): RegisterUser {
  const { users, passwords, clock, emails } = deps;
  return async ({ email, password, role, lane, emailVerified = false }) => {
    // Both before hashing, so a taken address or an oversized password costs no hash.
    const address = await emails.checkFree(email);
    checkPasswordPolicy(password);
    const passwordHash = await passwords.hash(password, lane);
    const now = clock.now();
    const user = await users.insert({ id: newId() as UserId, ...address, passwordHash, role, now, emailVerified });
    // Taken while the password was hashing.
    if (!user) throw emailTaken('email');
    return user;
  };
}
