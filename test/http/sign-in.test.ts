import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codeOf, defaultPassword, login, signup } from '../helpers/accounts.js';
import { startTestServer, testSecret, type TestServer } from '../helpers/start-test-server.js';

describe('signup, login and me over HTTP', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  it('signs up with a normalised email and returns working tokens', async () => {
    const alice = await signup(server, '  Alice@Example.COM ');
    expect(alice.email).toBe('alice@example.com');
    const me = await server.graphql('{ me { id email role } }', { token: alice.accessToken });
    expect(me.status).toBe(200);
    expect(me.body.data?.['me']).toEqual({ id: alice.id, email: 'alice@example.com', role: 'USER' });
  });

  it('refuses a second account for the same email in another case', async () => {
    const result = await server.graphql('mutation { signup(email: "ALICE@example.com", password: "another password") { accessToken } }');
    expect(codeOf(result)).toBe('BAD_USER_INPUT');
    expect(result.body.errors?.[0]?.extensions?.['field']).toBe('email');
  });

  it('logs in case-insensitively and answers wrong password and unknown email alike', async () => {
    const again = await login(server, 'ALICE@example.com', defaultPassword);
    expect(again.accessToken).toMatch(/^ey/);
    const wrong = await server.graphql('mutation { login(email: "alice@example.com", password: "wrong password") { accessToken } }');
    const unknown = await server.graphql('mutation { login(email: "nobody@example.com", password: "wrong password") { accessToken } }');
    expect(codeOf(wrong)).toBe('UNAUTHENTICATED');
    expect(unknown.body.errors?.[0]?.message).toBe(wrong.body.errors?.[0]?.message);
  });

  it('issues tokens exactly as the contract says: Bearer, expiresIn, JWT header and claims, one session per login', async () => {
    const result = await server.graphql('mutation { login(email: "alice@example.com", password: "correct horse battery") { accessToken refreshToken tokenType expiresIn user { id } } }');
    const payload = result.body.data?.['login'] as { accessToken: string; refreshToken: string; tokenType: string; expiresIn: number; user: { id: string } };
    expect(payload.tokenType).toBe('Bearer');
    expect(payload.expiresIn).toBe(900);
    expect(payload.refreshToken).toMatch(/^rt_[A-Za-z0-9_-]{43}$/);
    const [header, claims] = payload.accessToken.split('.').slice(0, 2).map((part) => JSON.parse(Buffer.from(part, 'base64url').toString()) as Record<string, unknown>);
    // The kid names the signing secret without revealing it: a digest of it (credentials/access-tokens.ts).
    expect(header).toEqual({ alg: 'HS256', typ: 'at+jwt', kid: createHash('sha256').update(`kid:${testSecret}`).digest('base64url').slice(0, 12) });
    expect(Object.keys(claims ?? {}).sort()).toEqual(['aud', 'exp', 'iat', 'iss', 'jti', 'role', 'sid', 'sub']);
    expect(claims).toMatchObject({ sub: payload.user.id, role: 'USER', iss: 'graphql-auth', aud: 'graphql-auth', exp: Number(claims?.['iat']) + 900 });
    const another = await login(server, 'alice@example.com');
    const sidOf = (token: string) => (JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString()) as { sid: string }).sid;
    expect(sidOf(another.accessToken)).not.toBe(claims?.['sid']);
  });

  it('answers me with null and no error for an anonymous caller', async () => {
    const result = await server.graphql('{ me { id } }');
    expect(result.body).toEqual({ data: { me: null } });
  });
});
