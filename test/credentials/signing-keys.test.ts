// A private key the server cannot sign with stops the boot with a message that
// names the setting and says what to do, and never repeats the value (which
// may be the key itself).
import { generateKeyPairSync } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadTokenKeys } from '../../src/credentials/signing-keys.js';
import { ConfigError, loadConfig } from '../../src/platform/config.js';
import { privateKeyPem } from '../helpers/private-keys.js';
import { tempDirectory } from '../helpers/run-process.js';

const directory = tempDirectory('signing-keys-');
afterAll(() => directory.remove());

const load = (privateKey: string, previousPrivateKey?: string) => loadTokenKeys({ secret: undefined, previousSecret: undefined, privateKey, previousPrivateKey });

async function refusal(privateKey: string, previousPrivateKey?: string): Promise<string> {
  const error: unknown = await load(privateKey, previousPrivateKey).then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(ConfigError);
  const message = (error as ConfigError).message;
  // Nothing of the value comes back, not even a line of it.
  for (const line of (previousPrivateKey ?? privateKey).split('\n')) if (line.length > 20 && !line.startsWith('-----')) expect(message).not.toContain(line);
  return message;
}

const ed25519 = privateKeyPem('ed25519');
const rsaPublic = generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey.export({ format: 'pem', type: 'spki' }).toString();
const encrypted = generateKeyPairSync('ed25519').privateKey.export({ format: 'pem', type: 'pkcs8', cipher: 'aes-256-cbc', passphrase: 'secret' }).toString();
const rawBase64 = ed25519.split('\n').slice(1, -2).join('');

describe('loading JWT_PRIVATE_KEY', () => {
  it.each([
    { why: 'a value that is neither a PEM nor a readable file (a bare base64 key)', value: rawBase64, says: /^JWT_PRIVATE_KEY: is neither an inline PEM .* nor the path of a readable file \(ENOENT\)$/ },
    { why: 'a PEM whose body is not a key', value: '-----BEGIN PRIVATE KEY-----\nbm90IGEga2V5\n-----END PRIVATE KEY-----\n', says: /^JWT_PRIVATE_KEY: the PEM does not hold a valid PKCS#8 private key$/ },
    { why: 'a public key', value: rsaPublic, says: /^JWT_PRIVATE_KEY: a "PUBLIC KEY" PEM; a PKCS#8 "PRIVATE KEY" is needed$/ },
    { why: 'an encrypted key', value: encrypted, says: /^JWT_PRIVATE_KEY: an encrypted key cannot be used/ },
    { why: 'a PKCS#1 RSA key', value: privateKeyPem('rsa2048', 'pkcs1'), says: /^JWT_PRIVATE_KEY: a PKCS#1\/SEC1 "RSA PRIVATE KEY" PEM; .*openssl pkcs8 -topk8/ },
    { why: 'a SEC1 EC key', value: privateKeyPem('p256', 'sec1'), says: /^JWT_PRIVATE_KEY: a PKCS#1\/SEC1 "EC PRIVATE KEY" PEM/ },
    { why: 'an RSA key under 2048 bits', value: privateKeyPem('rsa1024'), says: /^JWT_PRIVATE_KEY: an RSA key of 1024 bits is too small; use at least 2048 bits/ },
    { why: 'an EC key on P-384', value: privateKeyPem('p384'), says: /^JWT_PRIVATE_KEY: an EC key on secp384r1 cannot sign access tokens; use Ed25519 \(EdDSA\), P-256 \(ES256\) or RSA/ },
    { why: 'an Ed448 key', value: privateKeyPem('ed448'), says: /^JWT_PRIVATE_KEY: a key of type ed448 cannot sign access tokens/ },
  ])('refuses $why, naming the setting', async ({ value, says }) => {
    expect(await refusal(value)).toMatch(says);
  });

  it('names JWT_PRIVATE_KEY_PREVIOUS when that one is the bad key', async () => {
    expect(await refusal(ed25519, privateKeyPem('rsa1024'))).toMatch(/^JWT_PRIVATE_KEY_PREVIOUS: an RSA key of 1024 bits is too small/);
  });

  it('reads the key from a file when given a path, and inline otherwise, to the same kid', async () => {
    const path = join(directory.path, 'key.pem');
    writeFileSync(path, ed25519, { mode: 0o600 });
    const fromFile = await load(path);
    const inline = await load(ed25519);
    expect(fromFile.signing).toMatchObject({ alg: 'EdDSA', kid: inline.signing.kid });
    expect(fromFile.published).toEqual(inline.published);
  });

  it('publishes the previous key beside the current one, and an HS256 previous secret never', async () => {
    const previous = privateKeyPem('rsa2048');
    const keys = await loadTokenKeys({ secret: undefined, previousSecret: 'an-old-secret-that-is-at-least-32-bytes!!', privateKey: ed25519, previousPrivateKey: previous });
    expect([...keys.verifying.values()].map((k) => k.alg)).toEqual(['EdDSA', 'RS256', 'HS256']);
    expect(keys.published.map((k) => k.alg)).toEqual(['EdDSA', 'RS256']);
  });
});

describe('the JWT settings together', () => {
  it('refuses JWT_SECRET and JWT_PRIVATE_KEY at once, saying how to move from one to the other', () => {
    expect(() => loadConfig({ JWT_SECRET: 'x'.repeat(32), JWT_PRIVATE_KEY: ed25519 })).toThrow(/JWT_SECRET and JWT_PRIVATE_KEY are both set: set one .*JWT_SECRET_PREVIOUS/);
  });

  it('lets production start with a private key and no JWT_SECRET', () => {
    const config = loadConfig({ NODE_ENV: 'production', JWT_PRIVATE_KEY: ed25519 });
    expect(config.jwt).toMatchObject({ secret: undefined, secretGenerated: false, privateKey: ed25519.trim() });
  });
});
