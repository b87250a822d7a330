// One interface over both databases; the dialect modules hold the queries
// (create-repositories.ts picks one).
import type { UserId } from '../platform/ids.js';
import type { Role } from '../platform/request-context.js';
import type { StoredEmail, UserRecord, UserWithPasswordHash } from './records.js';

export interface NewUser {
  readonly id: UserId;
  readonly email: string;
  /** See StoredEmail; left out, null. */
  readonly emailSkeleton?: string | null;
  readonly passwordHash: string;
  readonly role: Role;
  readonly now: number;
  /** Default false: an address is verified only by a mailed link (or by the CLI, for accounts it makes). */
  readonly emailVerified?: boolean;
}

export interface UserRepository {
  findById(id: UserId): Promise<UserRecord | undefined>;
  /** The users among `ids` that exist, in no particular order: one query for a batch (DataLoader). */
  findByIds(ids: readonly UserId[]): Promise<readonly UserRecord[]>;
  findByEmail(email: string): Promise<UserWithPasswordHash | undefined>;
  findWithPasswordHash(id: UserId): Promise<UserWithPasswordHash | undefined>;
  /** Whether an account has this email ('email') or, failing that, this skeleton ('skeleton'). */
  whoHas(address: StoredEmail): Promise<'email' | 'skeleton' | undefined>;
  /** undefined when the email (case-insensitively) or the skeleton is taken: no exception to translate. */
  insert(user: NewUser): Promise<UserRecord | undefined>;
  /** Up to `limit` users without a stored skeleton, by id after `after`. */
  listWithoutSkeleton(after: UserId | undefined, limit: number): Promise<ReadonlyArray<{ readonly id: UserId; readonly email: string }>>;
  /** Stores the skeleton of a user that has none; false when another user holds it (or the user is gone). */
  setEmailSkeleton(id: UserId, emailSkeleton: string): Promise<boolean>;
  /** Ordered by id, which is creation order (UUIDv7). */
  listAfter(after: UserId | undefined, limit: number): Promise<readonly UserRecord[]>;
  setRole(id: UserId, role: Role, now: number): Promise<UserRecord | undefined>;
  setPasswordHash(id: UserId, passwordHash: string, now: number): Promise<boolean>;
  /** Marks the address verified if it is still `email` (case-insensitively); undefined when the user or that address is gone. */
  markEmailVerified(id: UserId, email: string, now: number): Promise<UserRecord | undefined>;
  /** Moves the user to a new, verified address (both columns, see StoredEmail); undefined when it is taken (the email case-insensitively, or the skeleton) or the user is gone. */
  changeEmail(id: UserId, address: StoredEmail, now: number): Promise<UserRecord | undefined>;
  /** How many users hold the ADMIN role (the last one may not give it up). */
  countAdmins(): Promise<number>;
  /** Deletes the user; sessions and refresh tokens go with it (cascade). */
  delete(id: UserId): Promise<boolean>;
}
