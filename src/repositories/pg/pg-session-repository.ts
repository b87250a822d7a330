// The session queries on PostgreSQL (node-postgres pool). Unlike SQLite,
// transactions here really run side by side, so rotation locks what it read.
import { count, desc, eq, sql } from 'drizzle-orm';
import type { PgDb } from '../../../db/create-database.js';
import { refreshTokens, sessions, users } from '../../../db/pg/schema.js';
import type { SessionId } from '../../platform/ids.js';
import { placeholders } from '../placeholders.js';
import { maybe, toSession, toSessionStatus } from '../records-from-rows.js';
import { refusal, reused, rotated } from '../rotation-rules.js';
import { sessionFilters } from '../session-filters.js';
import type { SessionRepository } from '../session-repository.js';
import { newSessionRows, renewedProofRows, sessionAfterRotation, sessionInsertColumns, statusColumns, successorToken, tokenInsertColumns } from '../session-rows.js';

const where = sessionFilters(sessions, refreshTokens);
const statusSelection = statusColumns(sessions, users);

export function createPgSessionRepository(db: PgDb): SessionRepository {
  // The per-request liveness read, on every cache miss: a named prepared
  // statement, parsed and planned once per pooled connection.
  const statusById = db
    .select(statusSelection)
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.id, sql.placeholder('id')))
    .prepare('session_status');
  // Every sign-in lists the user's live sessions to enforce the cap.
  const liveOfUser = db
    .select()
    .from(sessions)
    .where(where.liveOf(sql.placeholder('userId'), sql.placeholder('now')))
    .orderBy(desc(sessions.createdAt), desc(sessions.id))
    .prepare('sessions_live_of_user');

  return {
    async create(s) {
      const rows = newSessionRows(s);
      // A prepared statement runs on the connection it was made for, and a
      // transaction has a connection of its own: these are named here, so
      // each connection parses and plans them once.
      await db.transaction(async (tx) => {
        await tx.insert(sessions).values(placeholders(...sessionInsertColumns)).prepare('session_insert').execute(rows.session);
        await tx.insert(refreshTokens).values(placeholders(...tokenInsertColumns)).prepare('refresh_token_insert').execute(rows.token);
      });
    },

    async status(id) {
      const [row] = await statusById.execute({ id });
      return maybe(row, toSessionStatus);
    },

    async rotate(r) {
      return db.transaction(async (tx) => {
        // FOR UPDATE OF sessions: a concurrent rotation or logout in this
        // session waits here until this transaction ends, then reads what it
        // wrote, as under SQLite's single writer. Only the session row is
        // locked here, so rotation takes session before token, the order the
        // purge's cascading delete takes them in: the two cannot deadlock.
        const [found] = await tx
          .select({ token: refreshTokens, session: sessions, user: users })
          .from(refreshTokens)
          .innerJoin(sessions, eq(sessions.id, refreshTokens.sessionId))
          .innerJoin(users, eq(users.id, sessions.userId))
          .where(eq(refreshTokens.tokenHash, r.presented))
          .for('update', { of: sessions });
        if (!found) return { kind: 'unknown' };
        const refused = refusal(found, r.now);
        if (refused) return refused;
        // The claim decides, lock or not: under READ COMMITTED a second
        // updater re-checks `rotated_at is null` once the first commits.
        const claimed = await tx.update(refreshTokens).set({ rotatedAt: r.now }).where(where.unrotated(r.presented));
        if (claimed.rowCount !== 1) return reused(found.session, r.now);
        await tx.insert(refreshTokens).values(successorToken(r, found.session));
        const [updated] = await tx.update(sessions).set(sessionAfterRotation(r, found.session)).where(eq(sessions.id, found.session.id)).returning();
        return rotated(updated ?? found.session, found.user);
      });
    },

    async listLive(userId, now) {
      return (await liveOfUser.execute({ userId, now })).map(toSession);
    },

    async countLive(now) {
      const [row] = await db.select({ n: count() }).from(sessions).where(where.live(now));
      return row?.n ?? 0;
    },

    async find(id) {
      const [row] = await db.select().from(sessions).where(eq(sessions.id, id));
      return maybe(row, toSession);
    },

    async touch(id, now) {
      await db.update(sessions).set({ lastUsedAt: now }).where(where.touchable(id, now));
    },

    async renewProof(r) {
      return db.transaction(async (tx) => {
        // The session row first, as rotation locks it: the two cannot deadlock.
        const [live] = await tx.update(sessions).set(renewedProofRows(r, 0).session).where(where.liveSession(r.sessionId, r.now)).returning({ expiresAt: sessions.expiresAt });
        if (!live) return undefined;
        await tx.update(refreshTokens).set({ rotatedAt: r.now }).where(where.unrotatedOf(r.sessionId));
        await tx.insert(refreshTokens).values(renewedProofRows(r, live.expiresAt).token);
        return live.expiresAt;
      });
    },

    async end(id, reason, now) {
      return (await db.update(sessions).set({ endedAt: now, endedReason: reason }).where(where.unended(id))).rowCount === 1;
    },

    async endAllOf(userId, reason, now, keep) {
      const ended = await db.update(sessions).set({ endedAt: now, endedReason: reason }).where(where.unendedOf(userId, keep)).returning({ id: sessions.id });
      return ended.map((row) => row.id as SessionId);
    },

    async purge(now, before) {
      return db.transaction(async (tx) => ({
        sessions: (await tx.delete(sessions).where(where.purgeable(before))).rowCount ?? 0,
        refreshTokens: (await tx.delete(refreshTokens).where(where.expiredTokens(now))).rowCount ?? 0,
      }));
    },
  };
}
