// Does password hashing starve everything else? `me` is sent at a fixed,
// moderate rate, evenly spaced (open loop: bench/open-loop.ts), with and
// without a concurrent login storm; rounds alternate.
import type { AutocannonRequest } from 'autocannon';
import { loginRequests } from '../graphql-requests.js';
import { runOpenLoop } from '../open-loop.js';
import { runLoad, type LoadSample } from '../run-load.js';
import type { LoginRounds } from './login.js';
import type { ServerProcess } from '../server-process.js';
import { median, summarize, type Summary } from '../stats.js';

export interface StormResult {
  readonly idle: Summary;
  readonly storm: Summary;
  /** Storm p99 over idle p99 within each round (they ran back to back), then the median. */
  readonly p99Ratio: number;
  /** Milliseconds per second the event-loop thread waited for a core (other work on the machine included). */
  readonly idleWaitMsPerSecond: number;
  readonly stormWaitMsPerSecond: number;
  readonly loginsDuringStorm: Summary;
  readonly meRate: number;
  readonly loginConnections: number;
}

export async function measureLoginStorm(
  settings: LoginRounds & { server: ServerProcess; meRequests: AutocannonRequest[]; meRate: number; loginConnections: number },
): Promise<StormResult> {
  const url = settings.server.url;
  const me = () => runOpenLoop({ url, requests: settings.meRequests, rate: settings.meRate, durationSeconds: settings.seconds, expectStatus: 200, expectBody: '"email"' });
  const waited = async <T>(run: () => Promise<T>, into: number[]): Promise<T> => {
    const before = settings.server.mainThreadWaitNs();
    const result = await run();
    into.push((settings.server.mainThreadWaitNs() - before) / 1e6 / settings.seconds);
    return result;
  };
  const idleWait: number[] = [];
  const stormWait: number[] = [];
  const idle: LoadSample[] = [];
  const storm: LoadSample[] = [];
  const loginSamples: LoadSample[] = [];
  const logins = () =>
    runLoad({ url, requests: loginRequests(settings.emails, settings.password), connections: settings.loginConnections, durationSeconds: settings.seconds, expectStatus: 200, expectBody: '"accessToken"' });
  // Warm-up of both paths, so that neither idle nor storm rounds measure code the JIT has not compiled yet.
  await Promise.all([me(), logins()]);
  for (let round = 0; round < settings.rounds; round += 1) {
    idle.push(await waited(me, idleWait));
    const [during, login] = await waited(
      () =>
        Promise.all([me(), logins()]),
      stormWait,
    );
    storm.push(during);
    loginSamples.push(login);
    settings.progress(`  round ${round + 1}/${settings.rounds}: me p99 idle ${idle.at(-1)?.p99Ms.toFixed(2)} ms, during storm ${during.p99Ms.toFixed(2)} ms (${login.rps.toFixed(1)} logins/s)`);
  }
  return {
    idle: summarize(idle),
    storm: summarize(storm),
    p99Ratio: median(storm.map((sample, i) => sample.p99Ms / (idle[i]?.p99Ms ?? Number.NaN))),
    idleWaitMsPerSecond: median(idleWait),
    stormWaitMsPerSecond: median(stormWait),
    loginsDuringStorm: summarize(loginSamples), meRate: settings.meRate, loginConnections: settings.loginConnections,
  };
}
