// TOTP and recovery code queries on SQLite (better-sqlite3, synchronous).
import { count, eq } from 'drizzle-orm';
import type { SqliteDb } from '../../../db/create-database.js';
import { recoveryCodes, totpFactors } from '../../../db/sqlite/mfa-schema.js';
import type { UserId } from '../../platform/ids.js';
import { mfaFilters, recoveryCodeRows } from '../mfa-rows.js';
import type { MfaRepository } from '../mfa-repository.js';

const where = mfaFilters(totpFactors, recoveryCodes);

export const createSqliteMfaRepository = (db: SqliteDb): MfaRepository => ({
  async totpOf(userId) {
    return db.select({ secret: totpFactors.secret, pendingSecret: totpFactors.pendingSecret, enabledAt: totpFactors.enabledAt }).from(totpFactors).where(eq(totpFactors.userId, userId)).get();
  },
  async setPending(userId, sealed, now) {
    db.insert(totpFactors)
      .values({ userId, pendingSecret: sealed, updatedAt: now })
      .onConflictDoUpdate({ target: totpFactors.userId, set: { pendingSecret: sealed, updatedAt: now } })
      .run();
  },
  async confirm(userId, sealed, step, codes, now) {
    return db.transaction((tx) => {
      const confirmed = tx.update(totpFactors).set({ secret: sealed, pendingSecret: null, lastUsedStep: step, enabledAt: now, updatedAt: now }).where(where.pendingAs(userId, sealed)).run();
      if (confirmed.changes !== 1) return false;
      tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId)).run();
      if (codes.length > 0) tx.insert(recoveryCodes).values(recoveryCodeRows(userId, codes, now)).run();
      return true;
    });
  },
  async useStep(userId, step) {
    return db.update(totpFactors).set({ lastUsedStep: step }).where(where.stepUnused(userId, step)).run().changes === 1;
  },
  async useRecoveryCode(userId, hash, now) {
    return db.update(recoveryCodes).set({ usedAt: now }).where(where.codeUnused(userId, hash)).run().changes === 1;
  },
  async recoveryCodesLeft(userId) {
    return db.select({ n: count() }).from(recoveryCodes).where(where.codesLeft(userId)).get()?.n ?? 0;
  },
  async replaceRecoveryCodes(userId, codes, now) {
    return db.transaction((tx) => {
      if (tx.select({ userId: totpFactors.userId }).from(totpFactors).where(where.enabled(userId)).get() === undefined) return false;
      tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId)).run();
      if (codes.length > 0) tx.insert(recoveryCodes).values(recoveryCodeRows(userId, codes, now)).run();
      return true;
    });
  },
  async remove(userId) {
    return db.transaction((tx) => {
      const removed = tx.delete(totpFactors).where(eq(totpFactors.userId, userId)).returning({ secret: totpFactors.secret }).get();
      tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId)).run();
      return (removed?.secret ?? null) !== null;
    });
  },
  async enabledAmong(userIds) {
    if (userIds.length === 0) return new Set();
    return new Set(db.select({ userId: totpFactors.userId }).from(totpFactors).where(where.enabledAmong(userIds)).all().map((row) => row.userId as UserId));
  },
  async anyEnabled() {
    return db.select({ userId: totpFactors.userId }).from(totpFactors).where(where.anyEnabled()).limit(1).get() !== undefined;
  },
  async anySealedOtherwise(prefix) {
    return db.select({ userId: totpFactors.userId }).from(totpFactors).where(where.sealedOtherwise(prefix)).limit(1).get() !== undefined;
  },
});
