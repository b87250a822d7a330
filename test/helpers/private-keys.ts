// Private keys for JWT_PRIVATE_KEY, made fresh per test run (nothing secret is
// checked in), as PKCS#8 PEM text.
import { generateKeyPairSync } from 'node:crypto';

export type KeyKind = 'ed25519' | 'p256' | 'rsa2048' | 'rsa1024' | 'p384' | 'ed448';

export function privateKeyPem(kind: KeyKind, format: 'pkcs8' | 'pkcs1' | 'sec1' = 'pkcs8'): string {
  const pair =
    kind === 'ed25519' ? generateKeyPairSync('ed25519')
    : kind === 'ed448' ? generateKeyPairSync('ed448')
    : kind === 'p256' ? generateKeyPairSync('ec', { namedCurve: 'P-256' })
    : kind === 'p384' ? generateKeyPairSync('ec', { namedCurve: 'P-384' })
    : generateKeyPairSync('rsa', { modulusLength: kind === 'rsa2048' ? 2048 : 1024 });
  return pair.privateKey.export({ format: 'pem', type: format } as { format: 'pem'; type: 'pkcs8' }).toString();
}

/** The settings that make a test server sign with `pem` (JWT_SECRET cleared: the two exclude each other). */
export const signingWith = (pem: string, previous?: string): Record<string, string> => ({
  JWT_SECRET: '',
  JWT_PRIVATE_KEY: pem,
  ...(previous === undefined ? {} : { JWT_PRIVATE_KEY_PREVIOUS: previous }),
});
