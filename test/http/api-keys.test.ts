// The life of an API key through the real server: made by a signed-in person
// (shown once, stored hashed), used as `Authorization: Bearer gak_…` to act as
// its user, listed, expired, revoked; every refused key answered exactly as a
// bad token (401), with the reason only in the audit log.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codeOf, login, signup, signupAdmin, type SignedIn } from '../helpers/accounts.js';
import { createApiKey, listApiKeys, revokeApiKey, tryCreateApiKey, type ApiKeyView } from '../helpers/api-keys.js';
import { auditEvents } from '../helpers/session-queries.js';
import { startTestServer, type GraphqlResult, type TestServer } from '../helpers/start-test-server.js';

const minute = 60_000;

function expectRefusedLikeABadToken(result: GraphqlResult) {
  expect(result.status).toBe(401);
  expect(result.headers.get('www-authenticate')).toBe('Bearer error="invalid_token"');
  expect(result.body).toEqual({ errors: [{ message: 'Invalid or expired token', extensions: { code: 'UNAUTHENTICATED' } }] });
}

describe('API keys', () => {
  let server: TestServer;
  let alice: SignedIn;
  const me = (key: string) => server.graphql('{ me { id email } }', { token: key });
  const lastRefusal = () => auditEvents(server, 'api_key.refused').at(-1);

  beforeAll(async () => {
    server = await startTestServer();
    alice = await signup(server, 'alice@example.com');
  });
  afterAll(() => server.close());

  it('is shown once with a gak_ prefix and 256 random bits, and acts as its user', async () => {
    const { key, apiKey } = await createApiKey(server, alice.accessToken, ['profile:read'], { name: ' CI deploy ' });
    expect(key).toMatch(/^gak_[A-Za-z0-9_-]{43}$/);
    expect(apiKey).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      name: 'CI deploy',
      prefix: key.slice(0, 12),
      scopes: ['profile:read'],
      createdAt: new Date(server.clock.now()).toISOString(),
      lastUsedAt: null,
      expiresAt: null,
    });
    const used = await me(key);
    expect(used.body).toEqual({ data: { me: { id: alice.id, email: alice.email } } });
    // The request line names the user and the key, never the key itself.
    const line = server.logs.find((l) => l['msg'] === 'request' && l['requestId'] === used.headers.get('x-request-id'));
    expect(line).toMatchObject({ viewerId: alice.id, apiKeyId: apiKey.id, rootFields: ['me'] });
    // Listed without the key; the key is nowhere but in the one answer.
    const listed = await listApiKeys(server, alice.accessToken);
    expect(listed.find((k) => k.id === apiKey.id)).toMatchObject({ name: 'CI deploy', prefix: apiKey.prefix });
    expect(JSON.stringify(listed)).not.toContain(key);
    expect(JSON.stringify(server.logs)).not.toContain(key.slice(12));
    expect(auditEvents(server, 'api_key.created').at(-1)).toMatchObject({ actorId: alice.id, apiKeyId: apiKey.id, scopes: ['profile:read'], expiresAt: null });
  });

  it('stores only a hash of the key', async () => {
    const { key, apiKey } = await createApiKey(server, alice.accessToken, ['profile:read']);
    const { createHash } = await import('node:crypto');
    const { createApiKeyRepository } = await import('../../src/repositories/create-repositories.js');
    const hash = createHash('sha256').update(key).digest('base64url');
    const stored = await createApiKeyRepository(server.app.database).status(hash as never);
    expect(stored?.key.id).toBe(apiKey.id);
    const { sql } = await import('drizzle-orm');
    const rows = server.app.database.dialect === 'sqlite' ? server.app.database.db.all(sql`select * from api_keys`) : (await server.app.database.db.execute(sql`select * from api_keys`)).rows;
    expect(JSON.stringify(rows)).not.toContain(key.slice(4));
    expect(JSON.stringify(rows)).toContain(hash);
  });

  it('refuses a malformed, an unknown and a revoked key like a bad token, each with its reason in the audit log', async () => {
    const malformed = await me('gak_not-a-key');
    expectRefusedLikeABadToken(malformed);
    expect(lastRefusal()).toMatchObject({ reason: 'malformed', requestId: malformed.headers.get('x-request-id') });
    expect(lastRefusal()?.['apiKeyId']).toBeUndefined();

    expectRefusedLikeABadToken(await me(`gak_${'A'.repeat(43)}`));
    expect(lastRefusal()).toMatchObject({ reason: 'unknown' });

    const { key, apiKey } = await createApiKey(server, alice.accessToken, ['profile:read']);
    expect((await me(key)).status).toBe(200); // cached as live now
    expect((await revokeApiKey(server, alice.accessToken, apiKey.id)).body).toEqual({ data: { revokeApiKey: true } });
    expectRefusedLikeABadToken(await me(key)); // at once, without waiting for the cache
    expect(lastRefusal()).toMatchObject({ reason: 'revoked', apiKeyId: apiKey.id, subjectId: alice.id });
    expect(auditEvents(server, 'api_key.revoked').at(-1)).toMatchObject({ actorId: alice.id, subjectId: alice.id, apiKeyId: apiKey.id });
    expect((await listApiKeys(server, alice.accessToken)).map((k) => k.id)).not.toContain(apiKey.id);
    // Revoking twice changes nothing and says so.
    expect((await revokeApiKey(server, alice.accessToken, apiKey.id)).body).toEqual({ data: { revokeApiKey: false } });
  });

  it('writes lastUsedAt at most once a minute', async () => {
    const { key, apiKey } = await createApiKey(server, alice.accessToken, ['profile:read']);
    const lastUsed = async () => (await listApiKeys(server, alice.accessToken)).find((k) => k.id === apiKey.id)?.lastUsedAt;
    const first = server.clock.now();
    await me(key);
    expect(await lastUsed()).toBe(new Date(first).toISOString());
    server.clock.advance(30_000); // past the cache: the key is read again, but not written
    await me(key);
    expect(await lastUsed()).toBe(new Date(first).toISOString());
    server.clock.advance(30_000);
    await me(key);
    expect(await lastUsed()).toBe(new Date(first + minute).toISOString());
  });

  it.each<{ why: string; scopes: string[]; options?: { name?: string; expiresIn?: string }; field: string; message: RegExp }>([
    { why: 'an unknown scope', scopes: ['profile:read', 'profile:write'], field: 'scopes', message: /Unknown scope "profile:write"; the scopes are: profile:read, users:read, notes:read, notes:write/ },
    { why: 'no scope at all', scopes: [], field: 'scopes', message: /at least one scope/ },
    { why: 'an empty name', scopes: ['profile:read'], options: { name: '   ' }, field: 'name', message: /Name must be 1 to 100 characters/ },
    { why: 'a name too long', scopes: ['profile:read'], options: { name: 'n'.repeat(101) }, field: 'name', message: /Name must be 1 to 100 characters/ },
    // PostgreSQL's text cannot hold U+0000: stored, it was an INTERNAL_SERVER_ERROR there.
    { why: 'a name with a NUL', scopes: ['profile:read'], options: { name: 'CI\u0000deploy' }, field: 'name', message: /control characters/ },
    { why: 'a name with a terminal escape', scopes: ['profile:read'], options: { name: 'CI \u001b[31mdeploy' }, field: 'name', message: /control characters/ },
    { why: 'an expiry that is not a duration', scopes: ['profile:read'], options: { expiresIn: 'tomorrow' }, field: 'expiresIn', message: /duration from 1m to 366d/ },
    { why: 'an expiry over a year', scopes: ['profile:read'], options: { expiresIn: '367d' }, field: 'expiresIn', message: /duration from 1m to 366d/ },
  ])('refuses $why with BAD_USER_INPUT naming the argument, and makes nothing', async ({ scopes, options, field, message }) => {
    const before = (await listApiKeys(server, alice.accessToken)).length;
    const result = await tryCreateApiKey(server, alice.accessToken, scopes, options);
    expect(result.body.errors?.[0]).toMatchObject({ message: expect.stringMatching(message), extensions: { code: 'BAD_USER_INPUT', field } });
    expect(await listApiKeys(server, alice.accessToken)).toHaveLength(before);
  });

  it("revokes only the owner's keys; another user's key reads as missing", async () => {
    const bob = await signup(server, 'bob@example.com');
    const { key, apiKey } = await createApiKey(server, alice.accessToken, ['profile:read']);
    const result = await revokeApiKey(server, bob.accessToken, apiKey.id);
    expect(result.body.errors?.[0]).toMatchObject({ message: 'No such API key', extensions: { code: 'BAD_USER_INPUT', field: 'id' } });
    expect(codeOf(await revokeApiKey(server, bob.accessToken, 'not-an-id'))).toBe('BAD_USER_INPUT');
    expect((await me(key)).status).toBe(200);
  });

  it("lets an ADMIN see and revoke anyone's keys", async () => {
    const admin = await signupAdmin(server, 'admin@example.com');
    const { key, apiKey } = await createApiKey(server, alice.accessToken, ['profile:read'], { name: 'leaked' });
    const theirs = await server.graphql('query($id: ID!) { user(id: $id) { apiKeys { id name } } }', { token: admin.accessToken, variables: { id: alice.id } });
    expect((theirs.body.data?.['user'] as { apiKeys: ApiKeyView[] }).apiKeys).toContainEqual({ id: apiKey.id, name: 'leaked' });
    expect((await revokeApiKey(server, admin.accessToken, apiKey.id)).body).toEqual({ data: { revokeApiKey: true } });
    expect(auditEvents(server, 'api_key.revoked').at(-1)).toMatchObject({ actorId: admin.id, subjectId: alice.id, apiKeyId: apiKey.id });
    expectRefusedLikeABadToken(await me(key));
  });

  it("dies with its user, and carries its user's role as it is now", async () => {
    const carol = await signup(server, 'carol@example.com');
    const admin = await signupAdmin(server, 'admin2@example.com');
    const { key } = await createApiKey(server, carol.accessToken, ['profile:read', 'users:read']);
    expect(codeOf(await server.graphql('{ users(first: 1) { edges { cursor } } }', { token: key }))).toBe('FORBIDDEN');
    await server.graphql('mutation($id: ID!) { setUserRole(userId: $id, role: ADMIN) { id } }', { token: admin.accessToken, variables: { id: carol.id } });
    expect((await server.graphql('{ users(first: 1) { edges { cursor } } }', { token: key })).body.errors).toBeUndefined();
    await server.graphql('mutation($id: ID!) { deleteUser(id: $id) }', { token: admin.accessToken, variables: { id: carol.id } });
    expectRefusedLikeABadToken(await me(key));
    expect(lastRefusal()).toMatchObject({ reason: 'unknown' });
  });

  // Last: the clock moves past every access token signed so far.
  it('expires on time, even while cached', async () => {
    const { key, apiKey } = await createApiKey(server, alice.accessToken, ['profile:read'], { expiresIn: '1h' });
    expect(apiKey.expiresAt).toBe(new Date(server.clock.now() + 60 * minute).toISOString());
    expect((await me(key)).status).toBe(200);
    server.clock.advance(60 * minute - 1);
    expect((await me(key)).status).toBe(200);
    server.clock.advance(1);
    expectRefusedLikeABadToken(await me(key));
    expect(lastRefusal()).toMatchObject({ reason: 'expired', apiKeyId: apiKey.id });
    // Still listed (marked by its expiresAt) until it is revoked or purged.
    const again = await login(server, alice.email);
    expect((await listApiKeys(server, again.accessToken)).find((k) => k.id === apiKey.id)?.expiresAt).toBe(apiKey.expiresAt);
  });
});

