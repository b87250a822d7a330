// Redis going away, through a TCP proxy the test cuts, freezes and restores.
// Rate-limited fields fail closed (RATE_LIMITED, reason LIMITER_UNAVAILABLE,
// HTTP 503), everything that needs no limit keeps working, /readyz says why,
// and the server recovers by itself when Redis returns. An instance that
// cannot hear the others' session changes stops trusting its cache.
import { createServer, connect, type AddressInfo, type Socket } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Env } from '../../src/platform/config.js';
import { codeOf, defaultPassword, signup } from '../helpers/accounts.js';
import { meStatus } from '../helpers/session-queries.js';
import { startTestServer, type GraphqlResult, type TestServer } from '../helpers/start-test-server.js';
import { startTwoInstances, type TwoInstances } from '../helpers/start-two-instances.js';
import { startTcpProxy, type TcpProxy } from '../helpers/tcp-proxy.js';
import { deleteKeys, redisAvailable, redisEnv, testRedisUrl, uniquePrefix } from '../helpers/test-redis.js';

const commandTimeout = { REDIS_COMMAND_TIMEOUT: '200ms' };
const loginAs = (server: TestServer, email: string) =>
  server.graphql('mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }', { variables: { e: email, p: defaultPassword } });

/** Polls (every 50 ms, for at most 20 s: a bound, not a recovery-time claim; the fault test measures that) until /readyz answers `status`. */
async function readyzBecomes(server: TestServer, status: number): Promise<void> {
  for (let waited = 0; waited < 20_000; waited += 50) {
    if ((await server.fetch('/readyz')).status === status) return;
    await sleep(50);
  }
  throw new Error(`/readyz never answered ${status}`);
}

