// What the per-request revocation check costs, next to the check-free path.
//
//   npx tsx bench/session-check.ts [iterations]      (default 300000)
//   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npx tsx bench/session-check.ts
//        the same over PostgreSQL, in a scratch database created next to
//        the one named and dropped afterwards
//   REDIS_URL=redis://127.0.0.1:6379 npx tsx bench/session-check.ts
//   BENCH_KEY=ed25519|p256|rsa npx tsx bench/session-check.ts
//        the same with tokens signed by a private key (JWT_PRIVATE_KEY)
//        instead of HS256
//
// Every authenticated request verifies the JWT (HS256 unless BENCH_KEY) and
// then asks the session verifier whether the token's session is still live.
// This measures, in one process, on a real SQLite file in a temp directory:
//   jwt verify only           the check-free path (what stateless JWTs cost)
//   jwt verify, remembered    the same through the verified-token cache, as
//                             every request after a token's first one
//   verify + check, cached    the usual case: liveness served from memory
//   verify + check, miss      every check reads SQLite (SESSION_CACHE_TTL=0)
//   check alone, cached/miss  the check without the JWT verify
//   api key check, cached/miss  what a request with an API key costs instead
//                             (SHA-256 of the key, then the key cache or SQLite)
// With REDIS_URL, also the paths of an instance on the shared channel:
//   verify + check, cached, Redis channel   the usual case with several instances
//   forgetSession, published and confirmed  what a logout adds to tell the others and hear back
// Components are built exactly as src/app.ts builds them; HTTP and GraphQL
// are left out on purpose, so the numbers are the check and nothing else.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDatabase } from '../db/create-database.js';
import { generateKeyPairSync } from 'node:crypto';
import { createAccessTokens, type AccessTokens, type VerifiedAccessToken } from '../src/credentials/access-tokens.js';
import { newApiKey } from '../src/credentials/api-keys.js';
import { createApiKeyRepository, createSessionRepository, createUserRepository } from '../src/repositories/create-repositories.js';
import { createApiKeyVerifier } from '../src/services/api-key-verifier.js';
import { localOnly } from '../src/services/session-invalidations.js';
import { loadTokenKeys } from '../src/credentials/signing-keys.js';
import { cacheVerifiedTokens } from '../src/credentials/verified-token-cache.js';
import { systemClock } from '../src/platform/clock.js';
import { loadConfig } from '../src/platform/config.js';
import { createLogger } from '../src/platform/logger.js';
import { openRedis, type RedisConnection } from '../src/platform/redis-connection.js';
import { newId, type ApiKeyId, type RefreshTokenHash, type SessionId, type UserId } from '../src/platform/ids.js';
import { createRedisSessionInvalidations } from '../src/services/redis-session-invalidations.js';
import { createSessionVerifier, type SessionVerifier } from '../src/services/session-verifier.js';
import { createTestPostgres } from '../test/helpers/test-postgres.js';

const iterations = Number(process.argv[2] ?? 300_000);
const keyTypes = { ed25519: ['ed25519', {}], p256: ['ec', { namedCurve: 'P-256' }], rsa: ['rsa', { modulusLength: 2048 }] } as const;
const keyType = (process.env['BENCH_KEY'] || undefined) as keyof typeof keyTypes | undefined;
if (keyType !== undefined && !(keyType in keyTypes)) throw new Error(`BENCH_KEY must be one of ${Object.keys(keyTypes).join(', ')}`);
const privateKey = keyType ? generateKeyPairSync(keyTypes[keyType][0] as 'ed25519', keyTypes[keyType][1]).privateKey.export({ format: 'pem', type: 'pkcs8' }).toString() : undefined;
const directory = mkdtempSync(join(tmpdir(), 'session-check-'));
const scratch = process.env['BENCH_DATABASE_URL'] ? await createTestPostgres(process.env['BENCH_DATABASE_URL']) : undefined;
const database = await createDatabase(scratch?.url ?? `file:${join(directory, 'bench.db')}`);
const dialect = database.dialect === 'sqlite' ? 'SQLite' : 'PostgreSQL';
const hour = 3_600_000;
const redisSettings = loadConfig({ REDIS_URL: process.env['REDIS_URL'], REDIS_KEY_PREFIX: `bench:${process.pid}:` }).redis;
let redis: RedisConnection | undefined;

