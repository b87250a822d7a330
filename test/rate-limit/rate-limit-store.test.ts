// The counter stores, in process and on Redis: atomic counts, fixed windows on
// the injected clock, peek and reset; and the in-process store's hard bound on
// how many keys it holds.
import type { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import type { Clock } from '../../src/platform/clock.js';
import { createRedisRateLimitStore } from '../../src/rate-limit/redis-rate-limit-store.js';
import { createMemoryRateLimitStore, type RateLimitStore } from '../../src/rate-limit/rate-limit-store.js';
import { createFakeClock } from '../helpers/fake-clock.js';
import { deleteKeys, openTestRedis, redisAvailable, uniquePrefix } from '../helpers/test-redis.js';

type StoreFactory = (clock: Clock) => RateLimitStore;

function storeContract(makeStore: StoreFactory) {
  it('counts hits in a window that opens at the first hit and closes windowMs later', async () => {
    const clock = createFakeClock(1_000_000);
    const store = makeStore(clock);
    expect(await store.hit('k', 60_000)).toEqual({ count: 1, resetAt: 1_060_000 });
    clock.advance(59_999);
    expect(await store.hit('k', 60_000)).toEqual({ count: 2, resetAt: 1_060_000 });
    clock.advance(1);
    expect(await store.peek('k')).toBeUndefined();
    expect(await store.hit('k', 60_000)).toEqual({ count: 1, resetAt: 1_120_000 });
  });

  it('gives every one of many simultaneous hits its own count', async () => {
    const store = makeStore(createFakeClock());
    const counts = (await Promise.all(Array.from({ length: 100 }, () => store.hit('same', 1000)))).map((s) => s.count);
    expect(counts.sort((a, b) => a - b)).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
  });

  it('peeks without counting and forgets on reset', async () => {
    const store = makeStore(createFakeClock());
    expect(await store.peek('k')).toBeUndefined();
    await store.hit('k', 1000);
    await store.peek('k');
    expect((await store.peek('k'))?.count).toBe(1);
    await store.reset('k');
    expect(await store.peek('k')).toBeUndefined();
  });
}

describe('memory rate-limit store', () => {
  storeContract((clock) => createMemoryRateLimitStore({ clock, maxKeys: 10 }));

  it('holds at most maxKeys keys, dropping the least recently used, never the one in use', async () => {
    const store = createMemoryRateLimitStore({ clock: createFakeClock(), maxKeys: 1000 });
    await store.hit('attacker', 60_000);
    for (let i = 0; i < 10_000; i += 1) {
      await store.hit(`flood-${i}`, 60_000);
      if (i % 500 === 0) await store.hit('attacker', 60_000); // still hammering: stays recent
    }
    expect(store.size).toBeLessThanOrEqual(1000);
    expect((await store.peek('attacker'))?.count).toBe(21);
    expect(await store.peek('flood-0')).toBeUndefined();
    expect(await store.peek('flood-9999')).toMatchObject({ count: 1 });
  });
});

describe.skipIf(!redisAvailable('the Redis rate-limit store'))('redis rate-limit store', () => {
  const prefixes: string[] = [];
  let redis: Redis | undefined;
  const client = () => (redis ??= openTestRedis());
  afterAll(async () => {
    await deleteKeys(prefixes);
    redis?.disconnect();
  });
  const makeStore: StoreFactory = (clock) => {
    const prefix = uniquePrefix('rate-limit-store');
    prefixes.push(prefix);
    return createRedisRateLimitStore({ redis: client(), prefix, clock });
  };

  storeContract(makeStore);

  it('keeps each window in one key under its prefix that Redis expires with the window', async () => {
    const prefix = uniquePrefix('rate-limit-store');
    prefixes.push(prefix);
    const store = createRedisRateLimitStore({ redis: client(), prefix, clock: createFakeClock() });
    await store.hit('LOGIN|ip:1.2.3.4|', 60_000);
    expect(await client().keys(`${prefix}*`)).toEqual([`${prefix}rl:LOGIN|ip:1.2.3.4|`]);
    const ttl = await client().pttl(`${prefix}rl:LOGIN|ip:1.2.3.4|`);
    expect(ttl).toBeGreaterThan(55_000);
    expect(ttl).toBeLessThanOrEqual(60_000);
  });

  it('loads its script again after Redis forgot it (a restart or SCRIPT FLUSH)', async () => {
    const store = makeStore(createFakeClock());
    await store.hit('k', 1000);
    await client().script('FLUSH');
    expect((await store.hit('k', 1000)).count).toBe(2);
  });
});
