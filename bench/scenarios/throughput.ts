// Closed-loop throughput: each target is driven as fast as it answers, the
// targets alternate within a round (order reversed every other round, so no
// target always runs first or last), and medians are taken over the rounds.
import type { AutocannonRequest } from 'autocannon';
import { postGraphql } from '../graphql-requests.js';
import { runLoad, type LoadSample } from '../run-load.js';
import type { ServerProcess } from '../server-process.js';
import { summarize, type Summary } from '../stats.js';

export interface ThroughputTarget {
  /** Short key the report looks up (e.g. 'me', 'bare node:http'). */
  readonly name: string;
  /** What the report shows. */
  readonly label: string;
  readonly server: ServerProcess;
  readonly requests: AutocannonRequest[];
  readonly expectStatus: number;
  readonly expectBody: string;
}

export interface ThroughputResult {
  readonly target: ThroughputTarget;
  readonly summary: Summary;
  /** One per round, in round order, so ratios can be taken within a round. */
  readonly samples: readonly LoadSample[];
}

/** One real request first: a scenario that measures the wrong answer fast is worse than none. */
export async function checkTarget(target: ThroughputTarget): Promise<void> {
  const request = target.requests[0];
  if (!request) throw new Error(`${target.name}: no request`);
  const answer = await postGraphql(target.server.url, request);
  const text = JSON.stringify(answer.body);
  if (answer.status !== target.expectStatus || !text.includes(target.expectBody)) {
    throw new Error(`${target.name}: expected ${target.expectStatus} with ${target.expectBody}, got ${answer.status} ${text}`);
  }
}

export async function compareThroughput(
  targets: readonly ThroughputTarget[],
  settings: { rounds: number; seconds: number; connections: number },
  progress: (line: string) => void,
): Promise<ThroughputResult[]> {
  for (const target of targets) await checkTarget(target);
  const load = (target: ThroughputTarget, seconds: number) =>
    runLoad({
      url: target.server.url,
      cpuNs: target.server.cpuNs,
      requests: target.requests,
      connections: settings.connections,
      durationSeconds: seconds,
      expectStatus: target.expectStatus,
      expectBody: target.expectBody,
    });
  // Warm-up (discarded): JIT, caches and connection pools settle before anything counts.
  for (const target of targets) await load(target, Math.min(2, settings.seconds));
  const samples = new Map<ThroughputTarget, LoadSample[]>(targets.map((t) => [t, []]));
  for (let round = 0; round < settings.rounds; round += 1) {
    const order = round % 2 === 0 ? targets : [...targets].reverse();
    for (const target of order) {
      const sample = await load(target, settings.seconds);
      samples.get(target)?.push(sample);
      progress(`  round ${round + 1}/${settings.rounds} ${target.name}: ${Math.round(sample.rps)} req/s, p99 ${sample.p99Ms.toFixed(2)} ms, ${sample.cpuUsPerRequest.toFixed(0)} µs CPU/request`);
    }
  }
  return targets.map((target) => {
    const own = samples.get(target) ?? [];
    return { target, summary: summarize(own), samples: own };
  });
}
