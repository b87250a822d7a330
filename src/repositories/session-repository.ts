import { and, desc, eq, gt, isNotNull, isNull, lt, ne, or, sql } from 'drizzle-orm';
import type { SqliteDb } from '../../db/create-database.js';
import { refreshTokens, sessions, users } from '../../db/sqlite/schema.js';
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

export type EndReason = 'logout' | 'logout_all' | 'revoked' | 'password_changed' | 'refresh_token_reuse';

export interface SessionRepository {
  /** Inserts the session and its first refresh token together. */
  create(session: NewSession): Promise<void>;
  status(id: SessionId): Promise<SessionStatus | undefined>;
  /** Marks the presented token used and stores its successor, atomically: of two concurrent calls, one rotates. */
  rotate(rotation: Rotation): Promise<RotationOutcome>;
  /** Live sessions of a user, newest first. */
  listLive(userId: UserId, now: number): Promise<readonly SessionRecord[]>;
  find(id: SessionId): Promise<SessionRecord | undefined>;
  touch(id: SessionId, now: number): Promise<void>;
  end(id: SessionId, reason: EndReason, now: number): Promise<boolean>;
  /** Ends every live session of the user but `keep`; returns the ids ended. */
  endAllOf(userId: UserId, reason: EndReason, now: number, keep?: SessionId): Promise<readonly SessionId[]>;
  /** Deletes sessions that ended or expired before `before`, with their tokens, and expired tokens. */
  purge(now: number, before: number): Promise<{ sessions: number; refreshTokens: number }>;
}

type SessionRow = typeof sessions.$inferSelect;
const toSession = (row: SessionRow): SessionRecord => ({
  id: row.id as SessionId,
  userId: row.userId as UserId,
  createdAt: row.createdAt,
  lastUsedAt: row.lastUsedAt,
  expiresAt: row.expiresAt,
  userAgent: row.userAgent,
  ip: row.ip,
});

const live = (now: number) => and(isNull(sessions.endedAt), gt(sessions.expiresAt, now));

export function createSessionRepository(db: SqliteDb): SessionRepository {
  // The per-request liveness read, on every cache miss: prepared once, so a
  // miss costs the SQLite lookup and not the query building (see bench/session-check.ts).
  const statusById = db
    .select({ sessionId: sessions.id, userId: sessions.userId, role: users.role, expiresAt: sessions.expiresAt, lastUsedAt: sessions.lastUsedAt, endedAt: sessions.endedAt })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.id, sql.placeholder('id')))
    .prepare();

  return {
    async create(s) {
      db.transaction((tx) => {
        tx.insert(sessions)
          .values({ id: s.id, userId: s.userId, createdAt: s.now, lastUsedAt: s.now, expiresAt: s.expiresAt, userAgent: s.userAgent ?? null, ip: s.ip })
          .run();
        tx.insert(refreshTokens).values({ tokenHash: s.refreshTokenHash, sessionId: s.id, issuedAt: s.now, expiresAt: s.refreshTokenExpiresAt }).run();
      });
    },

    async status(id) {
      const row = statusById.get({ id });
      if (!row) return undefined;
      const { endedAt, ...rest } = row;
      return { ...rest, sessionId: rest.sessionId as SessionId, userId: rest.userId as UserId, ended: endedAt !== null };
    },

    async rotate(r) {
      return db.transaction((tx): RotationOutcome => {
        const found = tx
          .select({ token: refreshTokens, session: sessions, user: users })
          .from(refreshTokens)
          .innerJoin(sessions, eq(sessions.id, refreshTokens.sessionId))
          .innerJoin(users, eq(users.id, sessions.userId))
          .where(eq(refreshTokens.tokenHash, r.presented))
          .get();
        if (!found) return { kind: 'unknown' };
        const { token, session, user } = found;
        if (session.endedAt !== null) return { kind: 'ended' };
        if (token.rotatedAt !== null) {
          return { kind: 'reused', sessionId: session.id as SessionId, userId: session.userId as UserId, rotatedAt: token.rotatedAt };
        }
        if (token.expiresAt <= r.now || session.expiresAt <= r.now) return { kind: 'expired' };
        // Conditional update: the write itself decides who rotates, so even a
        // dialect without SQLite's single writer cannot rotate one token twice.
        const claimed = tx
          .update(refreshTokens)
          .set({ rotatedAt: r.now })
          .where(and(eq(refreshTokens.tokenHash, r.presented), isNull(refreshTokens.rotatedAt)))
          .run();
        if (claimed.changes !== 1) {
          return { kind: 'reused', sessionId: session.id as SessionId, userId: session.userId as UserId, rotatedAt: r.now };
        }
        tx.insert(refreshTokens)
          .values({ tokenHash: r.next, sessionId: session.id, issuedAt: r.now, expiresAt: Math.min(r.nextExpiresAt, session.expiresAt) })
          .run();
        const updated = tx
          .update(sessions)
          .set({ lastUsedAt: r.now, ip: r.ip, userAgent: r.userAgent ?? session.userAgent })
          .where(eq(sessions.id, session.id))
          .returning()
          .get();
        return {
          kind: 'rotated',
          session: toSession(updated ?? session),
          user: { id: user.id as UserId, email: user.email, role: user.role, createdAt: user.createdAt },
        };
      });
    },

    async listLive(userId, now) {
      return db.select().from(sessions).where(and(eq(sessions.userId, userId), live(now))).orderBy(desc(sessions.createdAt)).all().map(toSession);
    },

    async find(id) {
      const row = db.select().from(sessions).where(eq(sessions.id, id)).get();
      return row && toSession(row);
    },

    async touch(id, now) {
      db.update(sessions).set({ lastUsedAt: now }).where(and(eq(sessions.id, id), lt(sessions.lastUsedAt, now))).run();
    },

    async end(id, reason, now) {
      return db.update(sessions).set({ endedAt: now, endedReason: reason }).where(and(eq(sessions.id, id), isNull(sessions.endedAt))).run().changes === 1;
    },

    async endAllOf(userId, reason, now, keep) {
      const mine = and(eq(sessions.userId, userId), isNull(sessions.endedAt), keep === undefined ? undefined : ne(sessions.id, keep));
      return db
        .update(sessions)
        .set({ endedAt: now, endedReason: reason })
        .where(mine)
        .returning({ id: sessions.id })
        .all()
        .map((row) => row.id as SessionId);
    },

    async purge(now, before) {
      return db.transaction((tx) => {
        const gone = tx
          .delete(sessions)
          .where(or(lt(sessions.expiresAt, before), and(isNotNull(sessions.endedAt), lt(sessions.endedAt, before))))
          .run().changes;
        // Expired tokens of live sessions: rotated ones past expiry can no longer
        // be presented usefully, and reuse of them is caught as unknown anyway.
        const tokens = tx.delete(refreshTokens).where(lt(refreshTokens.expiresAt, now)).run().changes;
        return { sessions: gone, refreshTokens: tokens };
      });
    },
  };
}
