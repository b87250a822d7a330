// The CLI as a person runs it, over a real SQLite file, then the server over
// the same file proves the users it made are real users. Each command runs
// in process through runCli (the whole of the CLI but for src/cli/main.ts's
// three lines), with its own settings, stdin and output; one test runs it as
// a real process, as `npm run cli` does.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codeOf, login, signup } from '../helpers/accounts.js';
import { auditEventsOf, runCliWith } from '../helpers/cli-in-process.js';
import { runProcess, tempDirectory, tsxBin, type Finished } from '../helpers/run-process.js';
import { startTestServer, type TestServer } from '../helpers/start-test-server.js';

const directory = tempDirectory('cli-test-');
const databaseUrl = `file:${join(directory.path, 'app.db')}`;

const cli = (args: readonly string[], stdin?: string, url = databaseUrl): Promise<Finished> => runCliWith(args, { NODE_ENV: 'test', DATABASE_URL: url }, stdin);

/** A refusal is exactly one line on stderr, nothing on stdout, and the given status. */
function expectRefused(result: Finished, code: number, text: string | RegExp) {
  expect(result.code).toBe(code);
  expect(result.stdout).toBe('');
  const lines = result.stderr.trimEnd().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^error: /);
  expect(lines[0]).toMatch(text);
}

const usersQuery = '{ users(first: 100) { edges { node { email role } } } }';

