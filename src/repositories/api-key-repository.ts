// API keys (db/sqlite/schema.ts apiKeys): one interface over both databases;
// the dialect modules hold the queries
// (create-repositories.ts picks one), api-key-rows.ts what they share.
import type { ApiKeyHash, ApiKeyId, UserId } from '../platform/ids.js';
import type { UserRecord } from './records.js';

export interface ApiKeyRecord {
  readonly id: ApiKeyId;
  readonly userId: UserId;
  readonly name: string;
  /** The key's first characters, for telling keys apart (never enough to use it). */
  readonly prefix: string;
  readonly scopes: readonly string[];
  readonly createdAt: number;
  readonly lastUsedAt: number | null;
  readonly expiresAt: number | null;
  readonly revokedAt: number | null;
}

export interface NewApiKeyRecord {
  readonly id: ApiKeyId;
  readonly userId: UserId;
  readonly name: string;
  readonly hash: ApiKeyHash;
  readonly prefix: string;
  readonly scopes: readonly string[];
  readonly now: number;
  readonly expiresAt: number | null;
}

/** What the per-request check needs: the key and its user as stored now. */
export interface ApiKeyStatus {
  readonly key: ApiKeyRecord;
  readonly user: UserRecord;
}

export interface ApiKeyRepository {
  /**
   * Stores the key unless its user already holds `maxLive` live keys (not
   * revoked, not expired), counted and inserted atomically; false then.
   */
  create(key: NewApiKeyRecord, maxLive: number): Promise<boolean>;
  /** How many live keys the users hold (for the quota policy), by user. */
  countLive(userIds: readonly UserId[], now: number): Promise<ReadonlyMap<UserId, number>>;
  /**
   * The user's keys that are not revoked, newest first: the live ones (25 at
   * most), then expired ones, to be seen until the purge; `limit` in all.
   */
  listOf(userId: UserId, now: number, limit: number): Promise<readonly ApiKeyRecord[]>;
  find(id: ApiKeyId): Promise<ApiKeyRecord | undefined>;
  /** The key with this hash and its user, revoked or expired or not. */
  status(hash: ApiKeyHash): Promise<ApiKeyStatus | undefined>;
  /** Revokes once: true if this call revoked it. */
  revoke(id: ApiKeyId, now: number): Promise<boolean>;
  /** Revokes every key of the user not revoked yet (a password reset); how many. */
  revokeAllOf(userId: UserId, now: number): Promise<number>;
  /** Sets lastUsedAt to `now` unless it was set after `notAfter`; across instances, at most one write per interval wins. */
  touch(id: ApiKeyId, now: number, notAfter: number): Promise<void>;
  /** Deletes keys revoked or expired before `before`; how many. */
  purge(before: number): Promise<number>;
}