describe('making a key wants a recent proof', () => {
  // A key outlives every session (logoutAll and changePassword keep it), so a
  // stolen access token must not be able to mint one: as for a passkey, the
  // last password, code or passkey must be at most 15 minutes old.
  it('refuses a token whose last proof is older than 15 minutes, and reauthenticate opens it', async () => {
    const server = await startTestServer();
    try {
      const frank = await signup(server, 'frank@example.com');
      server.clock.advance(10 * minute);
      const renewed = await server.graphql('mutation { refreshToken(refreshToken: "' + frank.refreshToken + '") { accessToken } }');
      server.clock.advance(5 * minute + 1000);
      const { accessToken } = renewed.body.data?.['refreshToken'] as { accessToken: string };
      const refused = await tryCreateApiKey(server, accessToken, ['notes:read']);
      expect(refused.body.errors?.[0]?.extensions).toEqual({ code: 'REAUTHENTICATION_REQUIRED', maxAge: 900 });
      expect(await listApiKeys(server, accessToken)).toEqual([]);
      const proven = await server.graphql('mutation { reauthenticate(password: "correct horse battery") { accessToken } }', { token: accessToken });
      await createApiKey(server, (proven.body.data?.['reauthenticate'] as { accessToken: string }).accessToken, ['notes:read']);
    } finally {
      await server.close();
    }
  });
});

