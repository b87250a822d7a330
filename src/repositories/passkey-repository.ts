// Passkeys and the WebAuthn challenges of their ceremonies
// (db/*/mfa-schema.ts): one interface over both databases. A challenge is
// deleted as it is read, so it serves one ceremony; a use of a passkey moves
// its signature counter only from the value that was checked.
import { and, asc, eq, gt, inArray, lte, sql, type Column, type SQL } from 'drizzle-orm';
import type { Brand, UserId } from '../platform/ids.js';

export type PasskeyId = Brand<string, 'PasskeyId'>;

/** Synced across a user's devices (a software key) or bound to one authenticator (hardware). */
export type CredentialDeviceType = 'singleDevice' | 'multiDevice';

export interface PasskeyRecord {
  readonly id: PasskeyId;
  readonly userId: UserId;
  /** base64url, as the browser reports it. */
  readonly credentialId: string;
  /** COSE public key, base64url. */
  readonly publicKey: string;
  /** The signature counter last seen (0 for authenticators that keep none). */
  readonly counter: number;
  readonly transports: readonly string[];
  readonly deviceType: CredentialDeviceType;
  readonly backedUp: boolean;
  readonly name: string;
  readonly createdAt: number;
  readonly lastUsedAt: number | null;
}

export type ChallengePurpose = 'registration' | 'login';

export interface WebAuthnChallengeRecord {
  readonly id: string;
  readonly purpose: ChallengePurpose;
  /** Registration: the user registering. Login: the account of the email given, if any. */
  readonly userId: UserId | null;
  /** base64url, as sent in the options. */
  readonly challenge: string;
  readonly expiresAt: number;
}

/** Which challenge to take: a login's by its id, a registration's by its user (one at a time). */
export type ChallengeKey = { readonly purpose: 'login'; readonly id: string } | { readonly purpose: 'registration'; readonly userId: UserId };

export interface PasskeyRepository {
  /** The users' passkeys, oldest first, for a batch of users in one query. */
  listOf(userIds: readonly UserId[]): Promise<ReadonlyMap<UserId, readonly PasskeyRecord[]>>;
  byCredentialId(credentialId: string): Promise<PasskeyRecord | undefined>;
  /** Stores it unless the user already has `maxPerUser`; false then. */
  insert(passkey: PasskeyRecord, maxPerUser: number): Promise<boolean>;
  /** Moves the counter from `checked` to `counter` and marks it used: false when another use moved it first. */
  recordUse(id: PasskeyId, checked: number, counter: number, now: number): Promise<boolean>;
  /** Deletes the user's passkey; false when the user has none by that id. */
  remove(id: PasskeyId, userId: UserId): Promise<boolean>;
  /** Deletes every passkey of the user (an ADMIN's reset); how many. */
  removeAllOf(userId: UserId): Promise<number>;
  /** Stores a challenge (a registration's replaces the user's earlier one) and deletes expired ones on the way. */
  createChallenge(challenge: WebAuthnChallengeRecord, now: number): Promise<void>;
  /** Deletes and returns the live challenge: for the one call that does. */
  takeChallenge(key: ChallengeKey, now: number): Promise<WebAuthnChallengeRecord | undefined>;
}

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
