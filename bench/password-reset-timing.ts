// `npx tsx bench/password-reset-timing.ts [--requests=N] [--no-build]`: does
// requestPasswordReset answer a known address as fast as an unknown one? The
// real server (dist/, production mode, SQLite file, rate limits off) runs as
// its own process on its own core, and so does a real SMTP server (bench/smtp-sink.ts).
// N requests for known addresses and N for unknown ones, interleaved in
// random order, one at a time, each timed from send to answer. Prints
// Markdown and writes bench/results/password-reset-timing.md with the load
// average beside the figures. The test suite shows the same by structure
// (test/services/password-reset-request.test.ts); this is the stopwatch.
import { execFileSync, spawn } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createInterface } from 'node:readline';
import { loadCpu, serverCpu, startAuthServer } from './bench-servers.js';
import { compileScript } from './compile-script.js';
import { seedDatabase } from './seed-database.js';
import { canPin, pinSelf } from './server-process.js';
import { median } from './stats.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const requests = Number(process.argv.find((a) => a.startsWith('--requests='))?.split('=')[1] ?? 1000);
const loadBefore = loadavg()[0] ?? 0;
const cores = cpus().length; // before pinning

pinSelf(loadCpu);
if (!process.argv.includes('--no-build')) execFileSync('npm', ['run', '-s', 'build'], { cwd: root, stdio: 'inherit' });

// The mail server is a process of its own (on the server's core, where mail
// work happens after each answer anyway), so receiving a message never delays
// this process reading an answer.
let received = 0;
const sinkScript = compileScript(join(root, 'bench/smtp-sink.ts'), join(root, 'dist/bench'));
const sink = spawn(canPin ? 'taskset' : 'node', canPin ? ['-c', serverCpu, 'node', sinkScript] : [sinkScript], { stdio: ['ignore', 'pipe', 'inherit'] });
const smtpPort = await new Promise<number>((ready) => {
  createInterface({ input: sink.stdout }).on('line', (line) => {
    if (line === 'mail') received += 1;
    else if (line.startsWith('port ')) ready(Number(line.slice(5)));
  });
});

const seeded = await seedDatabase(50);
const server = await startAuthServer({ root, databaseUrl: seeded.databaseUrl, bareScript: '', argon2Script: '' }, {
  SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
  MAIL_FROM: 'bench@example.test',
  APP_URL: 'https://app.example.test',
  RATE_LIMIT_REQUEST_PASSWORD_RESET: 'off',
  RATE_LIMIT_REQUEST_PASSWORD_RESET_PER_EMAIL: 'off',
});

const quantile = (values: readonly number[], q: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(q * values.length))] ?? Number.NaN;
// A 95% interval for the difference of medians, by resampling each kind with
// replacement: if it holds 0, the two cannot be told apart at this noise.
function bootstrapInterval(a: readonly number[], b: readonly number[], rounds = 2000): [number, number] {
  const resample = (values: readonly number[]) => values.map(() => values[Math.floor(Math.random() * values.length)] ?? 0);
  const differences = Array.from({ length: rounds }, () => median(resample(a)) - median(resample(b))).sort((x, y) => x - y);
  return [differences[Math.floor(rounds * 0.025)] ?? Number.NaN, differences[Math.floor(rounds * 0.975)] ?? Number.NaN];
}
const row = (name: string, values: readonly number[]) => `| ${name} | ${values.length} | ${median(values).toFixed(3)} | ${quantile(values, 0.9).toFixed(3)} | ${quantile(values, 0.99).toFixed(3)} |`;

try {
  const order = [...Array<boolean>(requests).fill(true), ...Array<boolean>(requests).fill(false)].sort(() => Math.random() - 0.5);
  const times = { known: [] as number[], unknown: [] as number[] };
  let n = 0;
  for (const known of order) {
    n += 1;
    const email = known ? (seeded.userEmails[n % seeded.userEmails.length] ?? '') : `unknown${n}@bench.example`;
    const started = performance.now();
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: 'mutation($e: String!) { requestPasswordReset(email: $e) }', variables: { e: email } }),
    });
    const body = await response.text();
    const ms = performance.now() - started;
    if (!body.startsWith('{"data":{"requestPasswordReset":true}}')) throw new Error(`unexpected answer: ${body}`);
    (known ? times.known : times.unknown).push(ms);
  }
  // The mails leave after the answers; give the last ones a moment to arrive.
  for (let waited = 0; received < requests && waited < 30_000; waited += 100) await new Promise((done) => setTimeout(done, 100));

  const difference = median(times.known) - median(times.unknown);
  const [low, high] = bootstrapInterval(times.known, times.unknown);
  const us = (ms: number) => `${Math.round(ms * 1000)} µs`;
  const report = [
    '# requestPasswordReset: known vs unknown address',
    '',
    `${new Date().toISOString()} · ${cpus()[0]?.model ?? 'unknown CPU'}, ${cores} cores · load average ${loadBefore.toFixed(1)} before, ${(loadavg()[0] ?? 0).toFixed(1)} after · Node ${process.version}`,
    '',
    `The server from dist/ in its own process and core (production mode, SQLite file, rate limits off), a real SMTP server in a process of its own; ${requests} requests of each kind, interleaved at random, one at a time. Milliseconds from send to answer.`,
    '',
    '| address | requests | median | p90 | p99 |',
    '| --- | --- | --- | --- | --- |',
    row('known (a mail is sent)', times.known),
    row('unknown (no mail)', times.unknown),
    '',
    `Difference of medians (known − unknown): ${us(difference)}, 95% interval ${us(low)} to ${us(high)} (bootstrap): ${low <= 0 && high >= 0 ? 'the two cannot be told apart' : 'a difference beyond the noise'}. Mails the SMTP server received: ${received} for ${times.known.length} known requests.`,
    '',
  ].join('\n');
  process.stdout.write(report);
  writeFileSync(join(root, 'bench/results/password-reset-timing.md'), report);
} finally {
  await server.stop();
  sink.kill('SIGTERM');
  rmSync(seeded.dir, { recursive: true, force: true });
}
