// Every way an access token can be wrong ends the same: HTTP 401,
// WWW-Authenticate: Bearer error="invalid_token", one UNAUTHENTICATED error,
// and never a quiet fall back to anonymous.
import { createHmac } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signup, type SignedIn } from '../helpers/accounts.js';
import { startTestServer, testSecret, type TestServer } from '../helpers/start-test-server.js';

type Json = Record<string, unknown>;

const encode = (part: Json) => Buffer.from(JSON.stringify(part)).toString('base64url');
const decode = (part: string | undefined): Json => JSON.parse(Buffer.from(part ?? '', 'base64url').toString('utf8')) as Json;

/** A compact JWS signed with HMAC over exactly the header and payload given. */
function hmacToken(header: Json, payload: Json, secret = testSecret, hash = 'sha256'): string {
  const input = `${encode(header)}.${encode(payload)}`;
  return `${input}.${createHmac(hash, secret).update(input).digest('base64url')}`;
}

describe('token tampering', () => {
  let server: TestServer;
  let alice: SignedIn;
  let header: Json;
  let claims: Json;
  beforeAll(async () => {
    server = await startTestServer();
    alice = await signup(server, 'alice@example.com');
    const [h, p] = alice.accessToken.split('.');
    header = decode(h);
    claims = decode(p);
  });
  afterAll(() => server.close());

  /** Same claims and header as Alice's real token, with `change` applied, correctly signed. */
  const resigned = (change: { header?: Json; claims?: Json; drop?: readonly string[]; dropHeader?: readonly string[] }) => {
    const h: Json = { ...header, ...change.header };
    const c: Json = { ...claims, ...change.claims };
    for (const key of change.dropHeader ?? []) delete h[key];
    for (const key of change.drop ?? []) delete c[key];
    return hmacToken(h, c);
  };

  let requestCount = 0;
  /** Refused as the contract says; `reason` (matched against the audit log) proves it was refused for the case's own cause. */
  async function expectRejected(authorization: string, reason?: RegExp) {
    const requestId = `tamper-${++requestCount}`;
    const result = await server.graphql('{ me { id } }', { headers: { authorization, 'x-request-id': requestId } });
    expect(result.status, authorization).toBe(401);
    expect(result.headers.get('www-authenticate')).toBe('Bearer error="invalid_token"');
    expect(result.body.data, authorization).toBeUndefined();
    expect(result.body.errors).toHaveLength(1);
    expect(result.body.errors?.[0]).toEqual({ message: 'Invalid or expired token', extensions: { code: 'UNAUTHENTICATED' } });
    const audit = server.logs.filter((line) => line['event'] === 'token.rejected' && line['requestId'] === requestId);
    expect(audit, authorization).toEqual([expect.objectContaining({ audit: true, actorId: null, ip: '127.0.0.1', reason: reason ? expect.stringMatching(reason) : expect.any(String) })]);
  }

  it('accepts the untouched token, and the same token re-signed by us (the control case)', async () => {
    expect((await server.graphql('{ me { id } }', { token: alice.accessToken })).body.data).toEqual({ me: { id: alice.id } });
    expect((await server.graphql('{ me { id } }', { token: resigned({}) })).body.data).toEqual({ me: { id: alice.id } });
  });

  it('alg none, with and without a signature', async () => {
    const unsigned = `${encode({ ...header, alg: 'none' })}.${encode(claims)}.`;
    await expectRejected(`Bearer ${unsigned}`, /algorithm "none"/);
    await expectRejected(`Bearer ${unsigned}${alice.accessToken.split('.')[2] ?? ''}`, /algorithm "none"/);
  });

  it('another algorithm with the same secret (HS512, HS384)', async () => {
    await expectRejected(`Bearer ${hmacToken({ ...header, alg: 'HS512' }, claims, testSecret, 'sha512')}`, /algorithm "HS512"/);
    await expectRejected(`Bearer ${jwt.sign(claims, testSecret, { algorithm: 'HS384', header: { alg: 'HS384', typ: 'at+jwt', kid: header['kid'] as string } })}`, /algorithm "HS384"/);
  });

  it('an edited payload keeping the old signature', async () => {
    const [h, , signature] = alice.accessToken.split('.');
    await expectRejected(`Bearer ${h}.${encode({ ...claims, role: 'ADMIN' })}.${signature}`, /invalid signature/);
    await expectRejected(`Bearer ${h}.${encode({ ...claims, exp: Number(claims['exp']) + 86_400 })}.${signature}`, /invalid signature/);
  });

  it('a token signed with another secret', async () => {
    await expectRejected(`Bearer ${hmacToken(header, claims, 'another-secret-that-is-at-least-32-bytes')}`, /invalid signature/);
  });

  it('wrong issuer, wrong audience', async () => {
    await expectRejected(`Bearer ${resigned({ claims: { iss: 'someone-else' } })}`, /issuer invalid/);
    await expectRejected(`Bearer ${resigned({ claims: { aud: 'another-api' } })}`, /audience invalid/);
    await expectRejected(`Bearer ${resigned({ claims: { aud: ['another-api'] } })}`, /audience invalid/);
  });

  it.each(['sub', 'role', 'sid', 'jti', 'iat', 'exp', 'iss', 'aud'])('a missing %s claim', async (claim) => {
    await expectRejected(`Bearer ${resigned({ drop: [claim] })}`, new RegExp(claim === 'iss' ? 'issuer' : claim === 'aud' ? 'audience' : claim));
  });

  it('malformed claims: unknown role, numeric sub, a session that does not exist, a subject that does not own it', async () => {
    await expectRejected(`Bearer ${resigned({ claims: { role: 'ROOT' } })}`, /role/);
    await expectRejected(`Bearer ${resigned({ claims: { sub: 42 } })}`, /sub/);
    await expectRejected(`Bearer ${resigned({ claims: { sid: '00000000-0000-7000-8000-000000000000' } })}`, /session unknown/);
    const bob = await signup(server, 'bob@example.com');
    await expectRejected(`Bearer ${resigned({ claims: { sub: bob.id } })}`, /does not own its session/);
  });

  it('a missing or wrong typ header, and an unknown kid', async () => {
    await expectRejected(`Bearer ${resigned({ dropHeader: ['typ'] })}`, /typ undefined/);
    await expectRejected(`Bearer ${resigned({ header: { typ: 'JWT' } })}`, /typ "JWT"/);
    await expectRejected(`Bearer ${resigned({ dropHeader: ['kid'] })}`, /unknown kid/);
    await expectRejected(`Bearer ${resigned({ header: { kid: 'not-our-key' } })}`, /unknown kid/);
  });

  it('expiry on the server clock: valid until exp, refused from then on', async () => {
    const expiresInMs = (Number(claims['exp']) - Number(claims['iat'])) * 1000;
    const start = server.clock.now();
    const fresh = await signup(server, 'carol@example.com');
    server.clock.advance(expiresInMs - 1_000);
    expect((await server.graphql('{ me { id } }', { token: fresh.accessToken })).body.data).toEqual({ me: { id: fresh.id } });
    server.clock.advance(1_000);
    await expectRejected(`Bearer ${fresh.accessToken}`, /jwt expired/);
    server.clock.set(start); // the other cases re-sign Alice's claims, which must stay in date
  });

  it('garbage, an empty bearer, other schemes and a refresh token in place of an access token', async () => {
    for (const authorization of ['Bearer garbage', 'Bearer a.b.c', 'Bearer ', 'Bearer', 'Basic YWxpY2U6c2VjcmV0', `Token ${alice.accessToken}`, `${alice.accessToken}`, `Bearer ${alice.refreshToken}`, `Bearer ${alice.accessToken} extra`]) {
      await expectRejected(authorization);
    }
  });

  it('refuses a bad token even on an operation that needs none, and even on a mutation', async () => {
    const result = await server.graphql('mutation { login(email: "alice@example.com", password: "correct horse battery") { accessToken } }', { headers: { authorization: 'Bearer garbage' } });
    expect(result.status).toBe(401);
    expect(result.body.data).toBeUndefined();
  });

  it('never writes the token itself to the log', async () => {
    const token = resigned({ claims: { iss: 'someone-else' } });
    await expectRejected(`Bearer ${token}`, /issuer invalid/);
    expect(JSON.stringify(server.logs)).not.toContain(token.split('.')[2]);
  });
});