describe('user administration CLI', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ env: { DATABASE_URL: databaseUrl } });
  });
  afterAll(async () => {
    await server.close();
    directory.remove();
  });

  it('lists its commands with --help, and refuses to guess without one, touching no database', async () => {
    const untouched = join(directory.path, 'untouched', 'app.db');
    const [help, none, commandHelp] = await Promise.all([cli(['--help']), cli([]), cli(['create-user', '--help'], undefined, `file:${untouched}`)]);
    expect(commandHelp).toMatchObject({ code: 0, stderr: '' });
    expect(commandHelp.stdout).toMatch(/^Usage: npm run cli -- create-user --email <email>/);
    expect(existsSync(untouched)).toBe(false);
    expect(help.code).toBe(0);
    for (const name of ['create-user', 'set-role', 'list-users']) expect(help.stdout).toContain(name);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('Usage: npm run cli -- <command>');
  });

  it('creates the first admin, who can then sign in and list users over the API', async () => {
    const created = await cli(['create-user', '--email', ' Root@Example.com ', '--password', 'correct horse battery', '--role', 'ADMIN']);
    expect(created.code).toBe(0);
    expect(created.stderr).toBe('');
    expect(created.stdout).toMatch(/^Created ADMIN root@example\.com \(id [0-9a-f-]{36}\)\n$/);
    const root = await login(server, 'root@example.com', 'correct horse battery');
    const users = await server.graphql(usersQuery, { token: root.accessToken });
    expect(users.body.data?.['users']).toEqual({ edges: [{ node: { email: 'root@example.com', role: 'ADMIN' } }] });
  });

  it('reads the password from stdin when --password is left off', async () => {
    const created = await cli(['create-user', '--email', 'piped@example.com'], 'piped password 1\n');
    expect(created.code).toBe(0);
    expect(created.stdout).toMatch(/^Created USER piped@example\.com/);
    await login(server, 'piped@example.com', 'piped password 1');
  });

  it('refuses a duplicate email (in any case), a bad role, a bad email and a short password, each in one line', async () => {
    // Independent runs, side by side.
    const [duplicate, role, email, short, empty] = await Promise.all([
      cli(['create-user', '--email', 'ROOT@example.com', '--password', 'another password']),
      cli(['create-user', '--email', 'owner@example.com', '--password', 'correct horse', '--role', 'OWNER']),
      cli(['create-user', '--email', 'not-an-email', '--password', 'correct horse']),
      cli(['create-user', '--email', 'short@example.com', '--password', 'short']),
      cli(['create-user', '--email', 'empty@example.com'], ''),
    ]);
    expectRefused(duplicate, 1, /--email: This email is already registered/);
    expectRefused(role, 1, /--role: Role must be one of USER, ADMIN/);
    expectRefused(email, 1, /--email: Enter a valid email address/);
    expectRefused(short, 1, /--password: Password must be 8 to 128 characters/);
    expectRefused(empty, 1, /--password/);
    const listed = await cli(['list-users', '--json']);
    expect((JSON.parse(listed.stdout) as Array<{ email: string }>).map((u) => u.email)).toEqual(['root@example.com', 'piped@example.com']);
  });

  it('changes a role by email, audited; a running server without Redis sees it within SESSION_CACHE_TTL, on the same token', async () => {
    const bob = await signup(server, 'bob@example.com');
    expect(codeOf(await server.graphql(usersQuery, { token: bob.accessToken }))).toBe('FORBIDDEN');
    const promoted = await cli(['set-role', '--email', 'BOB@example.com', '--role', 'admin']);
    expect(promoted).toMatchObject({ code: 0, stdout: 'bob@example.com is now ADMIN (was USER)\n' });
    // The operator has no account: no actor, and `cli` where a request's address would be.
    expect(auditEventsOf(promoted.stderr)).toEqual([
      expect.objectContaining({ event: 'role.changed', actorId: null, subjectId: bob.id, role: 'ADMIN', ip: 'cli', userAgent: 'npm run cli -- set-role', requestId: expect.stringMatching(/^[0-9a-f-]{36}$/) }),
    ]);
    expect(promoted.stderr.trimEnd().split('\n')).toHaveLength(1); // the event and nothing else
    expect(codeOf(await server.graphql(usersQuery, { token: bob.accessToken }))).toBe('FORBIDDEN'); // still cached here
    server.clock.advance(5_001); // past the session cache (SESSION_CACHE_TTL, 5s)
    const listed = await server.graphql(usersQuery, { token: bob.accessToken });
    expect(listed.body.errors).toBeUndefined();
    expect((await cli(['set-role', '--email', 'bob@example.com', '--role', 'ADMIN'])).stdout).toBe('bob@example.com is already ADMIN\n');
  });

  it('refuses set-role for an unknown user or a bad role', async () => {
    const [unknown, role] = await Promise.all([
      cli(['set-role', '--email', 'nobody@example.com', '--role', 'ADMIN']),
      cli(['set-role', '--email', 'bob@example.com', '--role', 'ROOT']),
    ]);
    expectRefused(unknown, 1, /--email: No user has the email nobody@example\.com/);
    expectRefused(role, 1, /--role: Role must be one of USER, ADMIN/);
  });

  it('lists users oldest first as a table', async () => {
    // In the order they were made (ids are UUIDv7, and one process never issues one that sorts before an earlier one).
    const listed = await cli(['list-users']);
    expect(listed.code).toBe(0);
    const lines = listed.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^ID\s+EMAIL\s+ROLE\s+CREATED$/);
    expect(lines.slice(1, -1).map((line) => line.split(/\s+/).slice(1, 3))).toEqual([
      ['root@example.com', 'ADMIN'],
      ['piped@example.com', 'USER'],
      ['bob@example.com', 'ADMIN'],
    ]);
    expect(lines.at(-1)).toBe('3 users');
  });

  it('answers bad usage with status 2: unknown command, unknown flag, missing flag, stray argument', async () => {
    const [command, flag, missing, stray] = await Promise.all([
      cli(['frobnicate']),
      cli(['list-users', '--all']),
      cli(['set-role', '--email', 'bob@example.com']),
      cli(['list-users', 'now']),
    ]);
    expectRefused(command, 2, /unknown command 'frobnicate'/);
    expectRefused(flag, 2, /Unknown option '--all'/);
    expectRefused(missing, 2, /--role is required/);
    expectRefused(stray, 2, /Unexpected argument 'now'/);
  });

  it('refuses to run with settings the server would refuse, naming the setting', async () => {
    expectRefused(await runCliWith(['list-users'], { NODE_ENV: 'production', DATABASE_URL: databaseUrl }), 1, /^error: JWT_SECRET is required when NODE_ENV=production/);
  });

  it('refuses, with EMAIL_UTF8_LOCAL_PARTS=true, a user whose address looks like another\'s', async () => {
    const utf8 = (args: readonly string[]) => runCliWith(args, { NODE_ENV: 'test', DATABASE_URL: databaseUrl, EMAIL_UTF8_LOCAL_PARTS: 'true' }, 'a good password\n');
    expectRefused(await utf8(['create-user', '--email', 'rооt@example.com']), 1, /^error: --email: This email looks too much like one already registered$/); // Cyrillic о
    expect(await utf8(['create-user', '--email', 'jörg@example.com'])).toMatchObject({ code: 0, stderr: '', stdout: expect.stringMatching(/^Created USER jörg@example\.com \(id /) });
  });

  it('runs as a real process: `npm run cli`, the password piped on stdin, the status as the exit code', async () => {
    const run = (args: readonly string[], stdin: string) => runProcess(tsxBin, ['src/cli/main.ts', ...args], { env: { NODE_ENV: 'test', DATABASE_URL: databaseUrl }, stdin });
    const created = await run(['create-user', '--email', 'process@example.com'], 'process password\n');
    expect(created).toMatchObject({ code: 0, stderr: '', stdout: expect.stringMatching(/^Created USER process@example\.com \(id [0-9a-f-]{36}\)\n$/) });
    await login(server, 'process@example.com', 'process password');
  });

  it('marks the address verified with --verified, and only then', async () => {
    const [vouched, plain] = await Promise.all([
      cli(['create-user', '--email', 'vouched@example.com', '--password', 'correct horse battery', '--verified']),
      cli(['create-user', '--email', 'plain@example.com', '--password', 'correct horse battery']),
    ]);
    expect(vouched.stdout).toMatch(/^Created USER vouched@example\.com \(verified\) \(id /);
    expect(plain.stdout).toMatch(/^Created USER plain@example\.com \(id /);
    const verifiedOf = async (email: string) => {
      const user = await login(server, email, 'correct horse battery');
      return (await server.graphql('{ me { emailVerified } }', { token: user.accessToken })).body.data?.['me'];
    };
    expect(await verifiedOf('vouched@example.com')).toEqual({ emailVerified: true });
    expect(await verifiedOf('plain@example.com')).toEqual({ emailVerified: false });
  });
});
