// The real server on an ephemeral port, over a fresh in-memory SQLite database,
// with a fake clock and captured log lines. Every HTTP test starts here.
// In the `postgres` test project (vitest.config.ts) the same tests run over a
// fresh PostgreSQL database of their own instead, dropped on close.
import { Writable } from 'node:stream';
import type { Database } from '../../db/create-database.js';
import { createApp, type App } from '../../src/app.js';
import type { DomainModule } from '../../src/domain-module.js';
import { loadConfig, type Env } from '../../src/platform/config.js';
import { createFakeClock, type FakeClock } from './fake-clock.js';
import { createTestPostgres, testDatabaseUrl, type TestPostgres } from './test-postgres.js';

export const testSecret = 'test-secret-that-is-at-least-32-bytes-long!';

export interface GraphqlResult {
  readonly status: number;
  readonly headers: Headers;
  readonly body: { data?: Record<string, unknown> | null; errors?: Array<{ message: string; path?: string[]; extensions?: Record<string, unknown> }> };
}

export interface GraphqlOptions {
  readonly variables?: Record<string, unknown>;
  readonly token?: string;
  readonly headers?: Record<string, string>;
}

export interface TestServer {
  readonly url: string;
  readonly app: App;
  readonly clock: FakeClock;
  /** Every log line so far, parsed. */
  readonly logs: Array<Record<string, unknown>>;
  graphql(query: string, options?: GraphqlOptions): Promise<GraphqlResult>;
  /** A raw fetch against the server, for cases the helper above would normalise away. */
  fetch(path: string, init?: RequestInit): Promise<Response>;
  close(): Promise<void>;
}

export function testEnv(env: Env = {}): Env {
  return { NODE_ENV: 'test', JWT_SECRET: testSecret, DATABASE_URL: ':memory:', LOG_LEVEL: 'info', ...env };
}

/** Set by the `postgres` project in vitest.config.ts: servers get PostgreSQL unless a test names its own DATABASE_URL. */
const serversOnPostgres = process.env['TEST_SERVER_DATABASE'] === 'postgres';

async function ownPostgres(env: Env | undefined): Promise<TestPostgres | undefined> {
  if (!serversOnPostgres || env?.['DATABASE_URL'] !== undefined) return undefined;
  if (testDatabaseUrl === undefined) throw new Error('TEST_SERVER_DATABASE=postgres needs TEST_DATABASE_URL');
  return createTestPostgres(testDatabaseUrl);
}

export async function startTestServer(
  options: { env?: Env; typeDefs?: readonly string[]; clock?: FakeClock; domains?: readonly DomainModule[]; database?: Database; explorerDirectory?: string } = {},
): Promise<TestServer> {
  const postgres = await ownPostgres(options.env);
  const config = loadConfig(testEnv({ ...(postgres ? { DATABASE_URL: postgres.url } : {}), ...options.env }));
  const clock = options.clock ?? createFakeClock();
  const logs: Array<Record<string, unknown>> = [];
  const logDestination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString('utf8').split('\n')) if (line.trim() !== '') logs.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  const app = await createApp(config, {
    clock,
    logDestination,
    ...(options.typeDefs ? { typeDefs: options.typeDefs } : {}),
    ...(options.domains ? { domains: options.domains } : {}),
    ...(options.database ? { database: options.database } : {}),
    ...(options.explorerDirectory ? { explorerDirectory: options.explorerDirectory } : {}),
  });
  const url = await app.listen(0, '127.0.0.1');
  const doFetch = (path: string, init?: RequestInit) => fetch(`${url}${path}`, init);
  return {
    url,
    app,
    clock,
    logs,
    fetch: doFetch,
    async graphql(query, { variables, token, headers = {} } = {}) {
      const response = await doFetch('/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
        body: JSON.stringify({ query, variables }),
      });
      return { status: response.status, headers: response.headers, body: (await response.json()) as GraphqlResult['body'] };
    },
    async close() {
      await app.close();
      await postgres?.drop();
    },
  };
}
