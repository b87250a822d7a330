// Redis for the tests that need it, at TEST_REDIS_URL (.ci/run sets it). Without
// it those tests are skipped, and each file that would have run them says so.
// Every server gets a key prefix of its own, so parallel files, repeated runs
// and a developer's own data never share a counter or a channel; the keys are
// deleted afterwards.
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import type { Env } from '../../src/platform/config.js';

export const testRedisUrl = process.env['TEST_REDIS_URL']?.trim() || undefined;

/** Prints, once per calling file, that its Redis tests are skipped; returns whether they can run. */
export function redisAvailable(what: string): boolean {
  if (testRedisUrl === undefined) process.stdout.write(`\nTEST_REDIS_URL is not set: skipping ${what}\n`);
  return testRedisUrl !== undefined;
}

export const uniquePrefix = (name: string): string => `test:${name}:${randomUUID().slice(0, 8)}:`;

/** Settings for a server on the test Redis under `prefix` (a fresh one unless given). */
export function redisEnv(prefix: string, url = testRedisUrl ?? ''): Env {
  return { REDIS_URL: url, REDIS_KEY_PREFIX: prefix };
}

/** A plain client on the test Redis, for tests that look at keys themselves. */
export const openTestRedis = (): Redis => new Redis(testRedisUrl ?? '', { lazyConnect: false, maxRetriesPerRequest: 1 });

/** Deletes every key under the prefixes. */
export async function deleteKeys(prefixes: readonly string[]): Promise<void> {
  if (testRedisUrl === undefined || prefixes.length === 0) return;
  const redis = openTestRedis();
  try {
    for (const prefix of prefixes) {
      let cursor = '0';
      do {
        const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
        if (keys.length > 0) await redis.del(...keys);
        cursor = next;
      } while (cursor !== '0');
    }
  } finally {
    redis.disconnect();
  }
}
