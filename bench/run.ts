// `npm run bench`: the real server (production mode, populated SQLite, its own
// core) against a bare Apollo Server in the same run. Prints Markdown and
// writes it to bench/results/latest.md. See docs/performance.md.
import { execFileSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, release } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseOptions } from './bench-options.js';
import { loadCpu, serverCpu, startAuthServer, startBareServer, type BenchPaths } from './bench-servers.js';
import { compileScript } from './compile-script.js';
import { bearer, graphqlPost, meQuery, signIn, tamperedToken, usersQuery } from './graphql-requests.js';
import { renderReport, type BenchResults } from './report.js';
import { measureLogin } from './scenarios/login.js';
import { measureLoginStorm } from './scenarios/login-storm.js';
import { measureRateLimitFlood } from './scenarios/rate-limit-flood.js';
import { measureStartTime } from './scenarios/start-time.js';
import { compareThroughput, type ThroughputTarget } from './scenarios/throughput.js';
import { seedDatabase } from './seed-database.js';
import { canPin, pinSelf, type ServerProcess } from './server-process.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const options = parseOptions(process.argv.slice(2));
const wanted = (scenario: string) => options.only === undefined || options.only.split(',').some((group) => scenario.includes(group));
const startedAt = performance.now();
const progress = (line: string) => process.stderr.write(`[${((performance.now() - startedAt) / 1000).toFixed(0).padStart(3)} s] ${line}\n`);
const tokenPool = 20; // distinct signed-in users behind the `me` load, so the session cache sees more than one key
const cores = availableParallelism(); // before pinning, which narrows it to one
const loadBefore = loadavg()[0] ?? 0;

pinSelf(loadCpu);
if (options.build) {
  progress('building (npm run build)…');
  execFileSync('npm', ['run', '-s', 'build'], { cwd: root, stdio: 'inherit' });
}
const outDir = join(root, 'dist/bench');
progress(`seeding ${options.users} users and an admin…`);
const seeded = await seedDatabase(options.users);
const paths: BenchPaths = {
  root,
  databaseUrl: seeded.databaseUrl,
  bareScript: compileScript(join(root, 'bench/bare-apollo-server.ts'), outDir),
  argon2Script: compileScript(join(root, 'bench/argon2-alone.ts'), outDir),
};
const hashConcurrency = Number(process.env['PASSWORD_HASH_CONCURRENCY'] ?? 1);
const started: ServerProcess[] = [];
const track = async (server: Promise<ServerProcess>) => {
  const s = await server;
  started.push(s);
  return s;
};
const results: { -readonly [K in keyof BenchResults]: BenchResults[K] } = {
  runLabel: options.quick ? 'quick' : 'full',
  machine: {
    date: new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC',
    cpu: cpus()[0]?.model.trim() ?? 'unknown CPU',
    cores,
    node: process.version,
    os: `Linux ${release()}`,
    pinning: canPin ? `Servers pinned to core(s) ${serverCpu}, load generator (autocannon, in the bench process) to core ${loadCpu}` : 'Not pinned (no taskset or a single core): numbers are noisier',
    settings: `${options.rounds} rounds × ${options.seconds} s, ${options.connections} connections; ${options.users} users; NODE_ENV=production, LOG_LEVEL=${process.env['LOG_LEVEL'] ?? 'warn'}, TRUST_PROXY=1, PASSWORD_HASH_CONCURRENCY=${hashConcurrency}`,
  },
};

