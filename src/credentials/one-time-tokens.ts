import { createHash, randomBytes } from 'node:crypto';
import type { OneTimeTokenHash, OneTimeTokenPurpose } from '../platform/ids.js';

// The token in a mailed link (password reset, email verification, email
// change): 256 random bits, stored only as a hash, usable once. The prefix
// names the purpose, so a link pasted into the wrong page is refused by its
// shape before any lookup, and a human can tell the links apart.
const prefixes: Readonly<Record<OneTimeTokenPurpose, string>> = { password_reset: 'pr_', email_verification: 'ev_', email_change: 'ec_' };

export const newOneTimeToken = (purpose: OneTimeTokenPurpose): string => prefixes[purpose] + randomBytes(32).toString('base64url');

/** SHA-256 is enough: the token is random, so there is nothing to brute-force. */
export const hashOneTimeToken = (token: string): OneTimeTokenHash => createHash('sha256').update(token, 'utf8').digest('base64url') as OneTimeTokenHash;

/** Shape check before touching storage: the purpose's prefix and 43 characters of base64url. */
export const looksLikeOneTimeToken = (token: string, purpose: OneTimeTokenPurpose): boolean =>
  token.length === 46 && token.startsWith(prefixes[purpose]) && /^[A-Za-z0-9_-]{43}$/.test(token.slice(3));
