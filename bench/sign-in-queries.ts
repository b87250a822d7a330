// What the database part of a sign-in costs: the repository calls a login
// makes, in its order, without HTTP, GraphQL or the password hash.
//
//   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npx tsx bench/sign-in-queries.ts [sign-ins]
//        over PostgreSQL, in a scratch database created next to the one
//        named and dropped afterwards (default 3000 sign-ins)
//   npx tsx bench/sign-in-queries.ts     the same over a SQLite file
//
// Per sign-in: the user by email, the device token presented (its owner), a
// new session with its first refresh token (one transaction), the user's
// live sessions (the cap), the user again by id (the password may have
// changed meanwhile), a new device token (one transaction). One at a time,
// so the figure is latency, not throughput; median of 7 rounds.
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDatabase } from '../db/create-database.js';
import { newId, type DeviceTokenHash, type RefreshTokenHash, type SessionId, type UserId } from '../src/platform/ids.js';
import { createDeviceTokenRepository, createSessionRepository, createUserRepository } from '../src/repositories/create-repositories.js';
import { createTestPostgres } from '../test/helpers/test-postgres.js';

const signIns = Number(process.argv[2] ?? 3_000);
const directory = mkdtempSync(join(tmpdir(), 'sign-in-queries-'));
const scratch = process.env['BENCH_DATABASE_URL'] ? await createTestPostgres(process.env['BENCH_DATABASE_URL']) : undefined;
const database = await createDatabase(scratch?.url ?? `file:${join(directory, 'bench.db')}`);
const users = createUserRepository(database);
const sessions = createSessionRepository(database);
const devices = createDeviceTokenRepository(database);
const day = 86_400_000;

const median = (values: readonly number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;

async function main() {
  const now = Date.now();
  // A thousand accounts, so the lookups run against indexes, not one-row tables.
  const emails: string[] = [];
  for (let i = 0; i < 1_000; i += 1) {
    emails.push(`user${i}@example.com`);
    await users.insert({ id: newId() as UserId, email: `user${i}@example.com`, passwordHash: 'unused', role: 'USER', now });
  }
  let counter = 0;
  async function signIn() {
    const at = Date.now();
    const user = await users.findByEmail(emails[counter++ % emails.length] ?? '');
    if (!user) throw new Error('no such user');
    await devices.userOf(`d${counter}` as DeviceTokenHash, at);
    await sessions.create({ id: newId() as SessionId, userId: user.id, now: at, expiresAt: at + day, userAgent: 'bench', ip: '127.0.0.1', refreshTokenHash: `r${counter}` as RefreshTokenHash, refreshTokenExpiresAt: at + day });
    await sessions.listLive(user.id, at);
    await users.findWithPasswordHash(user.id);
    await devices.create({ hash: `n${counter}` as DeviceTokenHash, userId: user.id, now: at, expiresAt: at + day }, 50);
  }
  const rounds = 7;
  const perRound = Math.ceil(signIns / rounds);
  for (let i = 0; i < Math.min(300, perRound); i += 1) await signIn(); // warm up
  const samples: number[] = [];
  for (let round = 0; round < rounds; round += 1) {
    const started = process.hrtime.bigint();
    for (let i = 0; i < perRound; i += 1) await signIn();
    samples.push(Number(process.hrtime.bigint() - started) / 1e3 / perRound);
  }
  const µs = median(samples);
  process.stdout.write(
    `sign-in queries on ${database.dialect}: ${µs.toFixed(0)} µs per sign-in (${Math.round(1e6 / µs)}/s one at a time; ${perRound * rounds} sign-ins, median of ${rounds} rounds), node ${process.version}, load average ${loadavg()
      .map((n) => n.toFixed(1))
      .join(' ')}\n`,
  );
}

try {
  await main();
} finally {
  await database.close();
  await scratch?.drop();
  rmSync(directory, { recursive: true, force: true });
}
