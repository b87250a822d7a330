// Runs this repository's entry points as real child processes, the way a
// person or `npm start` runs them, with a clean environment.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(fileURLToPath(import.meta.url), '../../..');
export const tsxBin = join(repoRoot, 'node_modules/.bin/tsx');

export interface Finished {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Only what a process needs to run, plus `env`: nothing leaks in from the test runner. */
export const cleanEnv = (env: Record<string, string>): Record<string, string> => ({ PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '', ...env });

export function startProcess(command: string, args: readonly string[], env: Record<string, string>): ChildProcess {
  return spawn(command, args, { cwd: repoRoot, env: cleanEnv(env), stdio: ['pipe', 'pipe', 'pipe'] });
}

/** Runs to the end (killed after `timeoutMs`), feeding `stdin` if given. */
export function runProcess(command: string, args: readonly string[], options: { env: Record<string, string>; stdin?: string; timeoutMs?: number }): Promise<Finished> {
  const child = startProcess(command, args, options.env);
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  child.stdin?.end(options.stdin ?? '');
  const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 20_000);
  return new Promise((resolvePromise, reject) => {
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolvePromise({ code, stdout, stderr });
    });
  });
}

/** A fresh directory for database files; remove() deletes it. */
export function tempDirectory(prefix: string): { path: string; remove(): void } {
  const path = mkdtempSync(join(tmpdir(), prefix));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}
