// `npx tsx bench/profile.ts <scenario> [seconds]`: the real server with
// --cpu-prof under one load, then a summary of where its CPU time went.
// Scenarios: me, users, anonymous, invalid-token, login, login-storm, flood (waves
// of 500 wrong logins from 500 addresses, as bench/sign-in-flood.ts), and bare (the
// bare Apollo baseline under `me`, to subtract from). Assumes `npm run build` ran.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AutocannonRequest } from 'autocannon';
import { loadCpu, startAuthServer, startBareServer } from './bench-servers.js';
import { compileScript } from './compile-script.js';
import { summarizeProfile } from './cpu-profile-summary.js';
import { bearer, graphqlPost, loginMutation, loginRequests, meQuery, postGraphql, signIn, tamperedToken, usersQuery } from './graphql-requests.js';
import { runOpenLoop } from './open-loop.js';
import { runLoad } from './run-load.js';
import { seedDatabase } from './seed-database.js';
import { pinSelf } from './server-process.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const scenario = process.argv[2] ?? 'me';
const seconds = Number(process.argv[3] ?? 10);
pinSelf(loadCpu);
const seeded = await seedDatabase(1000);
const profileDir = mkdtempSync(join(tmpdir(), 'graphql-auth-profile-'));
const paths = { root, databaseUrl: seeded.databaseUrl, bareScript: compileScript(join(root, 'bench/bare-apollo-server.ts'), join(root, 'dist/bench')), argon2Script: '' };
const profileFlags = ['--cpu-prof', `--cpu-prof-dir=${profileDir}`];
const server = scenario === 'bare' ? await startBareServer(paths, 'http', profileFlags) : await startAuthServer(paths, {}, profileFlags);
try {
  const admin = scenario === 'bare' ? '' : await signIn(server.url, seeded.adminEmail, seeded.password);
  const tokens: string[] = [];
  if (scenario !== 'bare') for (const email of seeded.userEmails.slice(0, 20)) tokens.push(await signIn(server.url, email, seeded.password));
  const me = tokens.map((t) => graphqlPost(meQuery, bearer(t)));
  const loads: Record<string, () => Promise<unknown>> = {
    bare: () => drive([graphqlPost(meQuery)], 200, '"email"'),
    me: () => drive(me, 200, '"email"'),
    users: () => drive([graphqlPost(usersQuery, bearer(admin))], 200, '"edges"'),
    anonymous: () => drive([graphqlPost(usersQuery)], 200, 'UNAUTHENTICATED'),
    'invalid-token': () => drive([graphqlPost(meQuery, bearer(tamperedToken(admin)))], 401, 'UNAUTHENTICATED'),
    login: () => runLoad({ url: server.url, cpuNs: server.cpuNs, requests: loginRequests(seeded.userEmails, seeded.password), connections: 4, durationSeconds: seconds, expectStatus: 200, expectBody: 'accessToken' }),
    'login-storm': () =>
      Promise.all([
        runOpenLoop({ url: server.url, requests: me, rate: 500, durationSeconds: seconds, expectStatus: 200, expectBody: '"email"' }),
        runLoad({ url: server.url, requests: loginRequests(seeded.userEmails, seeded.password), connections: 8, durationSeconds: seconds, expectStatus: 200, expectBody: 'accessToken' }),
      ]),
  };
  loads['flood'] = () => flood(seeded.userEmails[0] ?? '');
  const load = loads[scenario];
  if (!load) throw new Error(`unknown scenario ${scenario}; one of ${Object.keys(loads).join(', ')}`);
  const result = await load();
  process.stderr.write(`${JSON.stringify(result, (key, value: unknown) => (key === 'statuses' ? undefined : value))}\n`);
} finally {
  await server.stop();
}
const [file] = readdirSync(profileDir).filter((f) => f.endsWith('.cpuprofile'));
if (!file) throw new Error('no profile written');
process.stdout.write(`${summarizeProfile(join(profileDir, file))}\n`);
process.stderr.write(`profile kept at ${join(profileDir, file)} (open it in Chrome DevTools or speedscope for a flame graph)\n`);
rmSync(seeded.dir, { recursive: true, force: true });

/** Waves of 500 concurrent wrong logins from 500 addresses, half on one account, half on unknown emails, for `seconds`. */
async function flood(owner: string) {
  const codes: Record<string, number> = {};
  const until = performance.now() + seconds * 1000;
  for (let wave = 0; performance.now() < until; wave += 1) {
    const answers = await Promise.all(
      Array.from({ length: 500 }, (_, i) =>
        postGraphql(server.url, graphqlPost(loginMutation, { 'x-forwarded-for': `10.${wave & 255}.${i >> 1}.${(i & 1) + 1}` }, { email: i % 2 ? owner : `nobody${wave}-${i}@bench.example`, password: 'wrong guess' })),
      ),
    );
    for (const answer of answers) {
      const code = String(answer.body.errors?.[0]?.extensions?.code ?? 'OK');
      codes[code] = (codes[code] ?? 0) + 1;
    }
  }
  return codes;
}

function drive(requests: AutocannonRequest[], expectStatus: number, expectBody: string) {
  return runLoad({ url: server.url, cpuNs: server.cpuNs, requests, connections: 10, durationSeconds: seconds, expectStatus, expectBody });
}
