// What the session queries write (and the status query reads), once for both
// dialects: the dialect modules pass these objects to their own builders.
import type { SessionRow } from './records-from-rows.js';
import type { NewSession, Rotation } from './session-repository.js';

/** A login: the session and its first refresh token, inserted together. */
export const newSessionRows = (s: NewSession) => ({
  session: { id: s.id, userId: s.userId, createdAt: s.now, lastUsedAt: s.now, expiresAt: s.expiresAt, userAgent: s.userAgent ?? null, ip: s.ip },
  token: { tokenHash: s.refreshTokenHash, sessionId: s.id, issuedAt: s.now, expiresAt: s.refreshTokenExpiresAt },
});

/** The presented token's successor; never outlives the session's absolute lifetime. */
export const successorToken = (r: Rotation, session: SessionRow) => ({
  tokenHash: r.next,
  sessionId: session.id,
  issuedAt: r.now,
  expiresAt: Math.min(r.nextExpiresAt, session.expiresAt),
});

/** A refresh is a use of the session, from wherever the client is now. */
export const sessionAfterRotation = (r: Rotation, session: SessionRow) => ({ lastUsedAt: r.now, ip: r.ip, userAgent: r.userAgent ?? session.userAgent });

/**
 * What the per-request status query selects: the session's liveness and its
 * user's public columns (the answer is cached a few seconds, and `me` is
 * served from it). Generic, so each dialect's builder infers its own row type.
 */
export const statusColumns = <SessionId, ExpiresAt, LastUsedAt, EndedAt, UserId, Email, Role, CreatedAt, EmailVerified>(
  session: { readonly id: SessionId; readonly expiresAt: ExpiresAt; readonly lastUsedAt: LastUsedAt; readonly endedAt: EndedAt },
  user: { readonly id: UserId; readonly email: Email; readonly role: Role; readonly createdAt: CreatedAt; readonly emailVerified: EmailVerified },
) => ({
  sessionId: session.id,
  // emailVerified too: @auth(verified: true) reads it from the viewer, so it costs no query of its own.
  user: { id: user.id, email: user.email, role: user.role, createdAt: user.createdAt, emailVerified: user.emailVerified },
  expiresAt: session.expiresAt,
  lastUsedAt: session.lastUsedAt,
  endedAt: session.endedAt,
});
