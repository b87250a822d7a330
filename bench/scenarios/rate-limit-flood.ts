// An attacker rotating identities: every request is a login from a client IP
// never seen before, for an email never seen before, so every one creates new
// keys in the rate-limit store (login is limited per (IP, email) and per IP).
// The password is too short, so the resolver refuses it before any argon2
// work; the limiter, which runs first, has counted it by then. The store's cost
// is the server's RSS growth; "no slowdown" is `me` throughput before and after.
import type { AutocannonRequest } from 'autocannon';
import { loginMutation, nextClientIp } from '../graphql-requests.js';
import { runLoad, type LoadSample } from '../run-load.js';
import type { ServerProcess } from '../server-process.js';
import { setTimeout as sleep } from 'node:timers/promises';

export interface FloodResult {
  readonly identities: number;
  readonly flood: LoadSample;
  readonly rssBefore: number;
  readonly rssAfter: number;
  readonly meBefore: LoadSample;
  readonly meAfter: LoadSample;
}

function floodRequests(): AutocannonRequest[] {
  let n = 0;
  return [
    {
      method: 'POST',
      path: '/graphql',
      setupRequest(request) {
        n += 1;
        const variables = { email: `flood${n}@bench.example`, password: 'x' };
        return { ...request, headers: { 'content-type': 'application/json', 'x-forwarded-for': nextClientIp() }, body: JSON.stringify({ query: loginMutation, variables }) };
      },
    },
  ];
}

export async function measureRateLimitFlood(settings: {
  server: ServerProcess;
  meRequests: AutocannonRequest[];
  identities: number;
  seconds: number;
  connections: number;
  progress: (line: string) => void;
}): Promise<FloodResult> {
  const { server } = settings;
  const me = () => runLoad({ url: server.url, requests: settings.meRequests, connections: settings.connections, durationSeconds: settings.seconds, expectStatus: 200, expectBody: '"email"' });
  await me(); // warm-up, so the "before" figures are not a cold server's
  const meBefore = await me();
  await sleep(500);
  const rssBefore = server.rssBytes();
  const flood = await runLoad({ url: server.url, requests: floodRequests(), connections: settings.connections, amount: settings.identities, expectStatus: 200, expectBody: 'BAD_USER_INPUT' });
  settings.progress(`  flood: ${settings.identities} identities at ${Math.round(flood.rps)} req/s, statuses ${JSON.stringify(flood.statuses)}, unexpected ${flood.unexpected}`);
  await sleep(500);
  const rssAfter = server.rssBytes();
  const meAfter = await me();
  return { identities: settings.identities, flood, rssBefore, rssAfter, meBefore, meAfter };
}
