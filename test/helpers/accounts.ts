// Signing up and in through the API itself, as a client would.
import { expect } from 'vitest';
import type { UserId } from '../../src/platform/ids.js';
import type { TestServer } from './start-test-server.js';

export interface SignedIn {
  readonly id: string;
  readonly email: string;
  readonly accessToken: string;
  readonly refreshToken: string;
}

export const defaultPassword = 'correct horse battery';

const payloadFields = 'accessToken refreshToken expiresIn tokenType user { id email role }';

function toSignedIn(payload: unknown): SignedIn {
  const p = payload as { accessToken: string; refreshToken: string; user: { id: string; email: string } };
  return { id: p.user.id, email: p.user.email, accessToken: p.accessToken, refreshToken: p.refreshToken };
}

export async function signup(server: TestServer, email: string, password = defaultPassword): Promise<SignedIn> {
  const result = await server.graphql(`mutation($email: String!, $password: String!) { signup(email: $email, password: $password) { ${payloadFields} } }`, {
    variables: { email, password },
  });
  expect(result.body.errors).toBeUndefined();
  return toSignedIn(result.body.data?.['signup']);
}

export async function login(server: TestServer, email: string, password = defaultPassword, headers: Record<string, string> = {}): Promise<SignedIn> {
  const result = await server.graphql(`mutation($email: String!, $password: String!) { login(email: $email, password: $password) { ${payloadFields} } }`, {
    variables: { email, password },
    headers,
  });
  expect(result.body.errors).toBeUndefined();
  return toSignedIn(result.body.data?.['login']);
}

export async function refresh(server: TestServer, refreshToken: string) {
  return server.graphql(`mutation($t: String!) { refreshToken(refreshToken: $t) { ${payloadFields} } }`, { variables: { t: refreshToken } });
}

/** Makes a user an ADMIN through the same repository the CLI uses, then signs in again for a token with the role. */
export async function signupAdmin(server: TestServer, email: string): Promise<SignedIn> {
  const user = await signup(server, email);
  const { createUserRepository } = await import('../../src/repositories/create-repositories.js');
  await createUserRepository(server.app.database).setRole(user.id as UserId, 'ADMIN', server.clock.now());
  return login(server, email);
}

type WithErrors = { body: { errors?: Array<{ extensions?: Record<string, unknown> }> } };

export const codeOf = (result: WithErrors) => result.body.errors?.[0]?.extensions?.['code'];
/** The argument a BAD_USER_INPUT names (`extensions.field`). */
export const fieldOf = (result: WithErrors) => result.body.errors?.[0]?.extensions?.['field'];
/** Why a FORBIDDEN or RATE_LIMITED said no (`extensions.reason`), e.g. EMAIL_NOT_VERIFIED. */
export const reasonOf = (result: WithErrors) => result.body.errors?.[0]?.extensions?.['reason'];
