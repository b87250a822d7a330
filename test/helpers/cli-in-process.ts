// The CLI run in process through runCli: the whole of it but for
// src/cli/main.ts's three lines, with its own settings, stdin and output.
import { Readable } from 'node:stream';
import { runCli } from '../../src/cli/run-cli.js';
import type { Env } from '../../src/platform/config.js';
import type { Finished } from './run-process.js';

/** One CLI run: its exit status and everything it wrote. `stdin` is what is piped in (nothing: an empty pipe). */
export async function runCliWith(args: readonly string[], env: Env, stdin = ''): Promise<Finished> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, env, {
    stdin: Readable.from([stdin]),
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
  });
  return { code, stdout, stderr };
}

/** The audit events among the JSON log lines a run wrote to stderr. */
export const auditEventsOf = (stderr: string): Array<Record<string, unknown>> =>
  stderr
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Record<string, unknown>)
    .filter((line) => line['audit'] === true);
