// TOTP and recovery code queries on PostgreSQL (node-postgres pool). Each
// "once" rule is one conditional UPDATE: under READ COMMITTED a second
// updater re-checks the condition after the first commits, and finds it false.
import { count, eq } from 'drizzle-orm';
import type { PgDb } from '../../../db/create-database.js';
import { recoveryCodes, totpFactors } from '../../../db/pg/mfa-schema.js';
import type { UserId } from '../../platform/ids.js';
import { mfaFilters, recoveryCodeRows } from '../mfa-rows.js';
import type { MfaRepository } from '../mfa-repository.js';

const where = mfaFilters(totpFactors, recoveryCodes);

export const createPgMfaRepository = (db: PgDb): MfaRepository => ({
  async totpOf(userId) {
    const [row] = await db.select({ secret: totpFactors.secret, pendingSecret: totpFactors.pendingSecret, enabledAt: totpFactors.enabledAt }).from(totpFactors).where(eq(totpFactors.userId, userId));
    return row;
  },
  async setPending(userId, sealed, now) {
    await db
      .insert(totpFactors)
      .values({ userId, pendingSecret: sealed, updatedAt: now })
      .onConflictDoUpdate({ target: totpFactors.userId, set: { pendingSecret: sealed, updatedAt: now } });
  },
  async confirm(userId, sealed, step, codes, now) {
    return db.transaction(async (tx) => {
      const confirmed = await tx.update(totpFactors).set({ secret: sealed, pendingSecret: null, lastUsedStep: step, enabledAt: now, updatedAt: now }).where(where.pendingAs(userId, sealed));
      if (confirmed.rowCount !== 1) return false;
      await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
      if (codes.length > 0) await tx.insert(recoveryCodes).values(recoveryCodeRows(userId, codes, now));
      return true;
    });
  },
  async useStep(userId, step) {
    return (await db.update(totpFactors).set({ lastUsedStep: step }).where(where.stepUnused(userId, step))).rowCount === 1;
  },
  async useRecoveryCode(userId, hash, now) {
    return (await db.update(recoveryCodes).set({ usedAt: now }).where(where.codeUnused(userId, hash))).rowCount === 1;
  },
  async recoveryCodesLeft(userId) {
    const [row] = await db.select({ n: count() }).from(recoveryCodes).where(where.codesLeft(userId));
    return row?.n ?? 0;
  },
  async replaceRecoveryCodes(userId, codes, now) {
    return db.transaction(async (tx) => {
      // FOR UPDATE: a concurrent disable waits, so codes are never left behind without TOTP.
      const [enabled] = await tx.select({ userId: totpFactors.userId }).from(totpFactors).where(where.enabled(userId)).for('update');
      if (enabled === undefined) return false;
      await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
      if (codes.length > 0) await tx.insert(recoveryCodes).values(recoveryCodeRows(userId, codes, now));
      return true;
    });
  },
  async remove(userId) {
    return db.transaction(async (tx) => {
      const [removed] = await tx.delete(totpFactors).where(eq(totpFactors.userId, userId)).returning({ secret: totpFactors.secret });
      await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
      return (removed?.secret ?? null) !== null;
    });
  },
  async enabledAmong(userIds) {
    if (userIds.length === 0) return new Set();
    const rows = await db.select({ userId: totpFactors.userId }).from(totpFactors).where(where.enabledAmong(userIds));
    return new Set(rows.map((row) => row.userId as UserId));
  },
  async anyEnabled() {
    return (await db.select({ userId: totpFactors.userId }).from(totpFactors).where(where.anyEnabled()).limit(1)).length > 0;
  },
  async anySealedOtherwise(prefix) {
    return (await db.select({ userId: totpFactors.userId }).from(totpFactors).where(where.sealedOtherwise(prefix)).limit(1)).length > 0;
  },
});
