// Runs one suite against each rate-limit store: in process, and Redis (when
// TEST_REDIS_URL is set). The suite asks `env()` for the settings of each
// server it starts; on Redis every server gets its own key prefix, so servers
// never share counters unless a test means them to.
import { afterAll, describe } from 'vitest';
import type { Env } from '../../src/platform/config.js';
import { deleteKeys, redisAvailable, redisEnv, uniquePrefix } from './test-redis.js';

export interface StoreVariant {
  readonly store: 'memory' | 'redis';
  /** Settings selecting this store, for one server. */
  env(): Env;
}

export function describeEachStore(title: string, suite: (variant: StoreVariant) => void): void {
  describe(`${title} (memory store)`, () => suite({ store: 'memory', env: () => ({}) }));
  describe.skipIf(!redisAvailable(`"${title}" on the Redis store`))(`${title} (redis store)`, () => {
    const prefixes: string[] = [];
    afterAll(() => deleteKeys(prefixes));
    suite({
      store: 'redis',
      env() {
        const prefix = uniquePrefix('store');
        prefixes.push(prefix);
        return redisEnv(prefix);
      },
    });
  });
}
