// Counts for the metrics scrape. Apart from the session repository so the
// scrape's one query is easy to find and to keep cheap.
import { and, count, gt, isNull } from 'drizzle-orm';
import type { SqliteDb } from '../../db/create-database.js';
import { sessions } from '../../db/sqlite/schema.js';

export interface SessionStats {
  /** Sessions neither ended nor past their absolute expiry: the same "live" as listing them. */
  countActive(now: number): Promise<number>;
}

export const createSessionStats = (db: SqliteDb): SessionStats => ({
  async countActive(now) {
    const row = db
      .select({ n: count() })
      .from(sessions)
      .where(and(isNull(sessions.endedAt), gt(sessions.expiresAt, now)))
      .get();
    return row?.n ?? 0;
  },
});
