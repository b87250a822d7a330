// Throughput of one instance against two on one Redis, as they are run:
// real server processes (`node --import tsx src/main.ts`) on one SQLite file,
// loaded over HTTP by autocannon, the load split evenly across the instances.
//
//   npx tsx bench/two-instances.ts [seconds] [connections]   (default 5 s per run, 20)
//   REDIS_URL=redis://host:6379 npx tsx bench/two-instances.ts
//
// Three set-ups, each with two requests:
//   one instance, in process   no REDIS_URL: the embedded default
//   one instance, Redis        REDIS_URL: counters and the session channel in Redis
//   two instances, Redis       both on one Redis and one database, half the connections each
// Requests:
//   me                 an authenticated read: JWT verify, cached session check, one user lookup
//   refreshToken       a rate-limited mutation: a counter hit on every call (the limit is
//                      raised so nothing is refused), then a lookup of a well-formed
//                      refresh token that does not exist
// All four servers run throughout (idle when not measured); after a warm-up
// the rows take turns for 3 rounds and each reports its median round. Servers
// log at warn (no request lines), so the numbers are the server's, not the
// pipe's. Everything runs on this machine: the load generator takes CPU from
// the servers, so read the ratios more than the absolute numbers.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const seconds = Number(process.argv[2] ?? 5);
const connections = Number(process.argv[3] ?? 20);
const rounds = 3;
const redisUrl = process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379';
const root = resolve(fileURLToPath(import.meta.url), '../..');
const directory = mkdtempSync(join(tmpdir(), 'two-instances-bench-'));
const servers: ChildProcess[] = [];

const baseEnv = {
  PATH: process.env['PATH'] ?? '',
  NODE_ENV: 'production',
  HOST: '127.0.0.1',
  JWT_SECRET: 'bench-secret-that-is-at-least-32-bytes-long',
  DATABASE_URL: `file:${join(directory, 'bench.db')}`,
  LOG_LEVEL: 'warn',
  ACCESS_TOKEN_TTL: '1h',
  RATE_LIMIT_SIGNUP: 'off',
  RATE_LIMIT_REFRESH_TOKEN: '100000000/1m',
};

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((done) => probe.listen(0, '127.0.0.1', done));
  const address = probe.address();
  await new Promise((done) => probe.close(done));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

async function startServer(env: Record<string, string>): Promise<string> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], { cwd: root, env: { ...baseEnv, ...env, PORT: String(port) }, stdio: ['ignore', 'ignore', 'inherit'] });
  servers.push(child);
  const url = `http://127.0.0.1:${port}`;
  for (let waited = 0; waited < 30_000; waited += 100) {
    const ready = await fetch(`${url}/readyz`).then((r) => r.ok, () => false);
    if (ready) return url;
    await new Promise((done) => setTimeout(done, 100));
  }
  throw new Error(`server on ${port} not ready after 30 s`);
}

async function stopServers(): Promise<void> {
  await Promise.all(servers.splice(0).map((child) => new Promise((done) => (child.once('exit', done), child.kill('SIGTERM')))));
}

async function accessToken(url: string): Promise<string> {
  const email = `bench-${Date.now()}-${Math.random().toString(36).slice(2)}@example.com`;
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: `mutation { signup(email: "${email}", password: "bench password 1") { accessToken } }` }),
  });
  const json = (await response.json()) as { data?: { signup?: { accessToken?: string } } };
  const token = json.data?.signup?.accessToken;
  if (!token) throw new Error(`signup failed: ${JSON.stringify(json)}`);
  return token;
}

interface Load {
  readonly requests: number;
  readonly p50: number;
  readonly p99: number;
  readonly non2xx: number;
  readonly errors: number;
}

