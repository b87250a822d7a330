// The PostgreSQL pool through connections that break or fall silent at the
// worst moment, placed exactly: a TCP proxy in front of a database of the
// test's own, and a pool of one connection, so the next transaction gets
// whatever the pool kept. A connection whose statement timed out is given up,
// a transaction whose BEGIN failed gives its connection back, and neither
// failure outlives the fault.
import { sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openPostgres, type PostgresDatabase } from '../../db/pg/open-postgres.js';
import { startTcpProxy, type TcpProxy } from '../helpers/tcp-proxy.js';
import { createTestPostgres, noteSkippedWithoutPostgres, testDatabaseUrl, type TestPostgres } from '../helpers/test-postgres.js';

noteSkippedWithoutPostgres('test/db/postgres-connections.test.ts (pooled connections through faults)');

describe.skipIf(testDatabaseUrl === undefined)('pooled PostgreSQL connections through faults', () => {
  let postgres: TestPostgres;
  let proxy: TcpProxy;
  let database: PostgresDatabase;
  const lost: string[] = [];

  beforeEach(async () => {
    postgres = await createTestPostgres(testDatabaseUrl ?? '');
    proxy = await startTcpProxy(postgres.url);
    database = await openPostgres(proxy.url, { statementTimeoutMs: 300, poolSize: 1, onConnectionError: (problem) => lost.push(problem.message) });
  });
  afterEach(async () => {
    await database.close();
    await proxy.close();
    await postgres.drop();
    lost.length = 0;
  });

  // The pool's one connection, open and idle. Opening it shares the 300 ms
  // bound, which a loaded machine can miss: a few tries, as this is the setup.
  const connectionOpenAndIdle = async () => {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await database.db.execute(sql`select 1`);
      } catch (error) {
        if (attempt === 5) throw error;
      }
    }
  };
  const oneTransaction = () => database.db.transaction(async (tx) => (await tx.execute(sql`select 1 as one`)).rows);

  it('gives up a connection that falls silent in the middle of a transaction, so the next one works', async () => {
    const failed = database.db.transaction(async (tx) => {
      await tx.execute(sql`select 1`);
      proxy.strand(); // this connection never answers again, as after a failover
      await tx.execute(sql`select 2`);
    });
    await expect(failed).rejects.toThrow();
    expect(database.isUnavailable(await failed.catch((error: unknown) => error))).toBe(true);
    proxy.restore();
    // Kept in the pool, the silent connection would fail this (its ROLLBACK still waiting).
    expect(await oneTransaction()).toEqual([{ one: 1 }]);
    expect(lost).toContain('Connection terminated unexpectedly');
  });

  it('gives back the connection of a transaction whose BEGIN failed, so the pool does not run dry', async () => {
    await connectionOpenAndIdle();
    proxy.strand();
    await expect(oneTransaction()).rejects.toThrow(/begin/);
    proxy.restore();
    // With its only connection kept checked out, the pool would time out here for good.
    expect(await oneTransaction()).toEqual([{ one: 1 }]);
    expect(await oneTransaction()).toEqual([{ one: 1 }]);
  });

  it('survives a connection cut while a transaction holds it', async () => {
    const failed = database.db.transaction(async (tx) => {
      await tx.execute(sql`select 1`);
      proxy.cut();
      await tx.execute(sql`select 2`);
    });
    expect(database.isUnavailable(await failed.catch((error: unknown) => error))).toBe(true);
    proxy.restore();
    expect(await oneTransaction()).toEqual([{ one: 1 }]);
    expect(lost).toContain('Connection terminated unexpectedly');
  });
});
