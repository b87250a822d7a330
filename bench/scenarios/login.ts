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
  /** CPU time of one verification alone; compare with the server's CPU time per login. */
  readonly argon2CpuMs: number;
  readonly concurrency: number;
}

interface Argon2Alone {
  readonly perSecond: number;
  readonly cpuMsPerVerify: number;
}

export async function argon2Alone(script: string, seconds: number, concurrency: number, cpu: string): Promise<Argon2Alone> {
  const args = [script, String(seconds), String(concurrency)];
  const [command, argv] = canPin ? ['taskset', ['-c', cpu, process.execPath, ...args]] : [process.execPath, args];
  const child = spawn(command, argv, { stdio: ['ignore', 'pipe', 'inherit'], env: { PATH: process.env['PATH'] ?? '', ...tuning() } });
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  if (code !== 0) throw new Error(`argon2-alone exited with ${code}`);
  return JSON.parse(out) as Argon2Alone;
}

/** What both login scenarios need: accounts to sign in as, and how long to go on. */
export interface LoginRounds {
  readonly emails: readonly string[];
  readonly password: string;
  readonly rounds: number;
  readonly seconds: number;
  readonly progress: (line: string) => void;
}

export async function measureLogin(
  settings: LoginRounds & { url: string; cpuNs: () => number; argon2Script: string; cpu: string; concurrency: number },
): Promise<LoginResult> {
  const alone: Argon2Alone[] = [];
  const logins: LoadSample[] = [];
  for (let round = 0; round < settings.rounds; round += 1) {
    alone.push(await argon2Alone(settings.argon2Script, settings.seconds, settings.concurrency, settings.cpu));
    // More connections than hashing slots, so the queue is never empty.
    const sample = await runLoad({
      url: settings.url,
      cpuNs: settings.cpuNs,
      requests: loginRequests(settings.emails, settings.password),
      connections: Math.max(4, settings.concurrency * 2),
      durationSeconds: settings.seconds,
      expectStatus: 200,
      expectBody: '"accessToken"',
    });
    logins.push(sample);
    settings.progress(`  round ${round + 1}/${settings.rounds}: argon2 alone ${alone.at(-1)?.perSecond.toFixed(1)}/s (${alone.at(-1)?.cpuMsPerVerify.toFixed(1)} ms CPU each), login ${sample.rps.toFixed(1)}/s (${(sample.cpuUsPerRequest / 1000).toFixed(1)} ms CPU each, p99 ${sample.p99Ms.toFixed(0)} ms)`);
  }
  return {
    login: summarize(logins),
    argon2PerSecond: median(alone.map((a) => a.perSecond)),
    argon2CpuMs: median(alone.map((a) => a.cpuMsPerVerify)),
    concurrency: settings.concurrency,
  };
}
