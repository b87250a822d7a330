// `npx tsx bench/api-key-vs-jwt.ts [--seconds=N] [--rounds=N]`: what `me`
// costs with an API key against the same request with a person's access
// token, on the real production server: `{ me { id email } }`, the key holding
// `profile:read`. The key path hashes the key (SHA-256) and looks it up in the
// key cache; the JWT path looks the token up in the verified-token cache and
// the session in the session cache. Target (issue 18): at most 1.1× the CPU
// per request. With BENCH_KEY=ed25519 the server signs with a private key.
// Needs a build (`npm run build`); run on a quiet machine.
import { generateKeyPairSync } from 'node:crypto';
import { loadavg } from 'node:os';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadCpu, startAuthServer } from './bench-servers.js';
import { bearer, graphqlPost, meQuery, postGraphql, signIn } from './graphql-requests.js';
import { compareThroughput } from './scenarios/throughput.js';
import { seedDatabase } from './seed-database.js';
import { pinSelf } from './server-process.js';
import { fmtRatio, fmtRps, fmtUs } from './stats.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const flag = (name: string, fallback: number) => Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback);
const settings = { rounds: flag('rounds', 3), seconds: flag('seconds', 5), connections: 10 };
const privateKey = process.env['BENCH_KEY'] === 'ed25519' ? generateKeyPairSync('ed25519').privateKey.export({ format: 'pem', type: 'pkcs8' }).toString() : undefined;

pinSelf(loadCpu);
const loadBefore = loadavg();
const seeded = await seedDatabase(100);
const server = await startAuthServer({ root, databaseUrl: seeded.databaseUrl, bareScript: '', argon2Script: '' }, privateKey ? { JWT_SECRET: '', JWT_PRIVATE_KEY: privateKey } : {});
try {
  const token = await signIn(server.url, seeded.userEmails[0] ?? '', seeded.password);
  const created = await postGraphql(server.url, graphqlPost('mutation { createApiKey(name: "bench", scopes: ["profile:read"]) { key } }', bearer(token)));
  const key = (created.body.data as { createApiKey?: { key: string } } | undefined)?.createApiKey?.key;
  if (key === undefined) throw new Error(`createApiKey failed: ${JSON.stringify(created.body.errors)}`);
  const [withKey, withJwt] = await compareThroughput(
    [
      { name: 'api key', label: 'me with an API key', server, requests: [graphqlPost(meQuery, bearer(key))], expectStatus: 200, expectBody: '"email":"user00000' },
      { name: 'jwt', label: 'me with an access token', server, requests: [graphqlPost(meQuery, bearer(token))], expectStatus: 200, expectBody: '"email":"user00000' },
    ],
    settings,
    (line) => process.stderr.write(`${line}\n`),
  );
  if (!withKey || !withJwt) throw new Error('no results');
  const ratio = withKey.summary.cpuUsPerRequest / withJwt.summary.cpuUsPerRequest;
  const load = (values: number[]) => values.map((v) => v.toFixed(1)).join(' / ');
  process.stdout.write(
    [
      `\`{ me { id email } }\`, ${settings.rounds} rounds of ${settings.seconds} s each, ${privateKey ? 'tokens signed with Ed25519' : 'HS256 tokens'}, node ${process.version}`,
      '',
      '| credential | req/s | CPU µs/request |',
      '| --- | --- | --- |',
      `| API key (\`profile:read\`) | ${fmtRps(withKey.summary.rps)} | ${fmtUs(withKey.summary.cpuUsPerRequest)} |`,
      `| access token (JWT) | ${fmtRps(withJwt.summary.rps)} | ${fmtUs(withJwt.summary.cpuUsPerRequest)} |`,
      '',
      `API key / JWT by CPU per request: ${fmtRatio(ratio)} (target ≤ 1.10×: ${ratio <= 1.1 ? 'met' : 'not met'})`,
      `load average (1/5/15 min) before: ${load(loadBefore)}, after: ${load(loadavg())}`,
      '',
    ].join('\n'),
  );
} finally {
  await server.stop();
}
