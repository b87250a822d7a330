// Encryption at rest for secrets the server must read back (TOTP seeds): a
// stolen database, or backup, holds nothing a code can be made from without
// the key. AES-256-GCM with a fresh 96-bit nonce per secret; the owner's id is
// bound in as associated data, so a ciphertext copied onto another account's
// row does not decrypt there.
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

export interface SecretBox {
  /** Names the key: stored beside each ciphertext so a boot check can tell which key a database needs. */
  readonly keyId: string;
  /** How every text sealed under this key starts: a query can find those sealed under another. */
  readonly prefix: string;
  seal(plaintext: string, boundTo: string): string;
  /** The plaintext, or undefined when the text was sealed under another key, for another owner, or altered. */
  open(sealed: string, boundTo: string): string | undefined;
}

const version = 'v1';

/** Derived from the key, never the key: safe to store and to print. */
export const keyIdOf = (key: Buffer): string => createHash('sha256').update('mfa-key-id:').update(key).digest('base64url').slice(0, 12);

export function createSecretBox(key: Buffer): SecretBox {
  if (key.length !== 32) throw new Error('an AES-256-GCM key is 32 bytes');
  const keyId = keyIdOf(key);
  return {
    keyId,
    prefix: `${version}.${keyId}.`,
    seal(plaintext, boundTo) {
      const nonce = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, nonce);
      cipher.setAAD(Buffer.from(boundTo, 'utf8'));
      const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final(), cipher.getAuthTag()]);
      return [version, keyId, nonce.toString('base64url'), body.toString('base64url')].join('.');
    },
    open(sealed, boundTo) {
      const [v, id, nonceText, bodyText, extra] = sealed.split('.');
      if (v !== version || id !== keyId || nonceText === undefined || bodyText === undefined || extra !== undefined) return undefined;
      const nonce = Buffer.from(nonceText, 'base64url');
      const body = Buffer.from(bodyText, 'base64url');
      if (nonce.length !== 12 || body.length < 16) return undefined;
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, nonce);
        decipher.setAAD(Buffer.from(boundTo, 'utf8'));
        decipher.setAuthTag(body.subarray(body.length - 16));
        return Buffer.concat([decipher.update(body.subarray(0, body.length - 16)), decipher.final()]).toString('utf8');
      } catch {
        return undefined; // the tag did not verify
      }
    },
  };
}
