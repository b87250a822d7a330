// A password given without --password: piped on stdin, or typed at a prompt
// that does not echo. Either way it stays out of shell history and `ps`.
import { createInterface } from 'node:readline/promises';
import { Writable } from 'node:stream';
import type { CliIo } from './cli-command.js';

export async function readPassword(io: CliIo): Promise<string> {
  if (io.stdin.isTTY) return promptHidden(io);
  let text = '';
  for await (const chunk of io.stdin) text += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
  // `echo secret |` adds one line break that is not part of the password.
  return text.replace(/\r?\n$/, '');
}

async function promptHidden(io: CliIo): Promise<string> {
  io.stderr.write('Password (not shown): ');
  // readline echoes what is typed to its output; give it one that drops it.
  const muted = new Writable({ write: (_chunk, _encoding, done) => done() });
  const prompt = createInterface({ input: io.stdin, output: muted, terminal: true });
  try {
    return await prompt.question('');
  } finally {
    prompt.close();
    io.stderr.write('\n');
  }
}