/** Forwards to Redis, holding the reply to the first SUBSCRIBE it sees for `delayMs`. */
async function startSlowFirstSubscribeProxy(redisUrl: string, delayMs: number): Promise<{ url: string; close(): void }> {
  const target = new URL(redisUrl);
  let held = false;
  const sockets = new Set<Socket>();
  const proxy = createServer((client) => {
    const upstream = connect(Number(target.port) || 6379, target.hostname);
    let holdNextReply = false;
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('error', () => {});
      socket.on('close', () => (client.destroy(), upstream.destroy()));
    }
    client.on('data', (chunk) => {
      if (!held && /\$9\r\nsubscribe\r\n/i.test(chunk.toString())) held = holdNextReply = true; // the command, not a name holding the word
      upstream.write(chunk);
    });
    upstream.on('data', (chunk) => {
      if (!holdNextReply) return void client.write(chunk);
      holdNextReply = false;
      setTimeout(() => client.write(chunk), delayMs);
    });
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  const { port } = proxy.address() as AddressInfo;
  return {
    url: `redis://127.0.0.1:${port}`,
    close: () => {
      for (const socket of sockets) socket.destroy();
      proxy.close();
    },
  };
}

function expectLimiterUnavailable(result: GraphqlResult) {
  expect(result.status).toBe(503);
  expect(codeOf(result)).toBe('RATE_LIMITED');
  expect(result.body.errors?.[0]?.extensions).toMatchObject({ reason: 'LIMITER_UNAVAILABLE', retryAfter: 5 });
  expect(result.headers.get('retry-after')).toBe('5');
}

describe.skipIf(!redisAvailable('the Redis outage tests'))('when Redis goes away', () => {
  const prefixes: string[] = [];
  let proxy: TcpProxy;
  beforeAll(async () => {
    proxy = await startTcpProxy(testRedisUrl ?? '');
  });
  afterEach(() => proxy.restore());
  afterAll(async () => {
    await proxy.close();
    await deleteKeys(prefixes);
  });
  const serverBehindProxy = (env: Env = {}) => {
    const prefix = uniquePrefix('outage');
    prefixes.push(prefix);
    return startTestServer({ env: { ...redisEnv(prefix, proxy.url), ...commandTimeout, ...env } });
  };

  it('refuses rate-limited fields with 503, serves everything else, and recovers by itself', async () => {
    const server = await serverBehindProxy();
    try {
      const user = await signup(server, 'outage@example.com');
      proxy.cut();
      await readyzBecomes(server, 503);
      expect(await (await server.fetch('/readyz')).json()).toMatchObject({ status: 'unavailable', checks: { database: 'ok', redis: 'failing' } });
      expect((await server.fetch('/healthz')).status).toBe(200);

      expectLimiterUnavailable(await loginAs(server, 'outage@example.com'));
      expectLimiterUnavailable(await server.graphql('mutation { signup(email: "new@example.com", password: "long enough password") { accessToken } }'));
      expectLimiterUnavailable(await server.graphql('mutation { refreshToken(refreshToken: "rt_whatever") { accessToken } }'));
      // No limit on these: they keep working, the token check going to the database.
      const me = await server.graphql('{ me { email } }', { token: user.accessToken });
      expect(me.status).toBe(200);
      expect(me.body.data).toEqual({ me: { email: 'outage@example.com' } });
      expect((await server.graphql('{ me { id } }')).body).toEqual({ data: { me: null } });
      expect(server.logs.some((line) => line['msg'] === 'rate-limit store failed: refusing rate-limited fields')).toBe(true);

      proxy.restore();
      await readyzBecomes(server, 200);
      expect((await loginAs(server, 'outage@example.com')).body.errors).toBeUndefined();
      expect(server.logs.some((line) => line['msg'] === 'redis reachable again')).toBe(true);
    } finally {
      await server.close();
    }
  });

  it('answers within the command timeout when Redis hangs, and carries on once it answers again', async () => {
    const server = await serverBehindProxy();
    try {
      await signup(server, 'hang@example.com');
      proxy.freeze();
      const startedAt = Date.now();
      expectLimiterUnavailable(await loginAs(server, 'hang@example.com'));
      // Not a speed claim: a bound that fails if commands waited for Redis instead of timing out.
      expect(Date.now() - startedAt).toBeLessThan(5_000);
      proxy.restore();
      await readyzBecomes(server, 200);
      expect((await loginAs(server, 'hang@example.com')).body.errors).toBeUndefined();
    } finally {
      await server.close();
    }
  });

  it('keeps sign-in throttling closed too, with the sign-in limits switched off', async () => {
    const server = await serverBehindProxy({ RATE_LIMIT_LOGIN: 'off', RATE_LIMIT_LOGIN_PER_EMAIL: 'off' });
    try {
      await signup(server, 'throttled@example.com');
      proxy.cut();
      await readyzBecomes(server, 503);
      expectLimiterUnavailable(await loginAs(server, 'throttled@example.com'));
    } finally {
      await server.close();
    }
  });

  it('subscribes again when a SUBSCRIBE times out on a live connection, instead of staying unready', async () => {
    const slowFirstSubscribe = await startSlowFirstSubscribeProxy(testRedisUrl ?? '', 400); // past the 200 ms command timeout
    const prefix = uniquePrefix('outage');
    prefixes.push(prefix);
    const server = await startTestServer({ env: { ...redisEnv(prefix, slowFirstSubscribe.url), ...commandTimeout } });
    try {
      await readyzBecomes(server, 200); // with no reconnect in between: the link never dropped
      expect(server.logs.filter((line) => line['msg'] === 'cannot subscribe to session changes; trying again')).toHaveLength(1);
    } finally {
      await server.close();
      slowFirstSubscribe.close();
    }
  });

  it('starts while Redis is unreachable, refusing limited fields until it comes', async () => {
    proxy.cut();
    const server = await serverBehindProxy();
    try {
      expect((await server.fetch('/readyz')).status).toBe(503);
      expectLimiterUnavailable(await server.graphql('mutation { signup(email: "early@example.com", password: "long enough password") { accessToken } }'));
      proxy.restore();
      await readyzBecomes(server, 200);
      expect((await server.graphql('mutation { signup(email: "early@example.com", password: "long enough password") { accessToken } }')).body.errors).toBeUndefined();
    } finally {
      await server.close();
    }
  });
});

describe.skipIf(!redisAvailable('the session-change channel outage test'))('an instance cut off from the session-change channel', () => {
  let proxy: TcpProxy;
  let pair: TwoInstances;
  beforeAll(async () => {
    proxy = await startTcpProxy(testRedisUrl ?? '');
    // A reaches Redis directly, B through the proxy.
    // A 1 s command timeout (the wait for confirmations): B's 100 ms late link
    // below must be well inside it even on a loaded machine.
    pair = await startTwoInstances({ redisUrl: { a: testRedisUrl ?? '', b: proxy.url }, env: { REDIS_COMMAND_TIMEOUT: '1s' } });
  });
  afterAll(async () => {
    await pair.close();
    await proxy.close();
  });

  it('stops serving liveness from its cache, so a logout it did not hear of is still refused', async () => {
    const { a, b } = pair;
    const user = await signup(a, 'unheard@example.com');
    expect(await meStatus(b, user.accessToken)).toBe(200); // cached on B as live
    proxy.cut();
    await readyzBecomes(b, 503);
    expect(await meStatus(b, user.accessToken)).toBe(200); // still live: read from the database
    expect((await a.graphql('mutation { logout }', { token: user.accessToken })).body.data).toEqual({ logout: true }); // published; B hears nothing
    expect(await meStatus(b, user.accessToken)).toBe(401);
  });

  it('trusts the channel again once it is back', async () => {
    const { a, b } = pair;
    proxy.restore();
    await readyzBecomes(b, 200);
    const user = await signup(a, 'heard@example.com');
    expect(await meStatus(b, user.accessToken)).toBe(200);
    await a.graphql('mutation { logout }', { token: user.accessToken });
    expect(await meStatus(b, user.accessToken)).toBe(401);
  });

  it('waits for it to confirm a logout, so a slow link to Redis does not let a revoked token through', async () => {
    const { a, b } = pair;
    const user = await signup(a, 'slow-link@example.com');
    expect(await meStatus(b, user.accessToken)).toBe(200); // cached on B as live
    proxy.delay(100); // B hears the channel 100 ms late (its confirmation still within the 1 s command timeout)
    try {
      await a.graphql('mutation { logout }', { token: user.accessToken });
      expect(await meStatus(b, user.accessToken)).toBe(401);
    } finally {
      proxy.restore();
    }
  });
});
