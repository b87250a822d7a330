import { v7 } from 'uuid';

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

/**
 * Whether `text` has the shape of the ids this server issues (lower-case UUID).
 * Not uuid's validate(): it also takes upper case and the nil UUID, which no stored id matches.
 */
export const isId = (text: string): boolean => uuidPattern.test(text);

/**
 * A UUIDv7 (uuid's v7): 48 bits of milliseconds, a 32-bit counter that starts
 * at random each millisecond, then randomness. Ids made by this process sort
 * in the order they were made, within one millisecond too and when the clock
 * steps back (RFC 9562 §6.2, method 1), so the users list pages by primary
 * key alone and inserts stay index-local. The time is the wall clock's, not
 * an injected one: it orders ids and means nothing else.
 */
export const newId = (): string => v7();
