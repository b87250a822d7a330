// A server under test as its own process, pinned to its own core, so the load
// generator never steals its CPU. Start time is spawn → first healthy answer.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';

export interface ServerProcess {
  readonly url: string;
  readonly pid: number;
  /** Milliseconds from spawn until the probe first succeeded. */
  readonly startMs: number;
  /** Resident set size now, in bytes (Linux /proc). */
  rssBytes(): number;
  /**
   * CPU time the process has run so far, all threads, in nanoseconds (Linux
   * schedstat). Unlike req/s it barely moves when other work shares the machine:
   * time spent waiting for a core is not counted.
   */
  cpuNs(): number;
  /** How long the main (event-loop) thread has waited, runnable, for a core so far, in nanoseconds. */
  mainThreadWaitNs(): number;
  /** CPU time of the main (event-loop) thread alone so far, in nanoseconds: no hashing threads. */
  mainThreadCpuNs(): number;
  stop(): Promise<void>;
}

export interface SpawnOptions {
  readonly args: readonly string[];
  readonly env: Readonly<Record<string, string>>;
  readonly port: number;
  /** Path that answers 200 once the server is ready. */
  readonly probe: (url: string) => Promise<boolean>;
  /** Cores for the server (taskset -c), when pinning is possible. */
  readonly cpus?: string;
}

const hasTaskset = spawnSync('taskset', ['-V']).status === 0;

/** Pinning needs taskset and at least two cores: one for the server, one for the load. */
export const canPin = hasTaskset && availableParallelism() >= 2;

/** Pins this process (every thread) to a core, for the load generator. */
export function pinSelf(cpu: string): void {
  if (canPin) spawnSync('taskset', ['-a', '-cp', cpu, String(process.pid)]);
}

export const healthz = async (url: string): Promise<boolean> => (await fetch(`${url}/healthz`)).status === 200;

function readRss(pid: number): number {
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match?.[1] ? Number(match[1]) * 1024 : Number.NaN;
}

function readCpuNs(pid: number): number {
  let total = 0;
  for (const task of readdirSync(`/proc/${pid}/task`)) {
    try {
      total += Number(readFileSync(`/proc/${pid}/task/${task}/schedstat`, 'utf8').split(' ')[0]);
    } catch {
      // the thread ended between listing and reading
    }
  }
  return total;
}

async function waitForExit(child: ChildProcess, ms: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return true;
  const exited = new Promise<boolean>((resolve) => child.once('exit', () => resolve(true)));
  return Promise.race([exited, sleep(ms).then(() => false)]);
}

export async function spawnServer(options: SpawnOptions): Promise<ServerProcess> {
  const url = `http://127.0.0.1:${options.port}`;
  const [command, args] = canPin && options.cpus ? ['taskset', ['-c', options.cpus, process.execPath, ...options.args]] : [process.execPath, [...options.args]];
  const started = performance.now();
  const child = spawn(command, args, { env: { PATH: process.env['PATH'] ?? '', ...options.env, PORT: String(options.port) }, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode} before it was healthy:\n${stderr}`);
    if (await options.probe(url).catch(() => false)) break;
    if (performance.now() - started > 20_000) {
      child.kill('SIGKILL');
      throw new Error(`server not healthy after 20 s:\n${stderr}`);
    }
    await sleep(2);
  }
  const startMs = performance.now() - started;
  const pid = child.pid ?? -1; // taskset execs the command, so this is the server's own pid
  return {
    url,
    pid,
    startMs,
    rssBytes: () => readRss(pid),
    cpuNs: () => readCpuNs(pid),
    mainThreadWaitNs: () => Number(readFileSync(`/proc/${pid}/task/${pid}/schedstat`, 'utf8').split(' ')[1]),
    mainThreadCpuNs: () => Number(readFileSync(`/proc/${pid}/task/${pid}/schedstat`, 'utf8').split(' ')[0]),
    async stop() {
      child.kill('SIGTERM');
      if (!(await waitForExit(child, 5000))) child.kill('SIGKILL');
    },
  };
}
