// Two instances of the real server (child processes, production mode) on one
// PostgreSQL and one Redis, each reached through a TCP proxy the test
// controls, under a mixed load of clients that sign up, read, refresh, write
// notes and sign in. The database connection is cut while refresh
// transactions are open. Asserted: both processes stay up, and once the
// database is back every write they acknowledged is found in it.
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashRefreshToken } from '../../src/credentials/refresh-tokens.js';
import { figuresOf, figuresTable, type FaultFigures } from '../helpers/fault-figures.js';
import { startMixedLoad, type Answer, type MixedLoad } from '../helpers/mixed-load.js';
import { startServerProcess, type ServerProcess } from '../helpers/server-process.js';
import { testSecret } from '../helpers/start-test-server.js';
import { startTcpProxy, type TcpProxy } from '../helpers/tcp-proxy.js';
import { createTestPostgres, noteSkippedWithoutPostgres, testDatabaseUrl, type TestPostgres } from '../helpers/test-postgres.js';
import { deleteKeys, redisAvailable, testRedisUrl, uniquePrefix } from '../helpers/test-redis.js';

noteSkippedWithoutPostgres('test/process/two-instance-outages.test.ts (database and Redis faults on two instances)');
const canRun = redisAvailable('the two-instance outage tests') && testDatabaseUrl !== undefined;

// Limits high enough for the load, still counted in Redis on every call.
const generousLimits = Object.fromEntries(['SIGNUP', 'LOGIN', 'LOGIN_PER_EMAIL', 'REFRESH_TOKEN', 'CREATE_NOTE'].map((name) => [`RATE_LIMIT_${name}`, '1000000/1m']));

const ok = (answer: Answer) => answer.status === 200 && answer.code === undefined;

/** Resolves once `condition` holds, polling every 25 ms; fails after `withinMs`. */
async function until(condition: () => boolean | Promise<boolean>, withinMs: number, what: string): Promise<void> {
  for (const started = performance.now(); performance.now() - started < withinMs; await sleep(25)) {
    if (await condition()) return;
  }
  throw new Error(`not within ${withinMs} ms: ${what}`);
}

describe.skipIf(!canRun)('two instances through database and Redis faults', () => {
  let postgres: TestPostgres;
  let database: TcpProxy;
  let redis: TcpProxy;
  let instances: ServerProcess[] = [];
  const prefix = uniquePrefix('outages');
  const figures: FaultFigures[] = [];

  beforeAll(async () => {
    postgres = await createTestPostgres(testDatabaseUrl ?? '');
    database = await startTcpProxy(postgres.url);
    redis = await startTcpProxy(testRedisUrl ?? '');
    const env = {
      NODE_ENV: 'production',
      JWT_SECRET: testSecret,
      DATABASE_URL: database.url,
      REDIS_URL: redis.url,
      REDIS_KEY_PREFIX: prefix,
      LOG_LEVEL: 'info',
      ...generousLimits,
    };
    // One after the other: the first migrates.
    instances = [await startServerProcess(env), await startServerProcess(env)];
  }, 60_000);

  afterAll(async () => {
    if (figures.length > 0) process.stdout.write(`\nWhat clients saw (${new Date().toISOString()}):\n${figuresTable(figures)}\n`);
    for (const instance of instances) instance.kill();
    await database?.close();
    await redis?.close();
    await postgres?.drop();
    await deleteKeys([prefix]);
  });

  const bothAlive = () => instances.every((instance) => instance.alive());

  /** Runs the load through `fault`, restores, waits until every instance answers a request again, then stops the load. */
  async function throughFault(name: string, fault: () => Promise<void>, restore: () => void): Promise<MixedLoad> {
    const load = startMixedLoad({ urls: instances.map((i) => i.url), clients: 8, tag: name.replace(/\W+/g, '-') });
    try {
      await until(() => load.answers.filter(ok).length >= 60, 30_000, 'the load is under way');
      const faultAt = performance.now();
      await fault();
      expect(bothAlive()).toBe(true);
      const restoredAt = performance.now();
      restore();
      await until(() => instances.every((_, index) => load.answers.some((a) => a.instance === index && a.sentAt > restoredAt && ok(a))), 20_000, 'every instance answers again');
      await sleep(1_000);
      await load.stop();
      figures.push(figuresOf(load.answers, { name, faultAt, restoredAt }));
    } finally {
      await load.stop();
    }
    expect(bothAlive()).toBe(true);
    return load;
  }

  /** Every write the servers acknowledged is in the database. */
  async function expectNothingLost(load: MixedLoad): Promise<void> {
    const client = new pg.Client({ connectionString: postgres.url });
    await client.connect();
    try {
      const { emails, refreshTokens, noteIds } = load.acknowledged;
      const count = async (sql: string, values: readonly string[]) => Number((await client.query<{ n: string }>(sql, [values])).rows[0]?.n);
      expect(await count('select count(*) as n from users where email = any($1)', emails)).toBe(emails.length);
      expect(await count('select count(*) as n from refresh_tokens where token_hash = any($1)', refreshTokens.map(hashRefreshToken))).toBe(refreshTokens.length);
      expect(await count('select count(*) as n from notes where id = any($1)', noteIds)).toBe(noteIds.length);
      expect(noteIds.length).toBeGreaterThan(0);
    } finally {
      await client.end();
    }
  }

  it('survives a database cut in the middle of refresh transactions, and loses nothing it acknowledged', async () => {
    const load = await throughFault(
      'database cut (2 s)',
      async () => {
        // Answers from the database slowed: several refresh transactions are open at any moment.
        database.delay(25);
        await sleep(500);
        database.cut();
        await sleep(2_000);
      },
      () => database.restore(),
    );
    expect(load.answers.some((a) => a.operation === 'refresh' && !ok(a))).toBe(true);
    await expectNothingLost(load);
  }, 120_000);
});
