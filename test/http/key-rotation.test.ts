// Rotating JWT_SECRET or JWT_PRIVATE_KEY: the old one, moved to
// JWT_SECRET_PREVIOUS / JWT_PRIVATE_KEY_PREVIOUS, still verifies the tokens it
// signed (nobody is signed out), and once it is removed those tokens are
// refused. Three app instances over one database file, as a real rotation
// would restart the server.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRemoteJWKSet, jwtVerify } from 'jose';
import jwt from 'jsonwebtoken';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { refresh, signup } from '../helpers/accounts.js';
import { resignToken } from '../helpers/resign-token.js';
import { createFakeClock } from '../helpers/fake-clock.js';
import { privateKeyPem, signingWith } from '../helpers/private-keys.js';
import { auditEvents, meStatus } from '../helpers/session-queries.js';
import { startTestServer, type TestServer } from '../helpers/start-test-server.js';

const oldSecret = 'the-old-secret-that-is-at-least-32-bytes!!';
const newSecret = 'the-new-secret-that-is-at-least-32-bytes!!';
const kidOf = (token: string) => (jwt.decode(token, { complete: true })?.header as { kid?: string } | undefined)?.kid;

describe('signing key rotation with JWT_SECRET_PREVIOUS', () => {
  const directory = mkdtempSync(join(tmpdir(), 'key-rotation-'));
  const clock = createFakeClock(); // one clock across the restarts: no token expires meanwhile
  const start = (env: Record<string, string>) => startTestServer({ clock, env: { DATABASE_URL: `file:${join(directory, 'app.db')}`, ...env } });
  let server: TestServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });
  afterAll(() => rmSync(directory, { recursive: true, force: true }));

  it('accepts tokens of the previous secret while it is configured, and refuses them after', async () => {
    server = await start({ JWT_SECRET: oldSecret });
    const signedOld = await signup(server, 'rotating@example.com');
    await server.close();

    server = await start({ JWT_SECRET: newSecret, JWT_SECRET_PREVIOUS: oldSecret });
    expect(await meStatus(server, signedOld.accessToken)).toBe(200); // same session, verified with the previous key
    const refreshed = (await refresh(server, signedOld.refreshToken)).body.data?.['refreshToken'] as { accessToken: string; refreshToken: string };
    expect(kidOf(refreshed.accessToken)).not.toBe(kidOf(signedOld.accessToken)); // new tokens are signed with the new key
    expect(await meStatus(server, refreshed.accessToken)).toBe(200);
    await server.close();

    server = await start({ JWT_SECRET: newSecret });
    expect(await meStatus(server, signedOld.accessToken)).toBe(401);
    expect(auditEvents(server, 'token.rejected').at(-1)).toMatchObject({ reason: `unknown kid "${kidOf(signedOld.accessToken)}"` });
    expect(await meStatus(server, refreshed.accessToken)).toBe(200);
    // Refresh tokens are opaque and stored hashed, not signed: a key change never touches them.
    expect((await refresh(server, refreshed.refreshToken)).body.errors).toBeUndefined();
  });

  it('refuses a token signed with a secret it was never given, previous or not', async () => {
    server = await start({ JWT_SECRET: newSecret, JWT_SECRET_PREVIOUS: oldSecret });
    const user = await signup(server, 'stranger-key@example.com');
    const foreign = resignToken(user.accessToken, { secret: 'some-third-secret-that-is-32-bytes-long!!' });
    expect(await meStatus(server, foreign)).toBe(401);
    expect(auditEvents(server, 'token.rejected').at(-1)).toMatchObject({ reason: 'invalid signature' });
  });
});

describe('private key rotation with JWT_PRIVATE_KEY_PREVIOUS', () => {
  const directory = mkdtempSync(join(tmpdir(), 'private-key-rotation-'));
  const clock = createFakeClock();
  const start = (env: Record<string, string>) => startTestServer({ clock, env: { DATABASE_URL: `file:${join(directory, 'app.db')}`, ...env } });
  const oldKey = privateKeyPem('ed25519');
  const newKey = privateKeyPem('p256'); // a rotation may change the algorithm too
  const publishedKids = async (server: TestServer) => ((await (await server.fetch('/.well-known/jwks.json')).json()) as { keys: Array<{ kid: string }> }).keys.map((k) => k.kid);
  const verifyRemotely = (server: TestServer, token: string) =>
    jwtVerify(token, createRemoteJWKSet(new URL(`${server.url}/.well-known/jwks.json`)), { issuer: 'graphql-auth', audience: 'graphql-auth', currentDate: new Date(clock.now()) });
  let server: TestServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });
  afterAll(() => rmSync(directory, { recursive: true, force: true }));

  it('keeps tokens of the previous key valid (here and for resource servers) while it is set, and refuses them after', async () => {
    server = await start(signingWith(oldKey));
    const signedOld = await signup(server, 'rotating-key@example.com');
    await server.close();

    server = await start(signingWith(newKey, oldKey));
    expect(await meStatus(server, signedOld.accessToken)).toBe(200); // nobody is signed out
    const refreshed = (await refresh(server, signedOld.refreshToken)).body.data?.['refreshToken'] as { accessToken: string; refreshToken: string };
    expect(kidOf(refreshed.accessToken)).not.toBe(kidOf(signedOld.accessToken));
    expect(await publishedKids(server)).toEqual([kidOf(refreshed.accessToken), kidOf(signedOld.accessToken)]);
    // A resource server verifies both from the JWKS alone.
    expect((await verifyRemotely(server, signedOld.accessToken)).protectedHeader.alg).toBe('EdDSA');
    expect((await verifyRemotely(server, refreshed.accessToken)).protectedHeader.alg).toBe('ES256');
    await server.close();

    server = await start(signingWith(newKey));
    expect(await meStatus(server, signedOld.accessToken)).toBe(401);
    // No key of the old one's algorithm is left at all.
    expect(auditEvents(server, 'token.rejected').at(-1)).toMatchObject({ reason: 'algorithm "EdDSA" is not accepted' });
    expect(await publishedKids(server)).toEqual([kidOf(refreshed.accessToken)]);
    expect(await meStatus(server, refreshed.accessToken)).toBe(200);
  });

  it('moves from HS256 to a private key without signing anyone out: the old secret as JWT_SECRET_PREVIOUS', async () => {
    server = await start({ JWT_SECRET: oldSecret });
    const signedWithSecret = await signup(server, 'moving-to-keys@example.com');
    await server.close();

    server = await start({ ...signingWith(newKey), JWT_SECRET_PREVIOUS: oldSecret });
    expect(await meStatus(server, signedWithSecret.accessToken)).toBe(200);
    // The secret is never published: only the public key is.
    expect(await publishedKids(server)).toHaveLength(1);
    const refreshed = (await refresh(server, signedWithSecret.refreshToken)).body.data?.['refreshToken'] as { accessToken: string };
    expect(jwt.decode(refreshed.accessToken, { complete: true })?.header.alg).toBe('ES256');
  });
});
