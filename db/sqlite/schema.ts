// The one source of the SQLite tables. Migrations in ./migrations are generated
// from this file by drizzle-kit (`npm run db:generate`) and never hand-edited.
import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

// Times are epoch milliseconds: exact, sortable, and the same in every dialect.
export const users = sqliteTable(
  'users',
  {
    id: text('id').primaryKey(),
    // Stored trimmed and lower-cased; the unique index on lower() also guards
    // rows written by anything that forgot to normalise.
    email: text('email').notNull(),
    // The address's Unicode TR39 skeleton while EMAIL_UTF8_LOCAL_PARTS is on
    // (null otherwise, and nulls never collide): unique, so no account can
    // look like another (src/services/email-addresses.ts).
    emailSkeleton: text('email_skeleton'),
    passwordHash: text('password_hash').notNull(),
    role: text('role', { enum: ['USER', 'ADMIN'] }).notNull().default('USER'),
    // Whether the user proved they receive mail at `email` (a link mailed there
    // was opened). Accounts made before verification existed start unverified.
    emailVerified: integer('email_verified', { mode: 'boolean' }).notNull().default(false),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('users_email_lower_unique').on(sql`lower(${t.email})`),
    uniqueIndex('users_email_skeleton_unique').on(t.emailSkeleton),
    check('users_role_valid', sql`${t.role} in ('USER', 'ADMIN')`),
  ],
);

// One row per login (device). The access token's `sid` points here, so ending
// a session ends every token issued inside it.
export const sessions = sqliteTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: integer('created_at').notNull(),
    lastUsedAt: integer('last_used_at').notNull(),
    // Absolute lifetime: refresh rotation never extends a session past this.
    expiresAt: integer('expires_at').notNull(),
    userAgent: text('user_agent'),
    ip: text('ip'),
    endedAt: integer('ended_at'),
    endedReason: text('ended_reason'),
    // The last proof of identity in this session (sign-in or reauthenticate):
    // when, and by what (RFC 8176 values, space-separated). A refresh carries
    // it into the new access token unchanged; @auth(fresh: …) compares it.
    authTime: integer('auth_time').notNull().default(0),
    amr: text('amr').notNull().default('pwd'),
  },
  (t) => [index('sessions_user_id_idx').on(t.userId), index('sessions_expires_at_idx').on(t.expiresAt)],
);

// Every refresh token ever issued in a live session, by hash only: a leaked
// table cannot be replayed. A rotated row stays so that presenting it again is
// recognised as reuse (theft) rather than as an unknown token.
export const refreshTokens = sqliteTable(
  'refresh_tokens',
  {
    tokenHash: text('token_hash').primaryKey(),
    sessionId: text('session_id')
      .notNull()
      .references(() => sessions.id, { onDelete: 'cascade' }),
    issuedAt: integer('issued_at').notNull(),
    expiresAt: integer('expires_at').notNull(),
    rotatedAt: integer('rotated_at'),
  },
  (t) => [index('refresh_tokens_session_id_idx').on(t.sessionId)],
);

// Devices a user has signed in from (OWASP's device cookies), by token hash
// only. A sign-in presenting a live one is trusted: it is not held to the
// account-wide limit on untrusted sign-ins, and its hashing is never shed.
// logoutAll and password resets delete them all.
export const deviceTokens = sqliteTable(
  'device_tokens',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: integer('created_at').notNull(),
    lastUsedAt: integer('last_used_at').notNull(),
    expiresAt: integer('expires_at').notNull(),
  },
  (t) => [index('device_tokens_user_id_idx').on(t.userId)],
);

// Links mailed to a user (password reset, email verification, email change),
// by token hash only: the table cannot be replayed. One live token per user
// and purpose (a newer request replaces the older), deleted when used, so the
// table holds at most a few rows per user. `email` is the address the link
// went to (the new one for an email change).
export const oneTimeTokens = sqliteTable(
  'one_time_tokens',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    purpose: text('purpose', { enum: ['password_reset', 'email_verification', 'email_change'] }).notNull(),
    email: text('email').notNull(),
    createdAt: integer('created_at').notNull(),
    expiresAt: integer('expires_at').notNull(),
  },
  (t) => [index('one_time_tokens_user_id_purpose_idx').on(t.userId, t.purpose)],
);

// API keys for scripts and other services: each acts as its user within its
// scopes. Only the key's SHA-256 is stored (the key is shown once); a revoked
// row stays until the purge, so presenting it is recognised as revoked.
export const apiKeys = sqliteTable(
  'api_keys',
  {
    id: text('id').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    keyHash: text('key_hash').notNull(),
    // The key's first characters, shown so a person can tell their keys apart.
    prefix: text('prefix').notNull(),
    // Space-separated, as OAuth writes scopes.
    scopes: text('scopes').notNull(),
    createdAt: integer('created_at').notNull(),
    lastUsedAt: integer('last_used_at'),
    expiresAt: integer('expires_at'),
    revokedAt: integer('revoked_at'),
  },
  (t) => [uniqueIndex('api_keys_key_hash_unique').on(t.keyHash), index('api_keys_user_id_idx').on(t.userId)],
);
