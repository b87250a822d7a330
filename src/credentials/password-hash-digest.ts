import { createHash } from 'node:crypto';

/**
 * A short digest of a stored password hash: kept with a sign-in that is not
 * finished yet (a second factor is owed), so that finishing it can tell
 * whether the password changed meanwhile, without keeping the hash itself.
 */
export const passwordHashDigest = (passwordHash: string): string => createHash('sha256').update(`password-check:${passwordHash}`).digest('base64url');
