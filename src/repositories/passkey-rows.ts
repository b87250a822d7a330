// The passkey queries' shared parts, written once for both dialects: which
// rows each query touches (plain SQL over columns) and row → record.
import { and, asc, eq, gt, inArray, lte, sql, type Column, type SQL } from 'drizzle-orm';
import type { UserId } from '../platform/ids.js';
import type { ChallengeKey, ChallengePurpose, CredentialDeviceType, PasskeyId, PasskeyRecord, WebAuthnChallengeRecord } from './passkey-repository.js';

interface PasskeyColumns {
  readonly id: Column;
  readonly userId: Column;
  readonly counter: Column;
  readonly createdAt: Column;
}
interface ChallengeColumns {
  readonly id: Column;
  readonly purpose: Column;
  readonly userId: Column;
  readonly expiresAt: Column;
}

const all = (...conditions: Array<SQL | undefined>): SQL => and(...conditions) ?? sql`false`;

/** Which rows each query touches, once for both dialects (as session-filters.ts does). */
export const passkeyFilters = (p: PasskeyColumns, c: ChallengeColumns) => ({
  ofUsers: (userIds: readonly UserId[]): SQL => inArray(p.userId, [...userIds]),
  oldestFirst: () => [asc(p.createdAt), asc(p.id)],
  owned: (id: PasskeyId, userId: UserId): SQL => all(eq(p.id, id), eq(p.userId, userId)),
  atCounter: (id: PasskeyId, counter: number): SQL => all(eq(p.id, id), eq(p.counter, counter)),
  liveChallenge: (key: ChallengeKey, now: number): SQL =>
    all(eq(c.purpose, key.purpose), key.purpose === 'login' ? eq(c.id, key.id) : eq(c.userId, key.userId), gt(c.expiresAt, now)),
  registrationsOf: (userId: UserId): SQL => all(eq(c.purpose, 'registration'), eq(c.userId, userId)),
  expiredChallenges: (now: number): SQL => lte(c.expiresAt, now),
});

export interface PasskeyRow {
  readonly id: string;
  readonly userId: string;
  readonly credentialId: string;
  readonly publicKey: string;
  readonly counter: number;
  readonly transports: string;
  readonly deviceType: CredentialDeviceType;
  readonly backedUp: boolean;
  readonly name: string;
  readonly createdAt: number;
  readonly lastUsedAt: number | null;
}

export const toPasskey = (row: PasskeyRow): PasskeyRecord => ({
  ...row,
  id: row.id as PasskeyId,
  userId: row.userId as UserId,
  transports: row.transports === '' ? [] : row.transports.split(' '),
});

export const passkeyRow = (passkey: PasskeyRecord): PasskeyRow => ({ ...passkey, transports: passkey.transports.join(' ') });

/** A batch's rows grouped by user, every user of the batch present. */
export function byUser(userIds: readonly UserId[], rows: readonly PasskeyRow[]): ReadonlyMap<UserId, readonly PasskeyRecord[]> {
  const grouped = new Map<UserId, PasskeyRecord[]>(userIds.map((id) => [id, []]));
  for (const row of rows) grouped.get(row.userId as UserId)?.push(toPasskey(row));
  return grouped;
}

export const toChallenge = (row: { id: string; purpose: ChallengePurpose; userId: string | null; challenge: string; expiresAt: number }): WebAuthnChallengeRecord => ({
  ...row,
  userId: row.userId as UserId | null,
});
