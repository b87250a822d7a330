import { createHash, randomBytes } from 'node:crypto';
import type { RefreshTokenHash } from '../platform/ids.js';

// 256 random bits, opaque to the client: it carries nothing a thief could read,
// and only its hash is stored, so a leaked table cannot be replayed.
// A prefix lets scanners and humans tell it from an access token at a glance.
const prefix = 'rt_';

export const newRefreshToken = (): string => prefix + randomBytes(32).toString('base64url');

/** SHA-256 is enough: the token is random, so there is nothing to brute-force. */
export const hashRefreshToken = (token: string): RefreshTokenHash =>
  createHash('sha256').update(token, 'utf8').digest('base64url') as RefreshTokenHash;

/** Shape check before touching storage: the right prefix and length of base64url. */
export const looksLikeRefreshToken = (token: string): boolean => /^rt_[A-Za-z0-9_-]{43}$/.test(token);
