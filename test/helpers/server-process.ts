// The real entry point (src/main.ts) in a child process, as `npm start` runs
// it: for what only a process can show (signals, exit codes, staying alive
// through a fault). Its JSON log lines are parsed as they come; it is
// resolved once it logs the URL it listens on.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { cleanEnv, repoRoot } from './run-process.js';

export interface ServerProcess {
  readonly process: ChildProcess;
  /** Base URL, e.g. http://127.0.0.1:41234. */
  readonly url: string;
  /** Every log line so far, parsed. */
  readonly lines: Array<Record<string, unknown>>;
  /** Resolves with the exit code once the process has exited. */
  readonly exited: Promise<number | null>;
  /** True while the process has neither exited nor been killed by a signal. */
  alive(): boolean;
  /** SIGKILL if still running; for clean-up. */
  kill(): void;
}

/** Starts `src/main.ts` with only `env` (plus PATH and HOME); PORT 0 and HOST 127.0.0.1 unless given. */
export async function startServerProcess(env: Record<string, string>): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: repoRoot,
    env: cleanEnv({ PORT: '0', HOST: '127.0.0.1', ...env }),
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const alive = () => child.exitCode === null && child.signalCode === null;
  // 'close', not 'exit': only then has everything the process wrote to stdout been read.
  const exited = once(child, 'close').then(([code]) => code as number | null);
  const lines: Array<Record<string, unknown>> = [];
  let pending = '';
  const ready = new Promise<string>((resolveUrl, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      pending += chunk.toString('utf8');
      const complete = pending.split('\n');
      pending = complete.pop() ?? '';
      for (const text of complete.filter((t) => t.trim() !== '')) {
        const line = JSON.parse(text) as Record<string, unknown>;
        lines.push(line);
        if (typeof line['url'] === 'string' && line['url'].endsWith('/graphql')) resolveUrl(line['url'].slice(0, -'/graphql'.length));
      }
    });
    void exited.then((code) => reject(new Error(`server exited with ${code} before it was ready`)));
  });
  const kill = () => {
    if (alive()) child.kill('SIGKILL');
  };
  try {
    return { process: child, url: await ready, lines, exited, alive, kill };
  } catch (error) {
    kill();
    throw error;
  }
}
