// An attacker rotating identities: every request asks for a password reset
// from a client IP never seen before, for an email never seen before, so every
// one creates two new keys in the rate-limit store (requestPasswordReset is
// limited per IP and per email). It is a request that succeeds (`true`, as for
// any address), not one refused by input validation, and it costs no argon2:
// the unknown address is looked up after the answer and gets no mail. The
// store's cost is the server's RSS growth; "no slowdown" is `me` before and after.
// The flood runs in four equal parts with RSS read after each: a store grows
// steadily, while the heap settling to a new load grows once, in the first part.
import type { AutocannonRequest } from 'autocannon';
import { nextClientIp, passwordResetMutation } from '../graphql-requests.js';
import { runLoad, type LoadSample } from '../run-load.js';
import { median } from '../stats.js';
import type { ServerProcess } from '../server-process.js';
import { setTimeout as sleep } from 'node:timers/promises';

export interface FloodResult {
  readonly identities: number;
  readonly flood: LoadSample;
  readonly rssBefore: number;
  readonly rssAfter: number;
  /** RSS growth per identity over the last three parts (the steady slope), in bytes. */
  readonly steadyBytesPerIdentity: number;
  readonly meBefore: LoadSample;
  readonly meAfter: LoadSample;
}

function mergeCounts(counts: ReadonlyArray<Readonly<Record<string, number>>>): Record<string, number> {
  const merged: Record<string, number> = {};
  for (const c of counts) for (const [key, n] of Object.entries(c)) merged[key] = (merged[key] ?? 0) + n;
  return merged;
}

function floodRequests(): AutocannonRequest[] {
  let n = 0;
  return [
    {
      method: 'POST',
      path: '/graphql',
      setupRequest(request) {
        n += 1;
        const variables = { email: `flood${n}@bench.example` };
        return { ...request, headers: { 'content-type': 'application/json', 'x-forwarded-for': nextClientIp() }, body: JSON.stringify({ query: passwordResetMutation, variables }) };
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
  const requests = floodRequests();
  const flood = (amount: number) => runLoad({ url: server.url, cpuNs: server.cpuNs, requests, connections: settings.connections, amount, expectStatus: 200, expectBody: '"requestPasswordReset":true' });
  const me = () => runLoad({ url: server.url, cpuNs: server.cpuNs, requests: settings.meRequests, connections: settings.connections, durationSeconds: settings.seconds, expectStatus: 200, expectBody: '"email"' });
  // Warm-up of both paths, so "before" is neither a cold server nor a cold flood path.
  await me();
  await flood(Math.min(2000, Math.ceil(settings.identities / 10)));
  const meBefore = await me();
  await sleep(500);
  const rss = [server.rssBytes()];
  const part = Math.ceil(settings.identities / 4);
  const parts: LoadSample[] = [];
  for (let i = 0; i < 4; i += 1) {
    parts.push(await flood(part));
    await sleep(300);
    rss.push(server.rssBytes());
    settings.progress(`  flood part ${i + 1}/4: ${part} identities at ${Math.round(parts.at(-1)?.rps ?? 0)} req/s, RSS ${((rss.at(-1) ?? 0) / 2 ** 20).toFixed(1)} MB`);
  }
  const meAfter = await me();
  const first = parts[0] ?? (await flood(1));
  const total: LoadSample = {
    ...first,
    rps: median(parts.map((p) => p.rps)),
    responses: parts.reduce((n, p) => n + p.responses, 0),
    unexpected: parts.reduce((n, p) => n + p.unexpected, 0),
    statuses: mergeCounts(parts.map((p) => p.statuses)),
  };
  const rssBefore = rss[0] ?? Number.NaN;
  const rssAfter = rss.at(-1) ?? Number.NaN;
  const steadyBytesPerIdentity = (rssAfter - (rss[1] ?? Number.NaN)) / (3 * part);
  return { identities: part * 4, flood: total, rssBefore, rssAfter, steadyBytesPerIdentity, meBefore, meAfter };
}
