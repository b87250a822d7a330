import { createHash, randomBytes } from 'node:crypto';
import type { DeviceTokenHash } from '../platform/ids.js';

// A device token is what a browser or app keeps after signing in, so the next
// sign-in from it is known to come from a device the owner has used (OWASP's
// device cookies). 256 random bits, opaque, stored only as a hash.
const prefix = 'dt_';

export const newDeviceToken = (): string => prefix + randomBytes(32).toString('base64url');

/** SHA-256 is enough: the token is random, so there is nothing to brute-force. */
export const hashDeviceToken = (token: string): DeviceTokenHash => createHash('sha256').update(token, 'utf8').digest('base64url') as DeviceTokenHash;

/** Shape check before touching storage; anything else is ignored, never an error. */
export const looksLikeDeviceToken = (token: string): boolean => /^dt_[A-Za-z0-9_-]{43}$/.test(token);