async function seed(): Promise<{ userId: UserId; sessionId: SessionId }> {
  const now = systemClock.now();
  const userId = newId() as UserId;
  const sessionId = newId() as SessionId;
  await createUserRepository(database).insert({ id: userId, email: 'bench@example.com', passwordHash: 'unused', role: 'USER', now });
  const sessions = createSessionRepository(database);
  // Other users' sessions too, so the lookup runs against an index, not a one-row table.
  for (let i = 0; i < 10_000; i += 1) {
    const otherUser = newId() as UserId;
    await createUserRepository(database).insert({ id: otherUser, email: `u${i}@example.com`, passwordHash: 'unused', role: 'USER', now });
    await sessions.create({ id: newId() as SessionId, userId: otherUser, now, expiresAt: now + hour, userAgent: 'bench', ip: '127.0.0.1', refreshTokenHash: `o${i}` as RefreshTokenHash, refreshTokenExpiresAt: now + hour });
  }
  await sessions.create({ id: sessionId, userId, now, expiresAt: now + hour, userAgent: 'bench', ip: '127.0.0.1', refreshTokenHash: 'h' as RefreshTokenHash, refreshTokenExpiresAt: now + hour });
  return { userId, sessionId };
}

interface Path {
  readonly name: string;
  readonly run: () => unknown;
  /** Whether the row includes the JWT verify, so its extra cost over the check-free path means something. */
  readonly withVerify: boolean;
}

/** Seconds for `count` calls of `run`. */
async function time(run: () => unknown, count: number): Promise<number> {
  const started = process.hrtime.bigint();
  for (let i = 0; i < count; i += 1) await run();
  return Number(process.hrtime.bigint() - started) / 1e9;
}

