// What presenting a refresh token means, decided the same way in both
// dialects. The dialect modules read the token with its session and user
// inside their transaction, ask `refusal`, and only then claim and write.
import type { SessionId, UserId } from '../platform/ids.js';
import { toSession, toUser, type SessionRow, type UserRow } from './records-from-rows.js';
import type { RotationOutcome } from './session-repository.js';

export interface PresentedToken {
  readonly token: { readonly rotatedAt: number | null; readonly expiresAt: number };
  readonly session: SessionRow & { readonly endedAt: number | null };
  readonly user: UserRow;
}

export const reused = (session: SessionRow, rotatedAt: number): RotationOutcome => ({
  kind: 'reused',
  sessionId: session.id as SessionId,
  userId: session.userId as UserId,
  rotatedAt,
});

/** Why the token may not rotate, or undefined when it may. */
export function refusal({ token, session }: PresentedToken, now: number): RotationOutcome | undefined {
  if (session.endedAt !== null) return { kind: 'ended' };
  if (token.rotatedAt !== null) return reused(session, token.rotatedAt);
  if (token.expiresAt <= now || session.expiresAt <= now) return { kind: 'expired' };
  return undefined;
}

export const rotated = (session: SessionRow, user: UserRow): RotationOutcome => ({ kind: 'rotated', session: toSession(session), user: toUser(user) });
