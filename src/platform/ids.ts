import { randomBytes } from 'node:crypto';

declare const brand: unique symbol;
export type Brand<T, Name extends string> = T & { readonly [brand]: Name };

export type UserId = Brand<string, 'UserId'>;
export type SessionId = Brand<string, 'SessionId'>;
/** Only refresh tokens' hashes are stored: a leaked table cannot be replayed. */
export type RefreshTokenHash = Brand<string, 'RefreshTokenHash'>;

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Whether `text` has the shape of the ids this server issues (lower-case UUID). */
export const isId = (text: string): boolean => uuidPattern.test(text);

/**
 * A UUIDv7: 48 bits of milliseconds, then randomness. Ids sort by creation, so
 * the users list pages by primary key alone and inserts stay index-local.
 */
export function newId(nowMs: number): string {
  const bytes = randomBytes(16);
  bytes.writeUIntBE(nowMs, 0, 6);
  bytes[6] = 0x70 | ((bytes[6] ?? 0) & 0x0f);
  bytes[8] = 0x80 | ((bytes[8] ?? 0) & 0x3f);
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
