// Step-up through the real server (issue 17): a field declared
// @auth(fresh: "5m") refuses a caller whose last proof is older with
// REAUTHENTICATION_REQUIRED; reauthenticate proves again (the password, or
// with two-step sign-in on a code) and gives new tokens in the same session;
// access tokens carry auth_time and amr (RFC 8176), and a refresh keeps them.
import jwt from 'jsonwebtoken';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codeOf, defaultPassword, refresh, signup, signupAdmin, type SignedIn } from '../helpers/accounts.js';
import { loginFrom, mfaTokenOf, signupWithTotp, stepMs, totpCode, verifyMfaFrom } from '../helpers/mfa.js';
import { auditEvents, pairOf } from '../helpers/session-queries.js';
import { readAccessDirectives } from '../../src/access/read-access-directives.js';
import { buildSchema, loadTypeDefs } from '../../src/resolvers/build-schema.js';
import { startTestServer, type GraphqlResult, type TestServer } from '../helpers/start-test-server.js';

const minutes = (n: number) => n * 60_000;
const claimsOf = (token: string) => jwt.decode(token) as { sid: string; auth_time: number; amr: string[]; iat: number };
const reauthenticateMutation = 'mutation($p: String, $c: String) { reauthenticate(password: $p, code: $c) { accessToken refreshToken user { id } } }';
const changePassword = (next: string) => `mutation { changePassword(currentPassword: "${defaultPassword}", newPassword: "${next}") }`;

