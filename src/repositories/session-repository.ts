// One interface over both databases; the dialect modules hold the queries
// (create-repositories.ts picks one).
import type { AuthProof } from '../platform/auth-proof.js';
import type { RefreshTokenHash, SessionId, UserId } from '../platform/ids.js';
import type { SessionRecord, SessionStatus, UserRecord } from './records.js';

export interface NewSession {
  readonly id: SessionId;
  readonly userId: UserId;
  readonly now: number;
  readonly expiresAt: number;
  readonly userAgent: string | undefined;
  readonly ip: string;
  readonly refreshTokenHash: RefreshTokenHash;
  readonly refreshTokenExpiresAt: number;
  /** How the user proved who they are at this sign-in; without it the session never counts as freshly proven. */
  readonly proof?: AuthProof;
}

/** A new proof in a live session (reauthenticate): it is recorded, and the refresh token rotates with it. */
export interface ProofRenewal {
  readonly sessionId: SessionId;
  readonly proof: AuthProof;
  readonly refreshTokenHash: RefreshTokenHash;
  readonly refreshTokenExpiresAt: number;
  readonly now: number;
}

export interface Rotation {
  readonly presented: RefreshTokenHash;
  readonly next: RefreshTokenHash;
  readonly nextExpiresAt: number;
  readonly now: number;
  readonly userAgent: string | undefined;
  readonly ip: string;
}

/** What presenting a refresh token found; decided in one transaction. */
export type RotationOutcome =
  | { readonly kind: 'rotated'; readonly session: SessionRecord; readonly user: UserRecord }
  | { readonly kind: 'reused'; readonly sessionId: SessionId; readonly userId: UserId; readonly rotatedAt: number }
  | { readonly kind: 'unknown' | 'expired' | 'ended' };

export type EndReason = 'logout' | 'logout_all' | 'revoked' | 'password_changed' | 'password_reset' | 'refresh_token_reuse' | 'session_limit';

export interface SessionRepository {
  /** Inserts the session and its first refresh token together. */
  create(session: NewSession): Promise<void>;
  status(id: SessionId): Promise<SessionStatus | undefined>;
  /** Marks the presented token used and stores its successor, atomically: of two concurrent calls, one rotates. */
  rotate(rotation: Rotation): Promise<RotationOutcome>;
  /** Live sessions of a user, newest first (ids break ties: they sort by creation). */
  listLive(userId: UserId, now: number): Promise<readonly SessionRecord[]>;
  /** How many sessions of all users are live: one cheap count for the metrics scrape. */
  countLive(now: number): Promise<number>;
  find(id: SessionId): Promise<SessionRecord | undefined>;
  touch(id: SessionId, now: number): Promise<void>;
  /**
   * Records a new proof in a live session and replaces its refresh token (the
   * one the client held counts as rotated), atomically; false when the
   * session is over.
   */
  renewProof(renewal: ProofRenewal): Promise<boolean>;
  end(id: SessionId, reason: EndReason, now: number): Promise<boolean>;
  /** Ends every live session of the user but `keep`; returns the ids ended. */
  endAllOf(userId: UserId, reason: EndReason, now: number, keep?: SessionId): Promise<readonly SessionId[]>;
  /** Deletes sessions that ended or expired before `before`, with their tokens, and expired tokens. */
  purge(now: number, before: number): Promise<{ sessions: number; refreshTokens: number }>;
}
