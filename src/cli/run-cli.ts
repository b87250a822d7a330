// Dispatches `npm run cli -- <command> [flags]` to a command from commands.ts,
// opens the server's parts for it, and turns every failure into one line on
// stderr and an exit status: 0 done, 1 refused, 2 bad usage.
import { parseArgs } from 'node:util';
import type { Env } from '../platform/config.js';
import { BadUserInputError } from '../platform/errors.js';
import { UsageError, type CliCommand, type CliIo, type CliValues } from './cli-command.js';
import { commands } from './commands.js';
import { openCliDeps } from './open-cli-deps.js';

export const exitCodes = { ok: 0, refused: 1, usage: 2 } as const;

function overview(): string {
  const width = Math.max(...[...commands.keys()].map((name) => name.length));
  return [
    'Usage: npm run cli -- <command> [options]',
    '',
    'Administers users in the database named by DATABASE_URL, with the same settings as the server.',
    '',
    'Commands:',
    ...[...commands.values()].map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    "Run 'npm run cli -- <command> --help' for a command's options.",
    'Exit status: 0 done, 1 refused (bad input, unknown user, settings), 2 bad usage.',
    '',
  ].join('\n');
}

function parseFlags(command: CliCommand, args: readonly string[]): CliValues {
  try {
    const options = { ...command.options, help: { type: 'boolean', short: 'h' } } as const;
    return parseArgs({ args: [...args], options, strict: true, allowPositionals: false }).values;
  } catch (error) {
    // node:util's messages are already clear ("Unknown option '--x'").
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

/** One line for the person at the terminal, and the exit status it deserves. */
function explain(error: unknown, command: string): { line: string; code: number } {
  if (error instanceof UsageError) return { line: `${error.message}; see 'npm run cli -- ${command} --help'`, code: exitCodes.usage };
  // Input fields are named like the flags that carry them (email → --email).
  if (error instanceof BadUserInputError) return { line: `--${error.field}: ${error.message}`, code: exitCodes.refused };
  // Settings and keys (BootError) and the rest: the message alone, as main.ts prints a BootError.
  return { line: error instanceof Error ? error.message : String(error), code: exitCodes.refused };
}

export async function runCli(argv: readonly string[], env: Env, io: CliIo): Promise<number> {
  const [name, ...args] = argv;
  if (name === '--help' || name === '-h' || name === 'help') {
    io.stdout.write(overview());
    return exitCodes.ok;
  }
  const command = name === undefined ? undefined : commands.get(name);
  if (!command) {
    io.stderr.write(name === undefined ? overview() : `error: unknown command '${name}'; see 'npm run cli -- --help'\n`);
    return exitCodes.usage;
  }
  let opened: ReturnType<typeof openCliDeps> | undefined; // one open, however often a command asks
  const open = () => (opened ??= openCliDeps(env, { command: command.name, stderr: io.stderr }));
  try {
    const values = parseFlags(command, args);
    if (values['help'] === true) {
      io.stdout.write(`${command.help}\n`);
      return exitCodes.ok;
    }
    await command.run(values, open, io);
    return exitCodes.ok;
  } catch (error) {
    const { line, code } = explain(error, command.name);
    io.stderr.write(`error: ${line}\n`);
    return code;
  } finally {
    await (await opened?.catch(() => undefined))?.close();
  }
}
