// SQLite cannot be cut off, but it can be unable to write now: another
// process (the CLI) holds the write lock past DATABASE_STATEMENT_TIMEOUT
// (SQLITE_BUSY), or the disk is full (SQLITE_FULL). Both are a 503
// SERVICE_UNAVAILABLE with Retry-After, as for an unreachable PostgreSQL, the
// write is not reported done and nothing of it is stored, and the server
// writes again once the lock is gone or space is free.
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { createDatabase } from '../../db/create-database.js';
import { signup } from '../helpers/accounts.js';
import { tempDirectory } from '../helpers/run-process.js';
import { startTestServer, type TestServer } from '../helpers/start-test-server.js';
import { expectDatabaseUnavailable } from '../helpers/database-unavailable.js';

const signupAs = (server: TestServer, email: string) =>
  server.graphql('mutation($e: String!, $p: String!) { signup(email: $e, password: $p) { accessToken } }', { variables: { e: email, p: 'correct horse battery' } });

describe('SQLite unable to write now', () => {
  const cleanups: Array<() => Promise<void> | void> = [];
  afterEach(async () => {
    while (cleanups.length > 0) await cleanups.pop()?.();
  });

  async function serverOnFile(env: Record<string, string> = {}) {
    const directory = tempDirectory('sqlite-unavailable-');
    cleanups.push(directory.remove);
    const path = join(directory.path, 'app.db');
    const server = await startTestServer({ env: { DATABASE_URL: `file:${path}`, ...env } });
    cleanups.push(() => server.close());
    return { server, path };
  }

  it('answers 503 while another process holds the write lock past the timeout, and writes once it is released', async () => {
    const { server, path } = await serverOnFile({ DATABASE_STATEMENT_TIMEOUT: '200ms' });
    const ada = await signup(server, 'ada@example.com');
    const cli = new Database(path);
    cleanups.push(() => void cli.close());
    cli.exec('BEGIN IMMEDIATE'); // the write lock, held

    expectDatabaseUnavailable(await signupAs(server, 'bob@example.com'));
    // Reads go on meanwhile (WAL).
    expect((await server.graphql('{ me { email } }', { token: ada.accessToken })).body).toEqual({ data: { me: { email: 'ada@example.com' } } });

    cli.exec('COMMIT');
    // Nothing of the refused signup was stored: the email is still free.
    expect((await signupAs(server, 'bob@example.com')).body.errors).toBeUndefined();
  });

  it('answers 503 when the disk is full, storing nothing, and writes again once there is room', async () => {
    const directory = tempDirectory('sqlite-full-');
    cleanups.push(directory.remove);
    const database = await createDatabase(`file:${join(directory.path, 'app.db')}`);
    const server = await startTestServer({ database });
    cleanups.push(() => server.close());
    const ada = await signup(server, 'ada@example.com');
    const sqlite = database.dialect === 'sqlite' ? database.db.$client : undefined;
    // The file may not grow past what it is now: as a full disk, for this connection.
    const pages = sqlite?.pragma('page_count', { simple: true });
    sqlite?.pragma(`max_page_count = ${Number(pages)}`);

    // A long body needs pages of its own.
    const createNote = () => server.graphql('mutation($b: String!) { createNote(title: "big", body: $b) { id } }', { token: ada.accessToken, variables: { b: 'x'.repeat(20_000) } });
    expectDatabaseUnavailable(await createNote());
    expect((await server.graphql('{ me { notes { edges { node { id } } } } }', { token: ada.accessToken })).body).toEqual({ data: { me: { notes: { edges: [] } } } });

    sqlite?.pragma('max_page_count = 1073741823');
    expect((await createNote()).body.errors).toBeUndefined();
  });
});