describe('at most 25 live keys per user', () => {
  it('refuses the 26th with the API_KEY_QUOTA policy, and makes room when one is revoked or expires', async () => {
    const server = await startTestServer({ env: { RATE_LIMIT_CREATE_API_KEY: 'off' } });
    try {
      const dave = await signup(server, 'dave@example.com');
      const made = [];
      for (let i = 0; i < 24; i += 1) made.push(await createApiKey(server, dave.accessToken, ['profile:read']));
      const expiring = await createApiKey(server, dave.accessToken, ['profile:read'], { expiresIn: '1m' });
      const refused = await tryCreateApiKey(server, dave.accessToken, ['profile:read']);
      expect(refused.body.errors?.[0]?.extensions).toEqual({ code: 'FORBIDDEN', reason: 'POLICY', policy: 'API_KEY_QUOTA' });
      await revokeApiKey(server, dave.accessToken, made[0]?.apiKey.id ?? '');
      await createApiKey(server, dave.accessToken, ['profile:read']);
      expect(codeOf(await tryCreateApiKey(server, dave.accessToken, ['profile:read']))).toBe('FORBIDDEN');
      server.clock.advance(minute); // the expiring one no longer counts
      await createApiKey(server, dave.accessToken, ['profile:read']);
      expect(expiring.apiKey.expiresAt).not.toBeNull();
    } finally {
      await server.close();
    }
  });

  it('holds under concurrent creation: never more than 25', async () => {
    const server = await startTestServer({ env: { RATE_LIMIT_CREATE_API_KEY: 'off' } });
    try {
      const erin = await signup(server, 'erin@example.com');
      const results = await Promise.all(Array.from({ length: 30 }, () => tryCreateApiKey(server, erin.accessToken, ['profile:read'])));
      expect(results.filter((r) => r.body.errors === undefined)).toHaveLength(25);
      expect(await listApiKeys(server, erin.accessToken)).toHaveLength(25);
    } finally {
      await server.close();
    }
  });
});

