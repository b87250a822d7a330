// Recovery codes: what a user who lost their authenticator signs in with,
// each good once. 80 random bits in Crockford base32, shown grouped as
// XXXX-XXXX-XXXX-XXXX; stored only as SHA-256 digests (random codes leave
// nothing to brute-force, so a slow hash would buy nothing).
import { createHash, randomBytes } from 'node:crypto';
import type { RecoveryCodeHash } from '../platform/ids.js';

const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'; // Crockford: no I, L, O, U
const length = 16;

function newRecoveryCode(): string {
  const bytes = randomBytes(10); // 80 bits, 5 bits per character
  let bits = 0;
  let value = 0;
  let code = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      code += alphabet[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  return code.match(/.{4}/g)?.join('-') ?? code;
}


/**
 * A code as typed back to its canonical form: case, spaces and dashes do not
 * matter, and the letters Crockford reads as digits (O, I, L) are taken as
 * those digits. Undefined when it cannot be a recovery code.
 */
export function normalizeRecoveryCode(typed: string): string | undefined {
  const canonical = typed
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  return canonical.length === length && [...canonical].every((c) => alphabet.includes(c)) ? canonical : undefined;
}

export const hashRecoveryCode = (normalized: string): RecoveryCodeHash => createHash('sha256').update(`recovery:${normalized}`).digest('base64url') as RecoveryCodeHash;

/** `count` new codes: as shown to the user (once), and as stored. */
export function newRecoveryCodes(count: number): { readonly shown: string[]; readonly hashes: RecoveryCodeHash[] } {
  const shown = Array.from({ length: count }, newRecoveryCode);
  return { shown, hashes: shown.map((code) => hashRecoveryCode(code.replace(/-/g, ''))) };
}
