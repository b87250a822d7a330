import { randomBytes, randomInt } from 'node:crypto';

declare const brand: unique symbol;
export type Brand<T, Name extends string> = T & { readonly [brand]: Name };

export type UserId = Brand<string, 'UserId'>;
export type SessionId = Brand<string, 'SessionId'>;
/** Only refresh tokens' hashes are stored: a leaked table cannot be replayed. */
export type RefreshTokenHash = Brand<string, 'RefreshTokenHash'>;
export type DeviceTokenHash = Brand<string, 'DeviceTokenHash'>;
export type MfaTokenHash = Brand<string, 'MfaTokenHash'>;
export type RecoveryCodeHash = Brand<string, 'RecoveryCodeHash'>;
/** Links mailed to a user carry a one-time token; only its hash is stored. */
export type OneTimeTokenHash = Brand<string, 'OneTimeTokenHash'>;
export type OneTimeTokenPurpose = 'password_reset' | 'email_verification' | 'email_change';
export type ApiKeyId = Brand<string, 'ApiKeyId'>;
/** Only API keys' hashes are stored: a leaked table cannot be used to call the API. */
export type ApiKeyHash = Brand<string, 'ApiKeyHash'>;

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Whether `text` has the shape of the ids this server issues (lower-case UUID). */
export const isId = (text: string): boolean => uuidPattern.test(text);

// The last timestamp used and a counter within it (RFC 9562 §6.2, method 1):
// ids made in the same millisecond still sort in the order they were made, so
// "oldest first" holds for a burst of sign-ups. Process-wide, not request data.
let lastMs = -1;
let sequence = 0;

/**
 * A UUIDv7: 48 bits of milliseconds, a 12-bit counter, then randomness. Ids
 * sort by creation, so the users list pages by primary key alone and inserts
 * stay index-local.
 */
export function newId(nowMs: number): string {
  let ms = Math.max(nowMs, lastMs); // a clock stepping back never reorders ids
  if (ms === lastMs) {
    sequence += 1;
    if (sequence > 0xfff) {
      ms += 1;
      sequence = 0;
    }
  } else {
    sequence = randomInt(0x800); // a random start leaves room to count up
  }
  lastMs = ms;
  const bytes = randomBytes(16);
  bytes.writeUIntBE(ms, 0, 6);
  bytes[6] = 0x70 | (sequence >> 8);
  bytes[7] = sequence & 0xff;
  bytes[8] = 0x80 | ((bytes[8] ?? 0) & 0x3f);
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