const median = (values: readonly number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;

// The paths take turns, round after round, and each reports its median round:
// a burst of load from elsewhere on the machine hits every path alike.
async function measure(paths: readonly Path[]): Promise<Array<Path & { microseconds: number }>> {
  const rounds = 7;
  const perRound = Math.ceil(iterations / rounds);
  for (const path of paths) await time(path.run, Math.min(20_000, perRound)); // warm up the JIT and caches
  const samples = paths.map(() => [] as number[]);
  for (let round = 0; round < rounds; round += 1) {
    for (const [index, path] of paths.entries()) samples[index]?.push(((await time(path.run, perRound)) * 1e6) / perRound);
  }
  return paths.map((path, index) => ({ ...path, microseconds: median(samples[index] ?? []) }));
}

/** With REDIS_URL: a verifier on the shared session-change channel, as app.ts wires it. */
async function sharedChannelPaths(sessions: ReturnType<typeof createSessionRepository>, token: string, accessTokens: AccessTokens, verified: VerifiedAccessToken): Promise<Path[]> {
  if (!redisSettings) return [];
  const log = createLogger({ level: 'warn', pretty: false });
  redis = await openRedis(redisSettings, log);
  const invalidations = createRedisSessionInvalidations({ ...redis, prefix: redisSettings.keyPrefix, log, ackTimeoutMs: redisSettings.commandTimeoutMs });
  for (let waited = 0; !invalidations.listening; waited += 10) {
    if (waited > 5_000) throw new Error('not subscribed to the session channel after 5 s');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  const verifier: SessionVerifier = createSessionVerifier({ sessions, clock: systemClock, cacheTtlMs: 5_000, maxEntries: 10_000, invalidations });
  // Forgetting a session nobody holds: the publish is the cost, the cache keeps the hot session.
  const unrelated = newId() as SessionId;
  return [
    { name: 'verify + check, cached, Redis channel', run: async () => verifier.viewerFor(await accessTokens.verify(token)), withVerify: true },
    { name: 'check alone, cached, Redis channel', run: () => verifier.viewerFor(verified), withVerify: false },
    { name: 'forgetSession, published and confirmed (Redis)', run: () => verifier.forgetSession(unrelated), withVerify: false },
  ];
}

async function main() {
  const { userId, sessionId } = await seed();
  const sessions = createSessionRepository(database);
  const keys = await loadTokenKeys({ secret: privateKey ? undefined : 'bench-secret-that-is-at-least-32-bytes-long', previousSecret: undefined, privateKey, previousPrivateKey: undefined });
  const accessTokens = createAccessTokens({ keys, issuer: 'graphql-auth', audience: 'graphql-auth', ttlMs: hour }, systemClock);
  const remembered = cacheVerifiedTokens(accessTokens, systemClock, 10_000);
  const cached = createSessionVerifier({ sessions, clock: systemClock, cacheTtlMs: 5_000, maxEntries: 10_000 });
  const uncached = createSessionVerifier({ sessions, clock: systemClock, cacheTtlMs: 0, maxEntries: 10_000 });
  const { token } = await accessTokens.sign({ userId, role: 'USER', sessionId, proof: { authTime: Date.now(), amr: ['pwd'] } });
  const verified: VerifiedAccessToken = await accessTokens.verify(token);

  const shared = await sharedChannelPaths(sessions, token, accessTokens, verified);
  const apiKeys = createApiKeyRepository(database);
  const made = newApiKey();
  await apiKeys.create({ id: newId() as ApiKeyId, userId, name: 'bench', hash: made.hash, prefix: made.prefix, scopes: ['profile:read'], now: systemClock.now(), expiresAt: null }, 25);
  const keysCached = createApiKeyVerifier({ apiKeys, clock: systemClock, cacheTtlMs: 5_000, maxEntries: 10_000, changes: localOnly });
  const keysUncached = createApiKeyVerifier({ apiKeys, clock: systemClock, cacheTtlMs: 0, maxEntries: 10_000, changes: localOnly });
  const rows = await measure([
    { name: `jwt verify only (check-free), ${keys.signing.alg}`, run: () => accessTokens.verify(token), withVerify: true },
    { name: 'jwt verify, remembered (verified-token cache)', run: () => remembered.verify(token), withVerify: true },
    { name: 'remembered verify + check, cached (a request)', run: async () => cached.viewerFor(await remembered.verify(token)), withVerify: true },
    { name: 'verify + check, cached', run: async () => cached.viewerFor(await accessTokens.verify(token)), withVerify: true },
    { name: `verify + check, miss (${dialect})`, run: async () => uncached.viewerFor(await accessTokens.verify(token)), withVerify: true },
    { name: 'check alone, cached', run: () => cached.viewerFor(verified), withVerify: false },
    { name: `check alone, miss (${dialect})`, run: () => uncached.viewerFor(verified), withVerify: false },
    { name: 'api key check, cached (a request)', run: () => keysCached.viewerFor(made.key), withVerify: false },
    { name: `api key check, miss (${dialect})`, run: () => keysUncached.viewerFor(made.key), withVerify: false },
    ...shared,
  ]);
  const base = rows[0]?.microseconds ?? Number.NaN;
  const signed = (value: number, digits: number) => `${value < 0 ? '−' : '+'}${Math.abs(value).toFixed(digits)}`;
  const added = (r: (typeof rows)[number]) =>
    r.withVerify && r !== rows[0] ? `${signed(r.microseconds - base, 2)} µs (${signed(((r.microseconds - base) / base) * 100, 0)}%)` : '';
  const lines = [
    `session check: ${iterations.toLocaleString('en')} calls per path (7 interleaved rounds, median), node ${process.version}, ${process.platform}/${process.arch}`,
    '',
    '| path | ops/s | µs/op | added to check-free |',
    '| --- | ---: | ---: | ---: |',
    ...rows.map((r) => `| ${r.name} | ${Math.round(1e6 / r.microseconds).toLocaleString('en')} | ${r.microseconds.toFixed(2)} | ${added(r)} |`),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

main()
  .finally(async () => {
    redis?.close();
    await database.close();
    await scratch?.drop();
    rmSync(directory, { recursive: true, force: true });
  })
  .catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  });
