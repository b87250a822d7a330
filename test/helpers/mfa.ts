// Two-step sign-in through the API, as a client would, with TOTP codes
// computed by otpauth from the secret at the server's (fake) clock time.
import { Secret, TOTP } from 'otpauth';
import { expect } from 'vitest';
import { codeOf, defaultPassword, signup, type SignedIn } from './accounts.js';
import type { GraphqlResult, TestServer } from './start-test-server.js';

/** One TOTP step: a code is refused a second time, so tests move the clock on by this much between codes. */
export const stepMs = 30_000;

/** The code an authenticator app shows for `secret` at the server's time now (plus `offsetMs`). */
export const totpCode = (server: TestServer, secret: string, offsetMs = 0): string =>
  TOTP.generate({ secret: Secret.fromBase32(secret), algorithm: 'SHA1', digits: 6, period: 30, timestamp: server.clock.now() + offsetMs });

export interface Enrolled extends SignedIn {
  readonly secret: string;
  readonly recoveryCodes: readonly string[];
}

const payloadFields = 'accessToken refreshToken deviceToken user { id email }';

/** Signs up and turns TOTP on (enrol, confirm); the clock then moves one step so the next code is a new one. */
export async function signupWithTotp(server: TestServer, email: string): Promise<Enrolled> {
  const user = await signup(server, email);
  const enrolled = await server.graphql('mutation { enrollTotp { secret } }', { token: user.accessToken });
  expect(enrolled.body.errors).toBeUndefined();
  const { secret } = enrolled.body.data?.['enrollTotp'] as { secret: string };
  const confirmed = await server.graphql('mutation($c: String!) { confirmTotp(code: $c) { codes } }', { token: user.accessToken, variables: { c: totpCode(server, secret) } });
  expect(confirmed.body.errors).toBeUndefined();
  server.clock.advance(stepMs);
  return { ...user, secret, recoveryCodes: (confirmed.body.data?.['confirmTotp'] as { codes: string[] }).codes };
}

export const loginMutation = `mutation($e: String!, $p: String!, $d: String) { login(email: $e, password: $p, deviceToken: $d) { ${payloadFields} } }`;

/** `login` from a client at `ip` (the test server must trust one proxy hop). */
export const loginFrom = (server: TestServer, ip: string, email: string, password = defaultPassword, deviceToken: string | null = null) =>
  server.graphql(loginMutation, { variables: { e: email, p: password, d: deviceToken }, headers: { 'x-forwarded-for': ip } });

/** The mfaToken of an MFA_REQUIRED answer; fails the test on anything else. */
export function mfaTokenOf(result: GraphqlResult): string {
  expect(codeOf(result)).toBe('MFA_REQUIRED');
  const token = result.body.errors?.[0]?.extensions?.['mfaToken'];
  expect(token).toMatch(/^mfa_[A-Za-z0-9_-]{43}$/);
  return token as string;
}

export const verifyMfaFrom = (server: TestServer, ip: string, mfaToken: string, code: string) =>
  server.graphql(`mutation($t: String!, $c: String!) { verifyMfa(mfaToken: $t, code: $c) { ${payloadFields} } }`, { variables: { t: mfaToken, c: code }, headers: { 'x-forwarded-for': ip } });

export const attemptsLeftOf = (result: GraphqlResult) => result.body.errors?.[0]?.extensions?.['attemptsLeft'];
