import { createHash, randomBytes } from 'node:crypto';
import type { ApiKeyHash } from '../platform/ids.js';

// An API key is what a script, a CI job or another backend sends instead of a
// person's access token: `gak_` and 256 random bits (43 base64url characters).
// The prefix lets secret scanners (GitHub's, gitleaks) recognise a leaked key
// and lets the server tell a key from a JWT before any work. It is shown once,
// at creation, and only its hash is stored.
export const apiKeyPrefix = 'gak_';

const shape = /^gak_[A-Za-z0-9_-]{43}$/;

/** The first characters of a key, kept and shown so a person can tell their keys apart; the other 35 stay secret. */
const shownLength = apiKeyPrefix.length + 8;

export interface NewApiKey {
  readonly key: string;
  readonly hash: ApiKeyHash;
  readonly prefix: string;
}

/**
 * SHA-256, not argon2: a key carries 256 random bits, so even a fast hash
 * leaves nothing to guess (2^256 tries), while a slow one would put
 * milliseconds of CPU on every API call and hand anyone a cheap way to burn
 * it. Passwords are slow-hashed because people choose guessable ones; keys
 * are not chosen.
 */
export const hashApiKey = (key: string): ApiKeyHash => createHash('sha256').update(key, 'utf8').digest('base64url') as ApiKeyHash;

export function newApiKey(): NewApiKey {
  const key = apiKeyPrefix + randomBytes(32).toString('base64url');
  return { key, hash: hashApiKey(key), prefix: key.slice(0, shownLength) };
}

/** Whether a bearer credential is meant as an API key (a JWT starts with `ey`). */
export const isApiKeyAttempt = (token: string): boolean => token.startsWith(apiKeyPrefix);

/** Shape check before touching storage. */
export const looksLikeApiKey = (token: string): boolean => shape.test(token);