describe('the list', () => {
  it('shows live keys first, newest first, then expired ones', async () => {
    const server = await startTestServer();
    try {
      const gina = await signup(server, 'gina@example.com');
      const live = await createApiKey(server, gina.accessToken, ['profile:read'], { name: 'live' });
      server.clock.advance(1000);
      const expiring = await createApiKey(server, gina.accessToken, ['profile:read'], { name: 'expiring', expiresIn: '1m' });
      expect((await listApiKeys(server, gina.accessToken)).map((k) => k.id)).toEqual([expiring.apiKey.id, live.apiKey.id]);
      server.clock.advance(minute);
      expect((await listApiKeys(server, gina.accessToken)).map((k) => k.id)).toEqual([live.apiKey.id, expiring.apiKey.id]);
    } finally {
      await server.close();
    }
  });
});

describe('the purge', () => {
  it('deletes revoked and expired keys after the retention period, and only those', async () => {
    const server = await startTestServer({ env: { REFRESH_TOKEN_TTL: '1h' } });
    try {
      const frank = await signup(server, 'frank@example.com');
      const revoked = await createApiKey(server, frank.accessToken, ['profile:read']);
      await createApiKey(server, frank.accessToken, ['profile:read'], { expiresIn: '1m' });
      const kept = await createApiKey(server, frank.accessToken, ['profile:read']);
      await revokeApiKey(server, frank.accessToken, revoked.apiKey.id);
      expect((await server.app.purgeExpired()).apiKeys).toBe(0);
      server.clock.advance(61 * minute + 1);
      expect((await server.app.purgeExpired()).apiKeys).toBe(2);
      expect((await listApiKeys(server, (await login(server, frank.email)).accessToken)).map((k) => k.id)).toEqual([kept.apiKey.id]);
      // A purged revoked key is now merely unknown.
      expect((await server.graphql('{ me { id } }', { token: revoked.key })).status).toBe(401);
    } finally {
      await server.close();
    }
  });
});
