// What the repositories return: plain, readonly domain records. Drizzle row
// types never leave a repository. Times are epoch milliseconds.
import type { SessionId, UserId } from '../platform/ids.js';
import type { Role } from '../platform/request-context.js';

export interface UserRecord {
  readonly id: UserId;
  readonly email: string;
  readonly role: Role;
  readonly createdAt: number;
}

/**
 * What is stored for an address: its normalised spelling and, while
 * EMAIL_UTF8_LOCAL_PARTS is on, its TR39 skeleton (null otherwise). Both
 * columns are unique; whatever writes an email writes both.
 */
export interface StoredEmail {
  readonly email: string;
  readonly emailSkeleton: string | null;
}

export interface UserWithPasswordHash extends UserRecord {
  readonly passwordHash: string;
}

export interface SessionRecord {
  readonly id: SessionId;
  readonly userId: UserId;
  readonly createdAt: number;
  readonly lastUsedAt: number;
  readonly expiresAt: number;
  readonly userAgent: string | null;
  readonly ip: string | null;
}

/** What the per-request check needs: is the session live, and whose is it (the user as stored now). */
export interface SessionStatus {
  readonly sessionId: SessionId;
  readonly user: UserRecord;
  readonly expiresAt: number;
  readonly lastUsedAt: number;
  readonly ended: boolean;
}
