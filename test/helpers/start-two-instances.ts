// Two real servers that behave as one: the same Redis key prefix (counters,
// sign-in failures, session changes), the same database, the same secret and
// one fake clock. The database is a SQLite file in a temp directory (WAL), or
// in the vitest "postgres" project one PostgreSQL database of their own; pass
// `databaseUrl` to put both on another one.
import type { Env } from '../../src/platform/config.js';
import { createFakeClock, type FakeClock } from './fake-clock.js';
import { tempDirectory } from './run-process.js';
import { createTestPostgres, testDatabaseUrl } from './test-postgres.js';
import { startTestServer, type TestServer } from './start-test-server.js';
import { deleteKeys, redisEnv, uniquePrefix } from './test-redis.js';

export interface TwoInstances {
  readonly a: TestServer;
  readonly b: TestServer;
  readonly clock: FakeClock;
  readonly prefix: string;
  close(): Promise<void>;
}

export async function startTwoInstances(options: { env?: Env; databaseUrl?: string; redisUrl?: { a: string; b: string }; typeDefs?: readonly string[] } = {}): Promise<TwoInstances> {
  const directory = tempDirectory('two-instances-');
  const prefix = uniquePrefix('two-instances');
  const clock = createFakeClock();
  const onPostgres = process.env['TEST_SERVER_DATABASE'] === 'postgres' && options.databaseUrl === undefined && testDatabaseUrl !== undefined;
  const postgres = onPostgres && testDatabaseUrl !== undefined ? await createTestPostgres(testDatabaseUrl) : undefined;
  const envFor = (redisUrl: string | undefined) => ({
    ...redisEnv(prefix, redisUrl),
    DATABASE_URL: options.databaseUrl ?? postgres?.url ?? `file:${directory.path}/shared.db`,
    ...options.env,
  });
  // One after the other: the first applies the migrations, the second finds them applied.
  const typeDefs = options.typeDefs ? { typeDefs: options.typeDefs } : {};
  const a = await startTestServer({ env: envFor(options.redisUrl?.a), clock, ...typeDefs });
  const b = await startTestServer({ env: envFor(options.redisUrl?.b), clock, ...typeDefs });
  return {
    a,
    b,
    clock,
    prefix,
    async close() {
      await Promise.all([a.close(), b.close()]);
      await postgres?.drop();
      await deleteKeys([prefix]);
      directory.remove();
    },
  };
}
