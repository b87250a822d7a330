// `npx tsx bench/notes-vs-users.ts [--seconds=N] [--rounds=N]`: what a page of
// an owned type costs against a page of users, both as an ADMIN, on the real
// production server: `notes(first: 20) { edges { node { id title owner { id } } } }`
// (owner rule on every note field, the page query, a batched owner lookup)
// against `users(first: 20)`. Target (issue 15): at most 1.3× the CPU per request.
// Needs a build (`npm run build`); run on a quiet machine.
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadCpu, startAuthServer } from './bench-servers.js';
import { bearer, graphqlPost, postGraphql, signIn, usersQuery } from './graphql-requests.js';
import { compareThroughput } from './scenarios/throughput.js';
import { seedDatabase } from './seed-database.js';
import { pinSelf } from './server-process.js';
import { fmtRatio, fmtRps, fmtUs } from './stats.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const flag = (name: string, fallback: number) => Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback);
const settings = { rounds: flag('rounds', 3), seconds: flag('seconds', 5), connections: 10 };
const notesQuery = '{ notes(first: 20) { edges { node { id title owner { id } } } } }';

pinSelf(loadCpu);
const seeded = await seedDatabase(100);
const server = await startAuthServer({ root, databaseUrl: seeded.databaseUrl, bareScript: '', argon2Script: '' }, { RATE_LIMIT_CREATE_NOTE: '1000/1m' });
try {
  const token = await signIn(server.url, seeded.adminEmail, seeded.password);
  for (let n = 0; n < 25; n += 1) {
    const created = await postGraphql(server.url, graphqlPost('mutation($t: String!) { createNote(title: $t, body: "bench") { id } }', bearer(token), { t: `note ${n}` }));
    if (created.body.errors) throw new Error(`createNote failed: ${JSON.stringify(created.body.errors)}`);
  }
  const [notes, users] = await compareThroughput(
    [
      { name: 'notes', label: 'notes(first: 20) with owners', server, requests: [graphqlPost(notesQuery, bearer(token))], expectStatus: 200, expectBody: '"owner":{"id"' },
      { name: 'users', label: 'users(first: 20)', server, requests: [graphqlPost(usersQuery, bearer(token))], expectStatus: 200, expectBody: '"hasNextPage":true' },
    ],
    settings,
    (line) => process.stderr.write(`${line}\n`),
  );
  if (!notes || !users) throw new Error('no results');
  const ratio = notes.summary.cpuUsPerRequest / users.summary.cpuUsPerRequest;
  process.stdout.write(
    [
      '| query (as ADMIN, 20 per page) | req/s | CPU µs/request |',
      '| --- | --- | --- |',
      `| \`notes\` with \`owner { id }\` | ${fmtRps(notes.summary.rps)} | ${fmtUs(notes.summary.cpuUsPerRequest)} |`,
      `| \`users\` | ${fmtRps(users.summary.rps)} | ${fmtUs(users.summary.cpuUsPerRequest)} |`,
      '',
      `notes / users by CPU per request: ${fmtRatio(ratio)} (target ≤ 1.30×: ${ratio <= 1.3 ? 'met' : 'not met'})`,
      '',
    ].join('\n'),
  );
} finally {
  await server.stop();
}

