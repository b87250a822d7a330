// The second factor's tables (TOTP, recovery codes, passkeys) and its
// short-lived challenges, beside ../pg/schema.ts and generated into the
// same migrations (`npm run db:generate:pg`). Every row belongs to a user and
// goes with them. The same tables for SQLite: ../sqlite/mfa-schema.ts.
import { bigint, boolean, index, integer, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { users } from './schema.js';

// Epoch milliseconds as in ./schema.ts: bigint on disk, numbers in TypeScript.
const millis = (name: string) => bigint(name, { mode: 'number' });

const owner = () =>
  text('user_id')
    .notNull()
    .references(() => users.id, { onDelete: 'cascade' });

// One row per user who has started TOTP. Secrets are sealed (AES-256-GCM,
// MFA_ENCRYPTION_KEY), never stored in the clear. `secret` is the confirmed
// one, the one login asks for; `pending_secret` an enrolment not yet
// confirmed, which changes nothing at login. `last_used_step` is the 30-second
// step of the last code accepted: a code of that step or an earlier one is
// refused, so a code works once, on every instance.
export const totpFactors = pgTable('totp_factors', {
  userId: owner().primaryKey(),
  secret: text('secret'),
  pendingSecret: text('pending_secret'),
  lastUsedStep: integer('last_used_step'),
  enabledAt: millis('enabled_at'),
  updatedAt: millis('updated_at').notNull(),
});

// One-time codes for a lost authenticator, by digest only; a used one keeps
// its row (with used_at) so the count left can be told.
export const recoveryCodes = pgTable(
  'recovery_codes',
  {
    codeHash: text('code_hash').primaryKey(),
    userId: owner(),
    createdAt: millis('created_at').notNull(),
    usedAt: millis('used_at'),
  },
  (t) => [index('recovery_codes_user_id_idx').on(t.userId)],
);

// A sign-in whose password was right and whose second factor is owed: the
// mfaToken's digest, who, from which trusted device (if any), and a digest of
// the password hash that was verified (a password change meanwhile voids it).
// `attempts` is counted before each code is checked: five, and it is over.
export const mfaChallenges = pgTable(
  'mfa_challenges',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: owner(),
    email: text('email').notNull(),
    deviceHash: text('device_hash'),
    passwordCheck: text('password_check').notNull(),
    attempts: integer('attempts').notNull().default(0),
    expiresAt: millis('expires_at').notNull(),
  },
  (t) => [index('mfa_challenges_user_id_idx').on(t.userId), index('mfa_challenges_expires_at_idx').on(t.expiresAt)],
);

// WebAuthn challenges: each used once (deleted as it is read) and short-lived.
// A registration's belongs to the user registering; a login's to the account
// of the email given, or to nobody (discoverable credentials).
export const webauthnChallenges = pgTable(
  'webauthn_challenges',
  {
    id: text('id').primaryKey(),
    purpose: text('purpose', { enum: ['registration', 'login'] }).notNull(),
    userId: text('user_id').references(() => users.id, { onDelete: 'cascade' }),
    challenge: text('challenge').notNull(),
    expiresAt: millis('expires_at').notNull(),
  },
  (t) => [index('webauthn_challenges_user_id_idx').on(t.userId), index('webauthn_challenges_expires_at_idx').on(t.expiresAt)],
);

// Passkeys: the credential id and COSE public key (base64url; nothing here is
// secret), the signature counter last seen, and what the authenticator said
// of itself at registration (synced or bound to one device).
export const passkeys = pgTable(
  'passkeys',
  {
    id: text('id').primaryKey(),
    userId: owner(),
    credentialId: text('credential_id').notNull(),
    publicKey: text('public_key').notNull(),
    counter: bigint('counter', { mode: 'number' }).notNull(),
    transports: text('transports').notNull(),
    deviceType: text('device_type', { enum: ['singleDevice', 'multiDevice'] }).notNull(),
    backedUp: boolean('backed_up').notNull(),
    name: text('name').notNull(),
    createdAt: millis('created_at').notNull(),
    lastUsedAt: millis('last_used_at'),
  },
  (t) => [uniqueIndex('passkeys_credential_id_unique').on(t.credentialId), index('passkeys_user_id_idx').on(t.userId)],
);
