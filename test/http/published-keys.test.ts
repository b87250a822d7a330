// Signing with a private key: the algorithm follows the key, the kid is the
// key's RFC 7638 thumbprint, and another service verifies our tokens with
// the published keys alone (jose's createRemoteJWKSet, not our code).
import { createHmac, createPrivateKey, createPublicKey } from 'node:crypto';
import { calculateJwkThumbprint, createRemoteJWKSet, decodeProtectedHeader, exportJWK, importPKCS8, jwtVerify, SignJWT, type JWK } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signup, type SignedIn } from '../helpers/accounts.js';
import { privateKeyPem, signingWith, type KeyKind } from '../helpers/private-keys.js';
import { auditEvents, meStatus } from '../helpers/session-queries.js';
import { startTestServer, type TestServer } from '../helpers/start-test-server.js';

const jwksPath = '/.well-known/jwks.json';
const privateMembers = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'oth', 'k'];
const decode = (part: string | undefined) => JSON.parse(Buffer.from(part ?? '', 'base64url').toString('utf8')) as Record<string, unknown>;

const thumbprintOf = async (pem: string) => calculateJwkThumbprint(await exportJWK(createPublicKey(createPrivateKey(pem))), 'sha256');

describe.each<{ kind: KeyKind; alg: string; kty: string }>([
  { kind: 'ed25519', alg: 'EdDSA', kty: 'OKP' },
  { kind: 'p256', alg: 'ES256', kty: 'EC' },
  { kind: 'rsa2048', alg: 'RS256', kty: 'RSA' },
])('signing with an $kind private key', ({ kind, alg, kty }) => {
  const pem = privateKeyPem(kind);
  let server: TestServer;
  let alice: SignedIn;
  beforeAll(async () => {
    server = await startTestServer({ env: signingWith(pem) });
    alice = await signup(server, `${kind}@example.com`);
  });
  afterAll(() => server.close());

  it(`signs ${alg} with typ at+jwt and the key's thumbprint as kid`, async () => {
    expect(decodeProtectedHeader(alice.accessToken)).toEqual({ alg, typ: 'at+jwt', kid: await thumbprintOf(pem) });
    expect(await meStatus(server, alice.accessToken)).toBe(200);
  });

  it('publishes the public key, and nothing private, with a Cache-Control resource servers can keep', async () => {
    const response = await server.fetch(jwksPath);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('public, max-age=600');
    expect(response.headers.get('content-type')).toBe('application/jwk-set+json; charset=utf-8');
    const { keys } = (await response.json()) as { keys: JWK[] };
    expect(keys).toHaveLength(1);
    expect(keys[0]).toMatchObject({ kty, alg, use: 'sig', kid: await thumbprintOf(pem) });
    for (const member of privateMembers) expect(keys[0], member).not.toHaveProperty(member);
    expect((await server.fetch(jwksPath, { method: 'HEAD' })).status).toBe(200);
    expect((await server.fetch(jwksPath, { method: 'POST' })).status).toBe(405);
  });

  it('another service verifies the token from the JWKS alone, with jose', async () => {
    const keys = createRemoteJWKSet(new URL(`${server.url}${jwksPath}`));
    const { payload, protectedHeader } = await jwtVerify(alice.accessToken, keys, { issuer: 'graphql-auth', audience: 'graphql-auth', typ: 'at+jwt', currentDate: new Date(server.clock.now()) });
    expect(payload).toMatchObject({ sub: alice.id, role: 'USER' });
    expect(protectedHeader.alg).toBe(alg);
  });

  it('refuses a token signed by another key of the same kind that claims our kid', async () => {
    const [header, payload] = alice.accessToken.split('.');
    const forged = await new SignJWT(decode(payload)).setProtectedHeader(decode(header) as { alg: string }).sign(await importPKCS8(privateKeyPem(kind), alg));
    expect(await meStatus(server, forged)).toBe(401);
    expect(auditEvents(server, 'token.rejected').at(-1)).toMatchObject({ reason: 'invalid signature' });
  });

  it('refuses HS256 keyed with the public key (algorithm confusion)', async () => {
    const [header, payload] = alice.accessToken.split('.');
    const publicPem = createPublicKey(createPrivateKey(pem)).export({ format: 'pem', type: 'spki' }).toString();
    const input = `${Buffer.from(JSON.stringify({ ...decode(header), alg: 'HS256' })).toString('base64url')}.${payload}`;
    const confused = `${input}.${createHmac('sha256', publicPem).update(input).digest('base64url')}`;
    expect(await meStatus(server, confused)).toBe(401);
    expect(auditEvents(server, 'token.rejected').at(-1)).toMatchObject({ reason: 'algorithm "HS256" is not accepted' });
  });

  it('never writes the private key to the log', () => {
    const body = pem.split('\n').slice(1, -2).join('');
    const lines = JSON.stringify(server.logs);
    for (let i = 0; i + 24 <= body.length; i += 24) expect(lines).not.toContain(body.slice(i, i + 24));
  });
});

describe('signing with JWT_SECRET (HS256, the default)', () => {
  it('publishes nothing: the JWKS path is a 404', async () => {
    const server = await startTestServer();
    try {
      expect((await server.fetch(jwksPath)).status).toBe(404);
      const user = await signup(server, 'hs256@example.com');
      expect(decodeProtectedHeader(user.accessToken)).toMatchObject({ alg: 'HS256', typ: 'at+jwt' });
    } finally {
      await server.close();
    }
  });
});
