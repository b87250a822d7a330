// The keys access tokens are signed and verified with, loaded and checked once
// at start. HS256 with JWT_SECRET by default; with JWT_PRIVATE_KEY the
// algorithm follows the key (Ed25519 → EdDSA, P-256 → ES256, RSA ≥ 2048 bits →
// RS256), its kid is its RFC 7638 thumbprint, and its public part is published
// (JWKS) so other services can verify without being able to sign. A key that
// cannot be used stops the boot with a message naming the setting; the message
// never repeats the setting's value, which may be the key itself.
import { createHash, createPrivateKey, createPublicKey, webcrypto, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { calculateJwkThumbprint, exportJWK, importPKCS8, importSPKI, type JWK } from 'jose';
import { ConfigError } from '../platform/config.js';

export type SigningAlgorithm = 'HS256' | 'EdDSA' | 'ES256' | 'RS256';

/** A key a token may name in its `kid`: the algorithm it is pinned to and what checks the signature. */
export interface VerificationKey {
  readonly kid: string;
  readonly alg: SigningAlgorithm;
  readonly verifyWith: webcrypto.CryptoKey;
}

export interface SigningKey extends VerificationKey {
  readonly signWith: webcrypto.CryptoKey;
}

export interface TokenKeys {
  /** Signs every new token. */
  readonly signing: SigningKey;
  /** Every key a token may name, by kid: the signing key and the previous ones. */
  readonly verifying: ReadonlyMap<string, VerificationKey>;
  /** The public keys for GET /.well-known/jwks.json; empty when signing is HS256 (nothing can be published). */
  readonly published: readonly JWK[];
  /**
   * Secret bytes as stable as the signing key (a digest of it), for keys that
   * must agree across instances and restarts without a setting of their own
   * (passkey decoys). Never a signing key itself.
   */
  readonly seed: Buffer;
}

export interface TokenKeySettings {
  readonly secret: string | undefined;
  readonly previousSecret: string | undefined;
  /** A PKCS#8 PEM, or the path of a file holding one. */
  readonly privateKey: string | undefined;
  readonly previousPrivateKey: string | undefined;
}

const hmac = { name: 'HMAC', hash: 'SHA-256' } as const;

// The kid is a digest of the secret, so rotating the secret rotates the kid and
// a token always says which key to check it with.
async function secretKey(secret: string): Promise<SigningKey> {
  const key = await webcrypto.subtle.importKey('raw', Buffer.from(secret, 'utf8'), hmac, false, ['sign', 'verify']);
  return { kid: createHash('sha256').update(`kid:${secret}`).digest('base64url').slice(0, 12), alg: 'HS256', signWith: key, verifyWith: key };
}

const convertHint = 'convert it with `openssl pkcs8 -topk8 -nocrypt -in old.pem -out key.pem`';

/** The PEM text of the setting: inline, or read from the file it names. */
function pemOf(value: string, setting: string): string {
  if (value.startsWith('-----BEGIN')) return value;
  try {
    return readFileSync(value, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unreadable';
    throw new ConfigError(`${setting}: is neither an inline PEM ("-----BEGIN PRIVATE KEY-----…") nor the path of a readable file (${code})`);
  }
}

function parsePrivateKey(pem: string, setting: string): KeyObject {
  const label = /-----BEGIN ([A-Z0-9 ]+)-----/.exec(pem)?.[1];
  if (label === undefined) throw new ConfigError(`${setting}: not a PEM (expected "-----BEGIN PRIVATE KEY-----")`);
  if (label === 'ENCRYPTED PRIVATE KEY') throw new ConfigError(`${setting}: an encrypted key cannot be used; give it unencrypted (openssl pkcs8 -in encrypted.pem -out key.pem), readable only by the server`);
  if (label === 'RSA PRIVATE KEY' || label === 'EC PRIVATE KEY') throw new ConfigError(`${setting}: a PKCS#1/SEC1 "${label}" PEM; a PKCS#8 "PRIVATE KEY" is needed: ${convertHint}`);
  if (label !== 'PRIVATE KEY') throw new ConfigError(`${setting}: a "${label}" PEM; a PKCS#8 "PRIVATE KEY" is needed`);
  try {
    return createPrivateKey({ key: pem, format: 'pem' });
  } catch {
    throw new ConfigError(`${setting}: the PEM does not hold a valid PKCS#8 private key`);
  }
}

function algorithmOf(key: KeyObject, setting: string): SigningAlgorithm {
  const type = key.asymmetricKeyType;
  const details = key.asymmetricKeyDetails;
  if (type === 'ed25519') return 'EdDSA';
  if (type === 'ec' && details?.namedCurve === 'prime256v1') return 'ES256';
  if (type === 'rsa') {
    const bits = details?.modulusLength ?? 0;
    if (bits < 2048) throw new ConfigError(`${setting}: an RSA key of ${bits} bits is too small; use at least 2048 bits (or Ed25519)`);
    return 'RS256';
  }
  const kind = type === 'ec' ? `an EC key on ${details?.namedCurve ?? 'an unknown curve'}` : `a key of type ${type ?? 'secret'}`;
  throw new ConfigError(`${setting}: ${kind} cannot sign access tokens; use Ed25519 (EdDSA), P-256 (ES256) or RSA of at least 2048 bits (RS256)`);
}

interface AsymmetricKey {
  readonly key: SigningKey;
  readonly jwk: JWK;
  readonly seed: Buffer;
}

const seedOf = (material: Buffer | string): Buffer => createHash('sha256').update('graphql-auth seed:').update(material).digest();

async function asymmetricKey(value: string, setting: string): Promise<AsymmetricKey> {
  const pem = pemOf(value, setting);
  const privateKey = parsePrivateKey(pem, setting);
  const alg = algorithmOf(privateKey, setting);
  const publicKey = createPublicKey(privateKey);
  const verifyWith = await importSPKI(publicKey.export({ format: 'pem', type: 'spki' }) as string, alg);
  const publicJwk = await exportJWK(publicKey);
  const kid = await calculateJwkThumbprint(publicJwk, 'sha256');
  const signWith = await importPKCS8(privateKey.export({ format: 'pem', type: 'pkcs8' }) as string, alg);
  return { key: { kid, alg, signWith, verifyWith }, jwk: { ...publicJwk, kid, alg, use: 'sig' }, seed: seedOf(privateKey.export({ format: 'der', type: 'pkcs8' })) };
}

const verificationOnly = ({ kid, alg, verifyWith }: VerificationKey): VerificationKey => ({ kid, alg, verifyWith });

export async function loadTokenKeys(settings: TokenKeySettings): Promise<TokenKeys> {
  const current = settings.privateKey === undefined ? undefined : await asymmetricKey(settings.privateKey, 'JWT_PRIVATE_KEY');
  const previous = settings.previousPrivateKey === undefined ? undefined : await asymmetricKey(settings.previousPrivateKey, 'JWT_PRIVATE_KEY_PREVIOUS');
  let signing: SigningKey;
  if (current) signing = current.key;
  else if (settings.secret !== undefined) signing = await secretKey(settings.secret);
  else throw new ConfigError('JWT_SECRET or JWT_PRIVATE_KEY must be set');
  const verifying = new Map<string, VerificationKey>([[signing.kid, signing]]);
  // The previous ones only verify: a token of theirs stays good until it expires.
  for (const older of [previous?.key, settings.previousSecret === undefined ? undefined : await secretKey(settings.previousSecret)]) {
    if (older && !verifying.has(older.kid)) verifying.set(older.kid, verificationOnly(older));
  }
  // What is published is what may verify: a previous key stays listed until it is removed.
  const published = current ? [current.jwk, ...(previous && previous.key.kid !== current.key.kid ? [previous.jwk] : [])] : [];
  return { signing, verifying, published, seed: current ? current.seed : seedOf(settings.secret ?? '') };
}
