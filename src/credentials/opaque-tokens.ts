// The shape every opaque bearer secret of this server shares: a prefix that
// says what it is (to people, scanners and the shape check), 256 random bits,
// and only a SHA-256 digest stored, so a leaked table cannot be replayed.
// SHA-256 is enough: the token is random, so there is nothing to brute-force.
import { createHash, randomBytes } from 'node:crypto';

export interface OpaqueTokens<Hash extends string> {
  create(): string;
  hash(token: string): Hash;
  /** Shape check before touching storage: the right prefix and length of base64url. */
  looksLike(token: string): boolean;
}

export function opaqueTokens<Hash extends string>(prefix: string): OpaqueTokens<Hash> {
  const shape = new RegExp(`^${prefix}[A-Za-z0-9_-]{43}$`);
  return {
    create: () => prefix + randomBytes(32).toString('base64url'),
    hash: (token) => createHash('sha256').update(token, 'utf8').digest('base64url') as Hash,
    looksLike: (token) => shape.test(token),
  };
}
