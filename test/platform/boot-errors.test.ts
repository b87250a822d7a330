// Every failure at start that a person can fix is a BootError, which main.ts
// prints as its message alone (test/process/start-and-refuse.test.ts shows the
// print); anything else keeps its stack, since it locates a bug.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.js';
import { BootError, bootFailureText } from '../../src/platform/boot-error.js';
import { loadConfig, type Env } from '../../src/platform/config.js';
import { loadTypeDefs } from '../../src/resolvers/build-schema.js';
import { tempDirectory } from '../helpers/run-process.js';
import { startTestServer, testEnv } from '../helpers/start-test-server.js';

const silent = { write: () => undefined };
const directory = tempDirectory('boot-errors-');
afterAll(() => directory.remove());

/** What starting (createApp, then listen on `port`) fails with; the app is closed if it got that far. */
async function startFailure(options: { env?: Env; typeDefs?: readonly string[]; port?: number }): Promise<unknown> {
  let app: Awaited<ReturnType<typeof createApp>> | undefined;
  try {
    app = await createApp(loadConfig(testEnv(options.env)), { logDestination: silent, ...(options.typeDefs ? { typeDefs: options.typeDefs } : {}) });
    await app.listen(options.port ?? 0, '127.0.0.1');
    return undefined;
  } catch (error) {
    return error;
  } finally {
    await app?.close();
  }
}

describe('boot errors', () => {
  it('SDL that does not parse: the message and the offending line', async () => {
    const error = await startFailure({ typeDefs: [...loadTypeDefs(), 'extend type Query {\n  broken: Int @public\n'] });
    expect(error).toBeInstanceOf(BootError);
    expect((error as Error).message).toMatch(/^The schema does not build; fix it in schema\/ or src\/<domain>\/\*\.graphql:\nSyntax Error: Expected Name, found <EOF>\./);
    expect((error as Error).message).toContain('2 |   broken: Int @public');
  });

  it('SDL naming a type that does not exist', async () => {
    const error = await startFailure({ typeDefs: [...loadTypeDefs(), 'extend type Query { x: Nope @public }'] });
    expect(error).toBeInstanceOf(BootError);
    expect((error as Error).message).toMatch(/Unknown type "Nope"/);
  });

  it('a DATABASE_URL whose file cannot be made', async () => {
    const blocker = join(directory.path, 'a-file');
    writeFileSync(blocker, '');
    const error = await startFailure({ env: { DATABASE_URL: `file:${join(blocker, 'app.db')}` } });
    expect(error).toBeInstanceOf(BootError);
    expect((error as Error).message).toMatch(/^DATABASE_URL: cannot open the database \(EEXIST: file already exists, mkdir /);
  });

  it('TLS_CERT and TLS_KEY that are not a certificate and its key', async () => {
    const certPath = join(directory.path, 'cert.pem');
    writeFileSync(certPath, 'not a certificate');
    const error = await startFailure({ env: { TLS_CERT: certPath, TLS_KEY: certPath } });
    expect(error).toBeInstanceOf(BootError);
    expect((error as Error).message).toMatch(/^TLS_CERT, TLS_KEY: not a PEM certificate and its private key \(/);
  });

  it('a PORT another process listens on', async () => {
    const first = await startTestServer();
    try {
      const port = Number(new URL(first.url).port);
      const error = await startFailure({ port });
      expect(error).toBeInstanceOf(BootError);
      expect((error as Error).message).toBe(`PORT: cannot listen on 127.0.0.1 port ${port} (another process is using it)`);
    } finally {
      await first.close();
    }
  });

  it('main prints a BootError as its message alone, anything else with its stack', () => {
    expect(bootFailureText(new BootError('PORT: cannot listen'))).toBe('PORT: cannot listen');
    const bug = new TypeError('x is undefined');
    expect(bootFailureText(bug)).toBe(bug.stack);
    expect(bootFailureText(bug)).toMatch(/^TypeError: x is undefined\n\s+at /);
  });
});