try {
  if (wanted('start')) {
    progress('start to healthy…');
    results.startTime = {
      auth: await measureStartTime(() => startAuthServer(paths), options.starts),
      bare: await measureStartTime(() => startBareServer(paths, 'http'), options.starts),
    };
  }
  const auth = await track(startAuthServer(paths));
  const adminToken = await signIn(auth.url, seeded.adminEmail, seeded.password);
  const userTokens: string[] = [];
  for (const email of seeded.userEmails.slice(0, tokenPool)) userTokens.push(await signIn(auth.url, email, seeded.password));
  const meRequests = userTokens.map((token) => graphqlPost(meQuery, bearer(token)));

  if (wanted('throughput')) {
    progress('throughput: ours vs bare Apollo, alternating…');
    const bareHttp = await track(startBareServer(paths, 'http'));
    const bareStandalone = await track(startBareServer(paths, 'standalone'));
    const other = options.compare === undefined ? undefined : await track(startAuthServer({ ...paths, root: resolve(options.compare) }));
    const ours = (server: ServerProcess, tag = ''): ThroughputTarget[] => [
      { name: `me${tag}`, label: `authenticated \`me { id email }\`${tag}`, server, requests: meRequests, expectStatus: 200, expectBody: '"email":"user' },
      { name: `users${tag}`, label: `\`users(first: 20)\` as ADMIN${tag}`, server, requests: [graphqlPost(usersQuery, bearer(adminToken))], expectStatus: 200, expectBody: '"hasNextPage":true' },
      { name: `anonymous${tag}`, label: `anonymous \`users\` → UNAUTHENTICATED${tag}`, server, requests: [graphqlPost(usersQuery)], expectStatus: 200, expectBody: '"UNAUTHENTICATED"' },
      { name: `invalid token${tag}`, label: `\`me\` with a tampered token → 401${tag}`, server, requests: [graphqlPost(meQuery, bearer(tamperedToken(adminToken)))], expectStatus: 401, expectBody: '"UNAUTHENTICATED"' },
    ];
    // Before/after a change: each of the other build's scenarios runs right after this build's.
    const mine = ours(auth);
    const theirs = other ? ours(other, ' (compare)') : [];
    const paired = mine.flatMap((target, i) => [target, ...(theirs[i] ? [theirs[i]] : [])]);
    const bare: ThroughputTarget[] = [
      { name: 'bare node:http', label: 'bare Apollo, node:http, constant `me`', server: bareHttp, requests: [graphqlPost(meQuery)], expectStatus: 200, expectBody: '"email"' },
      { name: 'bare standalone', label: 'bare Apollo, startStandaloneServer, constant `me`', server: bareStandalone, requests: [graphqlPost(meQuery)], expectStatus: 200, expectBody: '"email"' },
    ];
    // `me` and the bare baselines back to back, so their per-round ratios compare like with like.
    const meCount = theirs.length ? 2 : 1;
    const targets = [...paired.slice(0, meCount), ...bare, ...paired.slice(meCount)];
    results.throughput = await compareThroughput(targets, options, progress);
    await Promise.all([bareHttp.stop(), bareStandalone.stop(), other?.stop()]);
  }
  const loginSettings = { url: auth.url, emails: seeded.userEmails, password: seeded.password, rounds: Math.min(3, options.rounds), seconds: options.seconds + 1, progress };
  if (wanted('login')) {
    progress('login vs argon2id alone…');
    results.login = await measureLogin({ ...loginSettings, cpuNs: auth.cpuNs, argon2Script: paths.argon2Script, cpu: serverCpu, concurrency: hashConcurrency });
  }
  if (wanted('storm')) {
    progress('me p99 idle vs during a login storm…');
    results.storm = await measureLoginStorm({ ...loginSettings, rounds: options.rounds, server: auth, meRequests, meRate: options.stormMeRate, loginConnections: options.stormLoginConnections });
  }
  await auth.stop();
  if (wanted('flood')) {
    progress(`rate-limited login under ${options.identities} distinct identities (fresh server)…`);
    const fresh = await track(startAuthServer(paths));
    results.flood = await measureRateLimitFlood({ server: fresh, meRequests, identities: options.identities, seconds: options.seconds, connections: options.connections, progress });
    await fresh.stop();
  }
} finally {
  await Promise.all(started.map((s) => s.stop()));
  rmSync(seeded.dir, { recursive: true, force: true });
}

// Other work on the machine shows up as noise; the load average says how much there was.
results.machine = { ...results.machine, load: `load average ${loadBefore.toFixed(2)} at start, ${(loadavg()[0] ?? 0).toFixed(2)} at end` };
const report = renderReport(results);
process.stdout.write(`${report}\n`);
// Only a complete run of this build replaces the committed results; partial or compare runs go beside it (ignored by git).
const complete = options.only === undefined && options.compare === undefined;
writeFileSync(join(root, complete ? 'bench/results/latest.md' : 'bench/results/partial.tmp'), `${report}\n`);
