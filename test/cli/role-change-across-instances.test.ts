// `set-role` from the command line while two servers run on one database and
// one Redis: it goes through the same service as setUserRole, so both servers
// drop the user's cached sessions before the CLI answers, and the role.changed
// event is written. SESSION_CACHE_TTL is an hour and the shared fake clock
// never moves, so only the Redis channel can tell the servers. On PostgreSQL
// when TEST_DATABASE_URL is set, else on an SQLite file.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codeOf, signup, signupAdmin, type SignedIn } from '../helpers/accounts.js';
import { auditEventsOf, runCliWith } from '../helpers/cli-in-process.js';
import { tempDirectory } from '../helpers/run-process.js';
import { testEnv } from '../helpers/start-test-server.js';
import { startTwoInstances, type TwoInstances } from '../helpers/start-two-instances.js';
import { createTestPostgres, testDatabaseUrl, type TestPostgres } from '../helpers/test-postgres.js';
import { redisAvailable, redisEnv } from '../helpers/test-redis.js';

const usersQuery = '{ users(first: 5) { edges { node { id } } } }';
const settings = { SESSION_CACHE_TTL: '1h' };

describe.skipIf(!redisAvailable('the CLI role change across instances'))('set-role from the CLI, two servers on one Redis', () => {
  const directory = tempDirectory('cli-two-instances-');
  let postgres: TestPostgres | undefined;
  let databaseUrl: string;
  let pair: TwoInstances;
  let bob: SignedIn;
  const cli = (...args: string[]) => runCliWith(args, testEnv({ DATABASE_URL: databaseUrl, ...redisEnv(pair.prefix), ...settings }));
  beforeAll(async () => {
    postgres = testDatabaseUrl === undefined ? undefined : await createTestPostgres(testDatabaseUrl);
    databaseUrl = postgres?.url ?? `file:${join(directory.path, 'app.db')}`;
    pair = await startTwoInstances({ databaseUrl, env: settings });
    await signupAdmin(pair.a, 'root@example.com'); // so that bob is not the last ADMIN when demoted
    bob = await signup(pair.a, 'bob@example.com');
  });
  afterAll(async () => {
    await pair.close();
    await postgres?.drop();
    directory.remove();
  });

  it('runs on PostgreSQL when TEST_DATABASE_URL is set', () => {
    expect(pair.a.app.database.dialect).toBe(testDatabaseUrl === undefined ? 'sqlite' : 'postgres');
  });

  it('a promotion is seen by both servers on the next request, on the token they had cached as USER', async () => {
    for (const server of [pair.a, pair.b]) expect(codeOf(await server.graphql(usersQuery, { token: bob.accessToken }))).toBe('FORBIDDEN');
    const promoted = await cli('set-role', '--email', 'bob@example.com', '--role', 'ADMIN');
    expect(promoted).toMatchObject({ code: 0, stdout: 'bob@example.com is now ADMIN (was USER)\n' });
    for (const server of [pair.a, pair.b]) {
      const listed = await server.graphql(usersQuery, { token: bob.accessToken });
      expect(listed.body.errors).toBeUndefined();
      expect(listed.body.data?.['users']).toMatchObject({ edges: [{ node: { id: expect.any(String) } }, { node: { id: bob.id } }] });
    }
    expect(auditEventsOf(promoted.stderr)).toEqual([
      expect.objectContaining({ event: 'role.changed', actorId: null, subjectId: bob.id, role: 'ADMIN', ip: 'cli', userAgent: 'npm run cli -- set-role' }),
    ]);
  });

  it('a demotion too: both servers refuse the ADMIN field at once', async () => {
    const demoted = await cli('set-role', '--email', 'bob@example.com', '--role', 'USER');
    expect(demoted).toMatchObject({ code: 0, stdout: 'bob@example.com is now USER (was ADMIN)\n' });
    for (const server of [pair.a, pair.b]) expect(codeOf(await server.graphql(usersQuery, { token: bob.accessToken }))).toBe('FORBIDDEN');
    expect(auditEventsOf(demoted.stderr)).toEqual([expect.objectContaining({ event: 'role.changed', subjectId: bob.id, role: 'USER' })]);
  });

  it('keeps the last-admin guard: the only ADMIN is not demoted, and nothing is audited', async () => {
    const refused = await cli('set-role', '--email', 'root@example.com', '--role', 'USER');
    expect(refused.code).toBe(1);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toMatch(/^error: --role: The last ADMIN cannot be demoted/);
    expect(auditEventsOf(refused.stderr)).toEqual([]);
  });
});
