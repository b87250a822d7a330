// The processes under test: the real server from dist/ in production mode, and
// the bare Apollo baselines. All run on the server core; the bench itself (the
// load generator) runs on the other.
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { graphqlPost, meQuery, postGraphql } from './graphql-requests.js';
import { healthz, spawnServer, type ServerProcess } from './server-process.js';

// BENCH_SERVER_CPUS=0,1 lets the server use both cores (as in production, where
// the load comes from elsewhere), at the price of sharing one with the load generator.
export const serverCpu = process.env['BENCH_SERVER_CPUS'] ?? '1';
export const loadCpu = '0';

export interface BenchPaths {
  readonly root: string;
  readonly databaseUrl: string;
  readonly bareScript: string;
  readonly argon2Script: string;
}

const jwtSecret = randomBytes(48).toString('base64url');

// Tuning knobs the operator may set for a run (`PASSWORD_HASH_CONCURRENCY=2 npm run bench`);
// they reach the server and the argon2-alone measurement alike.
const passedThrough = ['PASSWORD_HASH_CONCURRENCY', 'LOG_LEVEL', 'SESSION_CACHE_TTL'] as const;

export const tuning = (): Record<string, string> =>
  Object.fromEntries(passedThrough.flatMap((name) => (process.env[name] === undefined ? [] : [[name, process.env[name] ?? '']])));

/** The environment the real server runs with; scenarios may add to it. */
export const authServerEnv = (databaseUrl: string): Record<string, string> => ({
  NODE_ENV: 'production',
  JWT_SECRET: jwtSecret,
  DATABASE_URL: databaseUrl,
  HOST: '127.0.0.1',
  LOG_LEVEL: 'warn',
  // The bench sends each login from its own X-Forwarded-For address.
  TRUST_PROXY: '1',
  ...tuning(),
});

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

export async function startAuthServer(paths: BenchPaths, env: Record<string, string> = {}, nodeFlags: readonly string[] = []): Promise<ServerProcess> {
  return spawnServer({
    args: [...nodeFlags, join(paths.root, 'dist/src/main.js')],
    env: { ...authServerEnv(paths.databaseUrl), ...env },
    port: await freePort(),
    probe: healthz,
    cpus: serverCpu,
  });
}

export type BareMode = 'http' | 'standalone';

export async function startBareServer(paths: BenchPaths, mode: BareMode, nodeFlags: readonly string[] = []): Promise<ServerProcess> {
  return spawnServer({
    args: [...nodeFlags, paths.bareScript, mode],
    env: { NODE_ENV: 'production' },
    port: await freePort(),
    probe: async (url) => (await postGraphql(url, graphqlPost(meQuery))).status === 200,
    cpus: serverCpu,
  });
}
