// What the session queries write (and the status query reads), once for both
// dialects: the dialect modules pass these objects to their own builders.
import type { SessionRow } from './records-from-rows.js';
import { amrToText } from '../platform/auth-proof.js';
import type { NewSession, ProofRenewal, Rotation } from './session-repository.js';

/**
 * The columns a login writes, once: the prepared inserts of both dialects
 * name their placeholders from these lists, so a column added here (and in
 * newSessionRows, which the type below holds to it) is never left out of one.
 */
export const sessionInsertColumns = ['id', 'userId', 'createdAt', 'lastUsedAt', 'expiresAt', 'userAgent', 'ip', 'authTime', 'amr'] as const;
export const tokenInsertColumns = ['tokenHash', 'sessionId', 'issuedAt', 'expiresAt'] as const;

type RowOf<Columns extends readonly string[]> = Record<Columns[number], unknown>;

/** A login: the session and its first refresh token, inserted together. */
export const newSessionRows = (s: NewSession): { session: RowOf<typeof sessionInsertColumns>; token: RowOf<typeof tokenInsertColumns> } => ({
  session: { id: s.id, userId: s.userId, createdAt: s.now, lastUsedAt: s.now, expiresAt: s.expiresAt, userAgent: s.userAgent ?? null, ip: s.ip, authTime: s.proof?.authTime ?? 0, amr: amrToText(s.proof?.amr ?? ['pwd']) },
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

/** A reauthentication: the session's new proof, and its new refresh token (never outliving the session). */
export const renewedProofRows = (r: ProofRenewal, sessionExpiresAt: number) => ({
  session: { authTime: r.proof.authTime, amr: amrToText(r.proof.amr), lastUsedAt: r.now },
  token: { tokenHash: r.refreshTokenHash, sessionId: r.sessionId, issuedAt: r.now, expiresAt: Math.min(r.refreshTokenExpiresAt, sessionExpiresAt) },
});
