// A refresh token is never an access token and vice versa; every refused
// token gets the same answer, and only the server log says why.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codeOf, refresh, signup, type SignedIn } from '../helpers/accounts.js';
import { auditEvents, meStatus } from '../helpers/session-queries.js';
import { resignToken } from '../helpers/resign-token.js';
import { startTestServer, type GraphqlResult, type TestServer } from '../helpers/start-test-server.js';

const genericMessage = 'Invalid or expired token';

function expectRefused(result: GraphqlResult) {
  expect(result.status).toBe(401);
  expect(result.headers.get('www-authenticate')).toBe('Bearer error="invalid_token"');
  expect(result.body.errors).toHaveLength(1);
  expect(codeOf(result)).toBe('UNAUTHENTICATED');
  expect(result.body.errors?.[0]?.message).toBe(genericMessage);
  expect(result.body.data).toBeUndefined();
}

describe('token kinds and rejection reasons', () => {
  let server: TestServer;
  let alice: SignedIn;
  const lastRejection = () => auditEvents(server, 'token.rejected').at(-1);

  beforeAll(async () => {
    server = await startTestServer();
    alice = await signup(server, 'kinds@example.com');
  });
  afterAll(() => server.close());

  it('refuses a refresh token sent as a Bearer access token with 401, and logs why', async () => {
    const result = await server.graphql('{ me { id } }', { token: alice.refreshToken });
    expectRefused(result);
    expect(lastRejection()).toMatchObject({ reason: 'not a JWS compact token', requestId: result.headers.get('x-request-id') });
  });

  it('refuses an access token sent to refreshToken with UNAUTHENTICATED, and logs why', async () => {
    const result = await refresh(server, alice.accessToken);
    expect(codeOf(result)).toBe('UNAUTHENTICATED');
    expect(result.body.data).toBeNull();
    expect(lastRejection()).toMatchObject({ reason: 'refresh_token_malformed' });
    expect(await meStatus(server, alice.accessToken)).toBe(200); // nothing was ended by the mistake
  });

  it('checks the typ header: a correctly signed JWT that is not at+jwt is refused', async () => {
    const forged = resignToken(alice.accessToken, { header: { typ: 'JWT' } });
    expectRefused(await server.graphql('{ me { id } }', { token: forged }));
    expect(lastRejection()).toMatchObject({ reason: 'typ "JWT" is not at+jwt' });
  });

  it('answers an expired, a badly signed and an unknown-kid token alike, each with its own logged reason', async () => {
    const badSignature = `${alice.accessToken.slice(0, alice.accessToken.lastIndexOf('.') + 1)}${'A'.repeat(43)}`;
    const unknownKid = resignToken(alice.accessToken, { header: { kid: 'not-a-key-we-know' } });
    expectRefused(await server.graphql('{ me { id } }', { token: badSignature }));
    expect(lastRejection()).toMatchObject({ reason: 'invalid signature' });
    expectRefused(await server.graphql('{ me { id } }', { token: unknownKid }));
    expect(lastRejection()).toMatchObject({ reason: 'unknown kid "not-a-key-we-know"' });

    server.clock.advance(15 * 60 * 1000 + 1000); // past ACCESS_TOKEN_TTL
    expectRefused(await server.graphql('{ me { id } }', { token: alice.accessToken }));
    expect(lastRejection()).toMatchObject({ reason: 'jwt expired' });
  });

  it('refuses a header that is not "Bearer <token>" rather than treating the caller as anonymous', async () => {
    expectRefused(await server.graphql('{ me { id } }', { headers: { authorization: 'Basic YWxpY2U6c2VjcmV0' } }));
    expect(lastRejection()).toMatchObject({ reason: 'Authorization header is not "Bearer <token>"' });
  });

  it('never writes a token itself into the log', () => {
    expect(auditEvents(server, 'token.rejected').map((line) => line['reason'])).toEqual([
      'not a JWS compact token',
      'refresh_token_malformed',
      'typ "JWT" is not at+jwt',
      'invalid signature',
      'unknown kid "not-a-key-we-know"',
      'jwt expired',
      'Authorization header is not "Bearer <token>"',
    ]);
    const lines = JSON.stringify(server.logs);
    expect(lines).not.toContain(alice.accessToken);
    expect(lines).not.toContain(alice.refreshToken);
  });
});