/** One autocannon process against `url` for `duration` seconds; its JSON summary. */
function autocannon(url: string, body: string, headers: readonly string[], clients: number, duration: number): Promise<Load> {
  const args = ['-j', '-c', String(clients), '-d', String(duration), '-m', 'POST', '-H', 'content-type=application/json', ...headers.flatMap((h) => ['-H', h]), '-b', body, `${url}/graphql`];
  const child = spawn(join(root, 'node_modules/.bin/autocannon'), args, { stdio: ['ignore', 'pipe', 'ignore'] });
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
  return new Promise((done, fail) => {
    child.on('error', fail);
    child.on('close', () => {
      const r = JSON.parse(out) as { requests: { total: number }; latency: { p50: number; p99: number }; non2xx: number; errors: number };
      done({ requests: r.requests.total, p50: r.latency.p50, p99: r.latency.p99, non2xx: r.non2xx, errors: r.errors });
    });
  });
}

const scenarios = [
  { name: 'me', body: JSON.stringify({ query: '{ me { id email } }' }), authenticated: true },
  { name: 'refreshToken', body: JSON.stringify({ query: 'mutation { refreshToken(refreshToken: "rt_XOm6IdIahsaMUIot40psft1Wyu5zjdq1aNzhGUo9ab8") { accessToken } }' }), authenticated: false },
];

interface Setup {
  readonly name: string;
  readonly urls: readonly string[];
  readonly token: string;
}

/** Requests per second of one scenario on one set-up, the connections split over its instances. */
async function run(setup: Setup, scenario: (typeof scenarios)[number], duration: number): Promise<{ rate: number; latency: string; problems: number }> {
  const headers = scenario.authenticated ? [`authorization=Bearer ${setup.token}`] : [];
  const loads = await Promise.all(setup.urls.map((url) => autocannon(url, scenario.body, headers, Math.max(1, Math.round(connections / setup.urls.length)), duration)));
  return {
    rate: loads.reduce((sum, l) => sum + l.requests, 0) / duration,
    latency: loads.map((l) => `${l.p50}/${l.p99}`).join(', '),
    problems: loads.reduce((sum, l) => sum + l.non2xx + l.errors, 0),
  };
}

const median = (values: readonly number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;

async function main() {
  const prefix = `bench:${process.pid}:`;
  const shared = { REDIS_URL: redisUrl, REDIS_KEY_PREFIX: prefix };
  const inProcess = await startServer({});
  const single = await startServer(shared);
  const pair = [await startServer(shared), await startServer(shared)];
  const setups: Setup[] = [
    { name: 'one instance, in process', urls: [inProcess], token: await accessToken(inProcess) },
    { name: 'one instance, Redis', urls: [single], token: await accessToken(single) },
    { name: 'two instances, Redis', urls: pair, token: await accessToken(pair[0] ?? '') },
  ];
  // Warm every server's JIT up, then take turns, round after round, and keep
  // each row's median round: load from elsewhere on the machine hits all alike.
  for (const setup of setups) for (const scenario of scenarios) await run(setup, scenario, 2);
  const samples = new Map<string, Array<Awaited<ReturnType<typeof run>>>>();
  for (let round = 0; round < rounds; round += 1) {
    for (const setup of setups) {
      for (const scenario of scenarios) {
        const key = `| ${setup.name} | ${scenario.name} |`;
        const result = await run(setup, scenario, seconds);
        samples.set(key, [...(samples.get(key) ?? []), result]);
        process.stderr.write(`round ${round + 1}: ${key} ${Math.round(result.rate)} req/s\n`);
      }
    }
  }
  const rows = [...samples].map(([key, results]) => {
    const rate = median(results.map((r) => r.rate));
    const middle = results.find((r) => r.rate === rate) ?? results[0];
    return `${key} ${Math.round(rate).toLocaleString('en')} | ${middle?.latency ?? ''} | ${results.reduce((sum, r) => sum + r.problems, 0)} |`;
  });
  const lines = [
    `two instances: ${rounds} interleaved rounds of ${seconds} s per row (median), ${connections} connections in all, node ${process.version}, ${cpus().length} cores`,
    '',
    '| set-up | request | req/s | latency p50/p99 ms (per instance) | non-2xx + errors |',
    '| --- | --- | ---: | --- | ---: |',
    ...rows,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

main()
  .catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  })
  .finally(async () => {
    await stopServers();
    rmSync(directory, { recursive: true, force: true });
  });
