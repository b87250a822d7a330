// examples/resource-server: another service that accepts our access tokens
// with nothing but the published JWKS, run against the real auth server.
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createResourceServer, listen } from '../../examples/resource-server/server.js';
import { signup, type SignedIn } from '../helpers/accounts.js';
import { privateKeyPem, signingWith } from '../helpers/private-keys.js';
import { startTestServer, type TestServer } from '../helpers/start-test-server.js';

describe('examples/resource-server', () => {
  let auth: TestServer;
  let resource: Server;
  let resourceUrl: string;
  let alice: SignedIn;
  const whoami = (authorization?: string) => fetch(`${resourceUrl}/whoami`, { headers: authorization ? { authorization } : {} });

  beforeAll(async () => {
    // The example checks expiry against the real clock: the auth server signs on it too.
    auth = await startTestServer({ env: signingWith(privateKeyPem('ed25519')) });
    auth.clock.set(Date.now());
    alice = await signup(auth, 'resource@example.com');
    resource = createResourceServer({ baseUrl: auth.url, issuer: 'graphql-auth', audience: 'graphql-auth' });
    resourceUrl = await listen(resource, 0);
  });
  afterAll(async () => {
    await new Promise((resolve) => resource.close(resolve));
    await auth.close();
  });

  it('accepts an access token, verified from the JWKS alone, and knows who it is for', async () => {
    const response = await whoami(`Bearer ${alice.accessToken}`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ userId: alice.id, role: 'USER', sessionId: expect.stringMatching(/^[0-9a-f-]{36}$/) });
  });

  it('refuses a tampered token, a refresh token, and a token of another auth server', async () => {
    const [header, payload, signature] = alice.accessToken.split('.');
    const elevated = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(payload ?? '', 'base64url').toString()), role: 'ADMIN' })).toString('base64url');
    const other = await startTestServer({ env: signingWith(privateKeyPem('ed25519')) });
    try {
      other.clock.set(Date.now());
      const stranger = await signup(other, 'stranger@example.com');
      for (const token of [`${header}.${elevated}.${signature}`, alice.refreshToken, stranger.accessToken]) {
        const response = await whoami(`Bearer ${token}`);
        expect(response.status, token.slice(0, 20)).toBe(401);
        expect(response.headers.get('www-authenticate')).toBe('Bearer error="invalid_token"');
      }
      expect((await whoami()).status).toBe(401);
    } finally {
      await other.close();
    }
  });

  it('refuses an expired token', async () => {
    auth.clock.set(Date.now() - 16 * 60_000); // issued 16 minutes ago, with a 15-minute lifetime
    const old = await signup(auth, 'expired@example.com');
    auth.clock.set(Date.now());
    expect((await whoami(`Bearer ${old.accessToken}`)).status).toBe(401);
  });
});
