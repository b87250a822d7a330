// The session queries on SQLite (better-sqlite3): synchronous, so a
// transaction is a plain function that nothing else can interleave with.
import { count, desc, eq, sql } from 'drizzle-orm';
import type { SqliteDb } from '../../../db/create-database.js';
import { refreshTokens, sessions, users } from '../../../db/sqlite/schema.js';
import type { SessionId } from '../../platform/ids.js';
import { placeholders } from '../placeholders.js';
import { maybe, toSession, toSessionStatus } from '../records-from-rows.js';
import { refusal, reused, rotated } from '../rotation-rules.js';
import { sessionFilters } from '../session-filters.js';
import type { RotationOutcome, SessionRepository } from '../session-repository.js';
import { newSessionRows, renewedProofRows, sessionAfterRotation, sessionInsertColumns, statusColumns, successorToken, tokenInsertColumns } from '../session-rows.js';

const where = sessionFilters(sessions, refreshTokens);
const statusSelection = statusColumns(sessions, users);

export function createSqliteSessionRepository(db: SqliteDb): SessionRepository {
  // The per-request liveness read, on every cache miss: prepared once, so a
  // miss costs the SQLite lookup and not the query building (see bench/session-check.ts).
  const statusById = db
    .select(statusSelection)
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.id, sql.placeholder('id')))
    .prepare();
  // Every sign-in writes a session and its first refresh token, then lists the
  // user's live sessions to enforce the cap: prepared once, for the reason above.
  const insertSession = db.insert(sessions).values(placeholders(...sessionInsertColumns)).prepare();
  const insertToken = db.insert(refreshTokens).values(placeholders(...tokenInsertColumns)).prepare();
  const liveOfUser = db
    .select()
    .from(sessions)
    .where(where.liveOf(sql.placeholder('userId'), sql.placeholder('now')))
    .orderBy(desc(sessions.createdAt), desc(sessions.id))
    .prepare();

  return {
    async create(s) {
      const rows = newSessionRows(s);
      db.transaction(() => {
        insertSession.run(rows.session);
        insertToken.run(rows.token);
      });
    },

    async status(id) {
      return maybe(statusById.get({ id }), toSessionStatus);
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
        const refused = refusal(found, r.now);
        if (refused) return refused;
        // SQLite has one writer, so the claim cannot lose here; it is kept so
        // the rule "the conditional update decides" holds in every dialect.
        if (tx.update(refreshTokens).set({ rotatedAt: r.now }).where(where.unrotated(r.presented)).run().changes !== 1) return reused(found.session, r.now);
        tx.insert(refreshTokens).values(successorToken(r, found.session)).run();
        const updated = tx.update(sessions).set(sessionAfterRotation(r, found.session)).where(eq(sessions.id, found.session.id)).returning().get();
        return rotated(updated ?? found.session, found.user);
      });
    },

    async listLive(userId, now) {
      return liveOfUser.all({ userId, now }).map(toSession);
    },

    async countLive(now) {
      return db.select({ n: count() }).from(sessions).where(where.live(now)).get()?.n ?? 0;
    },

    async find(id) {
      return maybe(db.select().from(sessions).where(eq(sessions.id, id)).get(), toSession);
    },

    async touch(id, now) {
      db.update(sessions).set({ lastUsedAt: now }).where(where.touchable(id, now)).run();
    },

    async renewProof(r) {
      return db.transaction((tx) => {
        const rows = (expiresAt: number) => renewedProofRows(r, expiresAt);
        const live = tx.update(sessions).set(rows(0).session).where(where.liveSession(r.sessionId, r.now)).returning({ expiresAt: sessions.expiresAt }).get();
        if (!live) return undefined;
        tx.update(refreshTokens).set({ rotatedAt: r.now }).where(where.unrotatedOf(r.sessionId)).run();
        tx.insert(refreshTokens).values(rows(live.expiresAt).token).run();
        return live.expiresAt;
      });
    },

    async end(id, reason, now) {
      return db.update(sessions).set({ endedAt: now, endedReason: reason }).where(where.unended(id)).run().changes === 1;
    },

    async endAllOf(userId, reason, now, keep) {
      const ended = db.update(sessions).set({ endedAt: now, endedReason: reason }).where(where.unendedOf(userId, keep)).returning({ id: sessions.id }).all();
      return ended.map((row) => row.id as SessionId);
    },

    async purge(now, before) {
      return db.transaction((tx) => ({
        sessions: tx.delete(sessions).where(where.purgeable(before)).run().changes,
        refreshTokens: tx.delete(refreshTokens).where(where.expiredTokens(now)).run().changes,
      }));
    },
  };
}
