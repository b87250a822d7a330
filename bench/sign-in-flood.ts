// `npm run bench:flood`: sign-in under a distributed attack (issue 20). The
// real server (dist/, production mode, its own core) takes a flood of 500
// concurrent wrong logins from 500 addresses (X-Forwarded-For under
// TRUST_PROXY=1, each in its own /24): half guess the owner's password, half
// try unknown emails (which hash too, so they fill the queue). 30 ms into each
// flood the owner signs in from a known device, and an untrusted client tries
// the right password. Prints Markdown and writes bench/results/sign-in-flood.md,
// with the load average at the start and the end (a busy machine slows
// everything) and the server's event-loop CPU per flood request, which a busy
// machine inflates far less than wall time: waiting for a core is not counted.
import { execFileSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadCpu, startAuthServer } from './bench-servers.js';
import { pinSelf } from './server-process.js';
import { seedDatabase } from './seed-database.js';
import { median } from './stats.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const rounds = Number(process.env['FLOOD_ROUNDS'] ?? 10);
const floodSize = Number(process.env['FLOOD_SIZE'] ?? 500);
const mutation = 'mutation($e: String!, $p: String!, $d: String) { login(email: $e, password: $p, deviceToken: $d) { accessToken deviceToken } }';
const loadAverages = () => loadavg().map((n) => n.toFixed(2)).join(' / ');
const loadBefore = loadAverages();
process.stderr.write(`load average (1 / 5 / 15 min) at the start: ${loadBefore}\n`);
const cores = availableParallelism(); // before pinning, which narrows it to one

pinSelf(loadCpu);
if (!process.argv.includes('--no-build')) execFileSync('npm', ['run', '-s', 'build'], { cwd: root, stdio: 'inherit' });
const seeded = await seedDatabase(1);
const owner = seeded.userEmails[0] ?? '';
const server = await startAuthServer({ root, databaseUrl: seeded.databaseUrl, bareScript: '', argon2Script: '' });

interface Answer {
  readonly ms: number;
  readonly code: string;
  readonly deviceToken: string | undefined;
}

async function login(ip: string, email: string, password: string, deviceToken?: string): Promise<Answer> {
  const started = performance.now();
  const response = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': ip },
    body: JSON.stringify({ query: mutation, variables: { e: email, p: password, d: deviceToken ?? null } }),
  });
  const body = (await response.json()) as { data?: { login?: { deviceToken?: string } } | null; errors?: Array<{ extensions?: { code?: string } }> };
  return { ms: performance.now() - started, code: body.errors?.[0]?.extensions?.code ?? 'OK', deviceToken: body.data?.login?.deviceToken };
}

const tally = (answers: readonly Answer[]) => answers.reduce<Record<string, number>>((counts, a) => ({ ...counts, [a.code]: (counts[a.code] ?? 0) + 1 }), {});
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const rows: string[] = [];
const trustedMs: number[] = [];
const idleMs: number[] = [];
const loopUsPerRequest: number[] = [];
let trustedFailures = 0;
try {
  const device = (await login('192.0.2.1', owner, seeded.password)).deviceToken;
  if (!device) throw new Error('the first sign-in returned no device token');
  // The same trusted sign-in with no flood, for scale.
  for (let i = 0; i < 3; i += 1) idleMs.push((await login(`192.0.1.${i + 1}`, owner, seeded.password, device)).ms);
  for (let round = 0; round < rounds; round += 1) {
    // Every address new in every round, each in a /24 of its own.
    const address = (i: number) => `10.${round * 2 + (i >> 8)}.${i & 255}.7`;
    const loopBefore = server.mainThreadCpuNs();
    const flood = Array.from({ length: floodSize }, (_, i) => login(address(i), i % 2 ? owner : `nobody${round}-${i}@bench.example`, 'wrong guess'));
    await sleep(30);
    // The owner's device signs in from an address of its own each round, so the
    // per-address @rateLimit (5 per minute per address and email) is not what is measured.
    const [trusted, untrusted] = await Promise.all([login(`192.0.${round}.1`, owner, seeded.password, device), login(`172.16.${round}.9`, owner, seeded.password)]);
    const answers = await Promise.all(flood);
    const loopUs = (server.mainThreadCpuNs() - loopBefore) / 1000 / (floodSize + 2);
    loopUsPerRequest.push(loopUs);
    if (!trusted || !untrusted) throw new Error('no answer');
    if (trusted.code !== 'OK' || trusted.ms > 1000) trustedFailures += 1;
    trustedMs.push(trusted.ms);
    const counts = tally(answers);
    rows.push(`| ${round + 1} | ${trusted.code} in ${trusted.ms.toFixed(0)} ms | ${untrusted.code} | ${counts['UNAUTHENTICATED'] ?? 0} | ${counts['RATE_LIMITED'] ?? 0} | ${median(answers.map((a) => a.ms)).toFixed(0)} ms | ${loopUs.toFixed(0)} µs |`);
    process.stderr.write(`round ${round + 1}/${rounds}: trusted ${trusted.code} ${trusted.ms.toFixed(0)} ms; flood ${JSON.stringify(counts)}; event loop ${loopUs.toFixed(0)} µs/request; load ${loadAverages()}\n`);
  }
} finally {
  await server.stop();
  rmSync(seeded.dir, { recursive: true, force: true });
}

const loadAfter = loadAverages();
process.stderr.write(`load average (1 / 5 / 15 min) at the end: ${loadAfter}\n`);
const report = [
  `# Sign-in under a flood (${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC)`,
  '',
  `${cpus()[0]?.model.trim() ?? 'unknown CPU'}, ${cores} cores (server pinned to one, this load generator to another), Node ${process.version}. Load average (1 / 5 / 15 min): ${loadBefore} at the start, ${loadAfter} at the end (the machine may be shared; the target needs it quiet).`,
  `Each round: ${floodSize} concurrent wrong logins from ${floodSize} addresses (half on the owner's account, half on unknown emails); 30 ms in, the owner signs in from a known device and an untrusted client tries the right password. Server defaults: PASSWORD_HASH_CONCURRENCY=1, PASSWORD_HASH_QUEUE=64, LOGIN_UNTRUSTED_MAX=10 per 15m.`,
  '',
  '| round | trusted sign-in (device token) | untrusted, right password | flood: UNAUTHENTICATED (hashed) | flood: RATE_LIMITED | flood median | server event-loop CPU per request |',
  '| --- | --- | --- | --- | --- | --- | --- |',
  ...rows,
  '',
  `Trusted sign-in: ${rounds - trustedFailures} of ${rounds} succeeded within 1 s; median ${median(trustedMs).toFixed(0)} ms, worst ${Math.max(...trustedMs).toFixed(0)} ms (with no flood: median ${median(idleMs).toFixed(0)} ms).`,
  `Server event-loop CPU per flood request: median ${median(loopUsPerRequest).toFixed(0)} µs (main thread only, hashing threads apart; ${floodSize} of them is ${((median(loopUsPerRequest) * floodSize) / 1000).toFixed(0)} ms of one core).`,
  '',
].join('\n');
process.stdout.write(report);
writeFileSync(join(root, 'bench/results/sign-in-flood.md'), report);
if (trustedFailures > 0) process.exitCode = 1;
