// The API key queries' shared parts, written once for both dialects: which
// rows each query touches (plain SQL over columns) and row → record.
import { and, eq, gt, inArray, isNotNull, isNull, lt, lte, or, sql, type Column, type SQL } from 'drizzle-orm';
import type { ApiKeyId, UserId } from '../platform/ids.js';
import type { ApiKeyRecord, NewApiKeyRecord } from './api-key-repository.js';

export interface ApiKeyColumns {
  readonly id: Column;
  readonly createdAt: Column;
  readonly userId: Column;
  readonly lastUsedAt: Column;
  readonly expiresAt: Column;
  readonly revokedAt: Column;
}

export interface ApiKeyRow {
  readonly id: string;
  readonly userId: string;
  readonly name: string;
  readonly prefix: string;
  readonly scopes: string;
  readonly createdAt: number;
  readonly lastUsedAt: number | null;
  readonly expiresAt: number | null;
  readonly revokedAt: number | null;
}

const all = (...conditions: Array<SQL | undefined>): SQL => and(...conditions) ?? sql`false`;

export const apiKeyFilters = (k: ApiKeyColumns) => {
  /** Not revoked and not expired: what counts against the per-user cap. */
  const live = (now: number): SQL => all(isNull(k.revokedAt), or(isNull(k.expiresAt), gt(k.expiresAt, now)));
  return {
    liveOf: (userId: UserId, now: number): SQL => all(eq(k.userId, userId), live(now)),
    liveOfAny: (userIds: readonly UserId[], now: number): SQL => all(inArray(k.userId, [...userIds]), live(now)),
    shownTo: (userId: UserId): SQL => all(eq(k.userId, userId), isNull(k.revokedAt)),
    /** Sorts live keys before expired ones. */
    expiredLast: (now: number): SQL => sql`case when ${k.expiresAt} is not null and ${k.expiresAt} <= ${now} then 1 else 0 end`,
    unrevoked: (id: ApiKeyId): SQL => all(eq(k.id, id), isNull(k.revokedAt)),
    unrevokedOf: (userId: UserId): SQL => all(eq(k.userId, userId), isNull(k.revokedAt)),
    touchable: (id: ApiKeyId, notAfter: number): SQL => all(eq(k.id, id), or(isNull(k.lastUsedAt), lte(k.lastUsedAt, notAfter))),
    purgeable: (before: number): SQL => or(all(isNotNull(k.revokedAt), lt(k.revokedAt, before)), all(isNotNull(k.expiresAt), lt(k.expiresAt, before))) ?? sql`false`,
  };
};

export const toApiKeyRow = (key: NewApiKeyRecord) => ({
  id: key.id,
  userId: key.userId,
  name: key.name,
  keyHash: key.hash,
  prefix: key.prefix,
  scopes: key.scopes.join(' '),
  createdAt: key.now,
  expiresAt: key.expiresAt,
});

export const toApiKey = (row: ApiKeyRow): ApiKeyRecord => ({
  id: row.id as ApiKeyId,
  userId: row.userId as UserId,
  name: row.name,
  prefix: row.prefix,
  scopes: row.scopes === '' ? [] : row.scopes.split(' '),
  createdAt: row.createdAt,
  lastUsedAt: row.lastUsedAt,
  expiresAt: row.expiresAt,
  revokedAt: row.revokedAt,
});
