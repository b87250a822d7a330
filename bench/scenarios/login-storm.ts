// Does password hashing starve everything else? `me` is sent at a fixed,
// moderate rate (open loop, so latency is the server's, not a queue the bench
// built) with and without a concurrent login storm; rounds alternate.
import type { AutocannonRequest } from 'autocannon';
import { loginRequests } from '../graphql-requests.js';
import { runLoad, type LoadSample } from '../run-load.js';
import { summarize, type Summary } from '../stats.js';

export interface StormResult {
  readonly idle: Summary;
  readonly storm: Summary;
  readonly loginsDuringStorm: Summary;
  readonly meRate: number;
  readonly loginConnections: number;
}

export async function measureLoginStorm(settings: {
  url: string;
  meRequests: AutocannonRequest[];
  emails: readonly string[];
  password: string;
  meRate: number;
  loginConnections: number;
  rounds: number;
  seconds: number;
  progress: (line: string) => void;
}): Promise<StormResult> {
  const me = () =>
    runLoad({ url: settings.url, requests: settings.meRequests, connections: 10, overallRate: settings.meRate, durationSeconds: settings.seconds, expectStatus: 200, expectBody: '"email"' });
  const idle: LoadSample[] = [];
  const storm: LoadSample[] = [];
  const logins: LoadSample[] = [];
  await me(); // warm-up
  for (let round = 0; round < settings.rounds; round += 1) {
    idle.push(await me());
    const [during, login] = await Promise.all([
      me(),
      runLoad({ url: settings.url, requests: loginRequests(settings.emails, settings.password), connections: settings.loginConnections, durationSeconds: settings.seconds, expectStatus: 200, expectBody: '"accessToken"' }),
    ]);
    storm.push(during);
    logins.push(login);
    settings.progress(`  round ${round + 1}/${settings.rounds}: me p99 idle ${idle.at(-1)?.p99Ms.toFixed(2)} ms, during storm ${during.p99Ms.toFixed(2)} ms (${login.rps.toFixed(1)} logins/s)`);
  }
  return { idle: summarize(idle), storm: summarize(storm), loginsDuringStorm: summarize(logins), meRate: settings.meRate, loginConnections: settings.loginConnections };
}
