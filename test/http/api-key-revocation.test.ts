// An API key revoked on one instance is refused by the other on its very next
// request, although that other had just cached the key as live: the shared
// fake clock never moves here (SESSION_CACHE_TTL is 5 s), so only the Redis
// channel can tell it. The same holds for a change to the key's user.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codeOf, signup, signupAdmin } from '../helpers/accounts.js';
import { createApiKey, revokeApiKey } from '../helpers/api-keys.js';
import { auditEvents, meStatus } from '../helpers/session-queries.js';
import type { TestServer } from '../helpers/start-test-server.js';
import { startTwoInstances, type TwoInstances } from '../helpers/start-two-instances.js';
import { redisAvailable } from '../helpers/test-redis.js';

describe.skipIf(!redisAvailable('API key revocation across instances'))('API keys on two instances with Redis', () => {
  let pair: TwoInstances;
  let a: TestServer;
  let b: TestServer;
  beforeAll(async () => {
    pair = await startTwoInstances();
    ({ a, b } = pair);
  });
  afterAll(() => pair.close());

  it('refuses a key revoked on one instance on the other at once, although it was cached there', async () => {
    const alice = await signup(a, 'alice@example.com');
    const { key, apiKey } = await createApiKey(a, alice.accessToken, ['profile:read']);
    expect([await meStatus(a, key), await meStatus(b, key)]).toEqual([200, 200]); // both hold it as live
    expect((await revokeApiKey(a, alice.accessToken, apiKey.id)).body).toEqual({ data: { revokeApiKey: true } });
    expect(await meStatus(b, key)).toBe(401);
    expect(auditEvents(b, 'api_key.refused').at(-1)).toMatchObject({ reason: 'revoked', apiKeyId: apiKey.id });
    expect(await meStatus(a, key)).toBe(401);
  });

  it('and the other way round', async () => {
    const bob = await signup(b, 'bob@example.com');
    const { key, apiKey } = await createApiKey(b, bob.accessToken, ['profile:read']);
    expect([await meStatus(a, key), await meStatus(b, key)]).toEqual([200, 200]);
    await revokeApiKey(b, bob.accessToken, apiKey.id);
    expect(await meStatus(a, key)).toBe(401);
  });

  it("carries a role change and a deletion made on one instance to the other's cached key at once", async () => {
    const admin = await signupAdmin(a, 'admin@example.com');
    const carol = await signup(a, 'carol@example.com');
    const { key } = await createApiKey(a, carol.accessToken, ['profile:read', 'users:read']);
    const listUsers = (server: TestServer) => server.graphql('{ users(first: 1) { edges { cursor } } }', { token: key });
    expect(codeOf(await listUsers(b))).toBe('FORBIDDEN'); // cached on b as a USER's key
    await a.graphql('mutation($id: ID!) { setUserRole(userId: $id, role: ADMIN) { id } }', { token: admin.accessToken, variables: { id: carol.id } });
    expect((await listUsers(b)).body.errors).toBeUndefined();
    await a.graphql('mutation($id: ID!) { deleteUser(id: $id) }', { token: admin.accessToken, variables: { id: carol.id } });
    expect(await meStatus(b, key)).toBe(401);
  });
});
