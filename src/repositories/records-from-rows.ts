// Drizzle row → plain record, once for both dialects. The SQLite and the
// PostgreSQL tables infer the same row shapes (text → string, epoch-ms
// integer/bigint → number), so these structural row types fit either.
import { amrFromText } from '../platform/auth-proof.js';
import type { SessionId, UserId } from '../platform/ids.js';
import type { Role } from '../platform/request-context.js';
import type { SessionRecord, SessionStatus, UserRecord, UserWithPasswordHash } from './records.js';

export interface UserRow {
  readonly id: string;
  readonly email: string;
  readonly role: Role;
  readonly createdAt: number;
  readonly emailVerified: boolean;
}

export interface SessionRow {
  readonly id: string;
  readonly userId: string;
  readonly createdAt: number;
  readonly lastUsedAt: number;
  readonly expiresAt: number;
  readonly userAgent: string | null;
  readonly ip: string | null;
  readonly authTime: number;
  readonly amr: string;
}

/** The columns the per-request status query selects. */
export interface SessionStatusRow {
  readonly sessionId: string;
  readonly user: UserRow;
  readonly expiresAt: number;
  readonly lastUsedAt: number;
  readonly endedAt: number | null;
}

export const toUser = (row: UserRow): UserRecord => ({ id: row.id as UserId, email: row.email, role: row.role, createdAt: row.createdAt, emailVerified: row.emailVerified });

export const toUserWithPasswordHash = (row: UserRow & { readonly passwordHash: string }): UserWithPasswordHash => ({
  ...toUser(row),
  passwordHash: row.passwordHash,
});

export const toSession = (row: SessionRow): SessionRecord => ({
  id: row.id as SessionId,
  userId: row.userId as UserId,
  createdAt: row.createdAt,
  lastUsedAt: row.lastUsedAt,
  expiresAt: row.expiresAt,
  userAgent: row.userAgent,
  ip: row.ip,
  proof: { authTime: row.authTime, amr: amrFromText(row.amr) },
});

export const toSessionStatus = (row: SessionStatusRow): SessionStatus => ({
  sessionId: row.sessionId as SessionId,
  user: toUser(row.user),
  expiresAt: row.expiresAt,
  lastUsedAt: row.lastUsedAt,
  ended: row.endedAt !== null,
});

/** `to(row)`, or undefined when there is no row. */
export const maybe = <R, T>(row: R | undefined, to: (row: R) => T): T | undefined => (row === undefined ? undefined : to(row));
