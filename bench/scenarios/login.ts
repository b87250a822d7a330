// login is argon2-bound by design. Its ceiling is argon2id verifications per
// second with the same parameters, concurrency bound and core, measured alone
// in its own process; login throughput is reported next to it.
import { spawn } from 'node:child_process';
import { loginRequests } from '../graphql-requests.js';
import { runLoad, type LoadSample } from '../run-load.js';
import { tuning } from '../bench-servers.js';
import { canPin } from '../server-process.js';
import { median, summarize, type Summary } from '../stats.js';

export interface LoginResult {
  readonly login: Summary;
  readonly argon2PerSecond: number;
  readonly concurrency: number;
}

export async function argon2Alone(script: string, seconds: number, concurrency: number, cpu: string): Promise<number> {
  const args = [script, String(seconds), String(concurrency)];
  const [command, argv] = canPin ? ['taskset', ['-c', cpu, process.execPath, ...args]] : [process.execPath, args];
  const child = spawn(command, argv, { stdio: ['ignore', 'pipe', 'inherit'], env: { PATH: process.env['PATH'] ?? '', ...tuning() } });
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  if (code !== 0) throw new Error(`argon2-alone exited with ${code}`);
  return (JSON.parse(out) as { perSecond: number }).perSecond;
}

export async function measureLogin(settings: {
  url: string;
  emails: readonly string[];
  password: string;
  argon2Script: string;
  cpu: string;
  concurrency: number;
  rounds: number;
  seconds: number;
  progress: (line: string) => void;
}): Promise<LoginResult> {
  const alone: number[] = [];
  const logins: LoadSample[] = [];
  for (let round = 0; round < settings.rounds; round += 1) {
    alone.push(await argon2Alone(settings.argon2Script, settings.seconds, settings.concurrency, settings.cpu));
    // More connections than hashing slots, so the queue is never empty.
    const sample = await runLoad({
      url: settings.url,
      requests: loginRequests(settings.emails, settings.password),
      connections: Math.max(4, settings.concurrency * 2),
      durationSeconds: settings.seconds,
      expectStatus: 200,
      expectBody: '"accessToken"',
    });
    logins.push(sample);
    settings.progress(`  round ${round + 1}/${settings.rounds}: argon2 alone ${alone.at(-1)?.toFixed(1)}/s, login ${sample.rps.toFixed(1)}/s (p99 ${sample.p99Ms.toFixed(0)} ms)`);
  }
  return { login: summarize(logins), argon2PerSecond: median(alone), concurrency: settings.concurrency };
}
