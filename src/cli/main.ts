// `npm run cli -- <command>`: the command-line entry. Like src/main.ts, it is
// the only module on its side that reads process.env.
import { runCli } from './run-cli.js';

process.exitCode = await runCli(process.argv.slice(2), process.env, {
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
});
