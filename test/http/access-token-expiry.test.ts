// Verified access tokens are remembered per token text (credentials/verified-token-cache.ts);
// remembering must never stretch a token's life or vouch for a look-alike.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codeOf, signup, type SignedIn } from '../helpers/accounts.js';
import { startTestServer, type TestServer } from '../helpers/start-test-server.js';

describe('an access token that has already been accepted', () => {
  let server: TestServer;
  let alice: SignedIn;
  beforeAll(async () => {
    server = await startTestServer({ env: { ACCESS_TOKEN_TTL: '15m', SESSION_MAX_AGE: '90d' } });
    alice = await signup(server, 'alice@example.com');
  });
  afterAll(() => server.close());

  it('is refused with 401 from the second it expires', async () => {
    expect((await server.graphql('{ me { id } }', { token: alice.accessToken })).body.data?.['me']).toEqual({ id: alice.id });
    server.clock.advance(15 * 60_000 - 1000);
    expect((await server.graphql('{ me { id } }', { token: alice.accessToken })).status).toBe(200);
    server.clock.advance(1000);
    const expired = await server.graphql('{ me { id } }', { token: alice.accessToken });
    expect(expired.status).toBe(401);
    expect(codeOf(expired)).toBe('UNAUTHENTICATED');
  });

  it('does not vouch for a copy with an altered signature', async () => {
    const fresh = await signup(server, 'bob@example.com');
    expect((await server.graphql('{ me { id } }', { token: fresh.accessToken })).status).toBe(200);
    const last = fresh.accessToken.at(-2) === 'A' ? 'B' : 'A';
    const tampered = `${fresh.accessToken.slice(0, -2)}${last}${fresh.accessToken.slice(-1)}`;
    expect((await server.graphql('{ me { id } }', { token: tampered })).status).toBe(401);
  });
});