describe('step-up', () => {
  let server: TestServer;
  beforeAll(async () => {
    // reauthenticate's own limit (5 per 15 minutes per user) is not under test here.
    server = await startTestServer({ env: { TRUST_PROXY: '1', RATE_LIMIT_SIGNUP: 'off', RATE_LIMIT_REAUTHENTICATE: '20/15m' } });
  });
  afterAll(() => server.close());

  const reauthenticate = (token: string, variables: { p?: string; c?: string }) => server.graphql(reauthenticateMutation, { token, variables });
  const tokensOf = (result: GraphqlResult) => result.body.data?.['reauthenticate'] as { accessToken: string; refreshToken: string };

  it('refuses a fresh field once the last proof is older than its window, and reauthenticate opens it in the same session', async () => {
    const alice = await signup(server, 'alice@example.com');
    server.clock.advance(minutes(5) + 1000);
    const refused = await server.graphql(changePassword('a brand new password'), { token: alice.accessToken });
    expect(refused.status).toBe(200);
    expect(refused.body).toEqual({
      data: null,
      errors: [expect.objectContaining({ path: ['changePassword'], message: 'Confirm it is you (reauthenticate), then try again', extensions: { code: 'REAUTHENTICATION_REQUIRED', maxAge: 300 } })],
    });
    expect(auditEvents(server, 'access.denied').at(-1)).toMatchObject({ actorId: alice.id, field: 'Mutation.changePassword', code: 'REAUTHENTICATION_REQUIRED', rule: '@auth(requires: USER, fresh: "5m")' });

    const renewed = await reauthenticate(alice.accessToken, { p: defaultPassword });
    expect(renewed.body.errors).toBeUndefined();
    const { accessToken, refreshToken } = tokensOf(renewed);
    expect(claimsOf(accessToken).sid).toBe(claimsOf(alice.accessToken).sid);
    expect(claimsOf(accessToken)).toMatchObject({ amr: ['pwd'], auth_time: Math.floor(server.clock.now() / 1000) });
    expect(auditEvents(server, 'reauthenticated').at(-1)).toMatchObject({ actorId: alice.id, amr: ['pwd'] });
    expect((await server.graphql(changePassword('a brand new password'), { token: accessToken })).body.data).toEqual({ changePassword: true });
    // The old access token still carries the old proof; the old refresh token was replaced.
    expect(codeOf(await server.graphql(`mutation { deleteUser(id: "${alice.id}") }`, { token: alice.accessToken }))).toBe('REAUTHENTICATION_REQUIRED');
    server.clock.advance(minutes(1));
    expect(codeOf(await refresh(server, alice.refreshToken))).toBe('UNAUTHENTICATED');
    expect(codeOf(await refresh(server, refreshToken))).toBe('UNAUTHENTICATED'); // reuse of the old one ended the session
  });

  it('keeps the proof\'s time through a refresh: refreshing proves nothing', async () => {
    const bob = await signup(server, 'bob@example.com');
    server.clock.advance(minutes(6));
    const refreshed = pairOf(await refresh(server, bob.refreshToken));
    expect(claimsOf(refreshed.accessToken)).toMatchObject({ amr: ['pwd'], auth_time: claimsOf(bob.accessToken).auth_time });
    expect(claimsOf(refreshed.accessToken).iat).toBeGreaterThan(claimsOf(bob.accessToken).auth_time + 300);
    expect(codeOf(await server.graphql(changePassword('another new password'), { token: refreshed.accessToken }))).toBe('REAUTHENTICATION_REQUIRED');
  });

  it('asks an account with two-step sign-in for a code, and says so in amr', async () => {
    const carol = await signupWithTotp(server, 'carol@example.com');
    const signedIn = await verifyMfaFrom(server, '192.0.2.1', mfaTokenOf(await loginFrom(server, '192.0.2.1', carol.email)), totpCode(server, carol.secret));
    const token = (signedIn.body.data?.['verifyMfa'] as SignedIn).accessToken;
    expect(claimsOf(token).amr).toEqual(['pwd', 'otp', 'mfa']);
    server.clock.advance(minutes(6));
    expect((await reauthenticate(token, { p: defaultPassword })).body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'code' });
    expect((await reauthenticate(token, { c: '000000' })).body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'code' });
    expect((await reauthenticate(token, { p: 'wrong password', c: totpCode(server, carol.secret) })).body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'password' });
    const withCode = tokensOf(await reauthenticate(token, { c: totpCode(server, carol.secret) }));
    expect(claimsOf(withCode.accessToken).amr).toEqual(['otp']);
    server.clock.advance(stepMs);
    const withBoth = tokensOf(await reauthenticate(withCode.accessToken, { p: defaultPassword, c: totpCode(server, carol.secret) }));
    expect(claimsOf(withBoth.accessToken).amr).toEqual(['pwd', 'otp', 'mfa']);
    expect(auditEvents(server, 'reauthentication.failed').filter((e) => e['actorId'] === carol.id).map((e) => e['reason'])).toEqual(['wrong_code', 'wrong_password']);
    // A recovery code proves it too.
    const withRecovery = tokensOf(await reauthenticate(withBoth.accessToken, { c: carol.recoveryCodes[0] ?? '' }));
    expect(claimsOf(withRecovery.accessToken).amr).toEqual(['otp']);
  });

  it('asks an account without two-step sign-in for its password', async () => {
    const dave = await signup(server, 'dave@example.com');
    expect((await reauthenticate(dave.accessToken, {})).body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'password' });
    expect((await reauthenticate(dave.accessToken, { c: '123456' })).body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'code' });
    expect((await reauthenticate(dave.accessToken, { p: 'not my password' })).body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'password' });
    expect(codeOf(await server.graphql(reauthenticateMutation, { variables: { p: defaultPassword } }))).toBe('UNAUTHENTICATED');
  });

  it('guards the second factor\'s own changes: disabling TOTP and new recovery codes want a recent proof', async () => {
    const erin = await signupWithTotp(server, 'erin@example.com');
    server.clock.advance(minutes(6));
    const disable = (token: string) => server.graphql('mutation($c: String!) { disableTotp(code: $c) }', { token, variables: { c: totpCode(server, erin.secret) } });
    expect(codeOf(await disable(erin.accessToken))).toBe('REAUTHENTICATION_REQUIRED');
    expect(codeOf(await server.graphql('mutation { regenerateRecoveryCodes { codes } }', { token: erin.accessToken }))).toBe('REAUTHENTICATION_REQUIRED');
    const fresh = tokensOf(await reauthenticate(erin.accessToken, { c: totpCode(server, erin.secret) }));
    server.clock.advance(stepMs);
    expect((await disable(fresh.accessToken)).body.data).toEqual({ disableTotp: true });
  });

  it('guards deleting an account and changing a role', async () => {
    const admin = await signupAdmin(server, 'admin@example.com');
    const frank = await signup(server, 'frank@example.com');
    server.clock.advance(minutes(6));
    const setRole = (token: string) => server.graphql(`mutation { setUserRole(userId: "${frank.id}", role: ADMIN) { role } }`, { token });
    expect(codeOf(await setRole(admin.accessToken))).toBe('REAUTHENTICATION_REQUIRED');
    expect(codeOf(await server.graphql(`mutation { deleteUser(id: "${frank.id}") }`, { token: frank.accessToken }))).toBe('REAUTHENTICATION_REQUIRED');
    const fresh = tokensOf(await reauthenticate(admin.accessToken, { p: defaultPassword }));
    expect((await setRole(fresh.accessToken)).body.data).toEqual({ setUserRole: { role: 'ADMIN' } });
    // logoutAll is not guarded: signing everyone out must never wait for a proof.
    expect((await server.graphql('mutation { logoutAll }', { token: frank.accessToken })).body.data).toEqual({ logoutAll: true });
  });

  it('checks who the caller is before how recently: no token is UNAUTHENTICATED', async () => {
    expect(codeOf(await server.graphql(changePassword('whatever it is now')))).toBe('UNAUTHENTICATED');
  });
});

describe('a fresh window in the SDL', () => {
  it('must be a duration, or the server does not start', () => {
    const declare = (window: string) => readAccessDirectives(buildSchema([...loadTypeDefs(), `extend type Query { vault: String @auth(fresh: "${window}") }`], {}));
    expect(() => declare('soon')).toThrow(/Query\.vault: fresh "soon" is not a duration like 5m or 1h/);
    expect(() => declare('0s')).toThrow(/fresh "0s" is not a duration/);
    expect(declare('90s').get('Query')?.get('vault')).toMatchObject({ kind: 'auth', requires: 'USER', fresh: '90s' });
  });
});
