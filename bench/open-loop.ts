// Requests at a fixed rate whatever the server does (open loop), for latency
// under a background load. autocannon's rate option is no good for this: each
// connection sends its whole quota for the second back to back and then waits
// for the next second, so its "500 req/s" is a burst of 500 every second and
// its latencies are queueing within that burst. Here requests go out evenly
// spaced, each on a free keep-alive connection, and latency runs from the
// moment each was sent.
import { Agent, request } from 'node:http';
import type { AutocannonRequest } from 'autocannon';
import { percentile, type LoadSample } from './run-load.js';

export interface OpenLoopOptions {
  readonly url: string;
  /** Sent in turn; no setupRequest. */
  readonly requests: readonly AutocannonRequest[];
  readonly rate: number;
  readonly durationSeconds: number;
  readonly expectStatus: number;
  readonly expectBody: string;
}

// Shared across runs, so a measurement does not pay for opening connections
// (a warm-up run opens them).
const agents = new Map<string, Agent>();
const agentFor = (url: string): Agent => {
  let agent = agents.get(url);
  if (!agent) {
    agent = new Agent({ keepAlive: true, maxSockets: 256 });
    agents.set(url, agent);
  }
  return agent;
};

export async function runOpenLoop(options: OpenLoopOptions): Promise<LoadSample> {
  const agent = agentFor(options.url);
  const total = Math.max(1, Math.round(options.rate * options.durationSeconds));
  const interval = 1000 / options.rate;
  const latencies = new Float64Array(total);
  const statuses: Record<string, number> = {};
  let finished = 0;
  let unexpected = 0;
  let sent = 0;
  const started = performance.now();
  let lastResponse = started;

  await new Promise<void>((allDone) => {
    const settle = (latency: number, ok: boolean, status: string) => {
      latencies[finished] = latency;
      finished += 1;
      statuses[status] = (statuses[status] ?? 0) + 1;
      if (!ok) unexpected += 1;
      lastResponse = performance.now();
      if (finished === total) allDone();
    };
    const send = (spec: AutocannonRequest) => {
      const sentAt = performance.now();
      let settled = false;
      // Every request settles exactly once: answered, failed, or given up on
      // 10 s after it was sent (waiting for a socket included), so a stalled
      // server cannot hang the bench.
      const once = (ok: boolean, status: string) => {
        if (settled) return;
        settled = true;
        settle(performance.now() - sentAt, ok, status);
      };
      const req = request(`${options.url}${spec.path ?? '/'}`, { method: spec.method ?? 'GET', headers: spec.headers ?? {}, agent, signal: AbortSignal.timeout(10_000) }, (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => once(res.statusCode === options.expectStatus && body.includes(options.expectBody), String(res.statusCode)));
        res.on('error', () => once(false, 'error'));
      });
      req.on('error', (error) => once(false, error.name === 'AbortError' || error.name === 'TimeoutError' ? 'timeout' : 'error'));
      req.end(spec.body);
    };
    // Timers fire late by up to a millisecond or so: whatever has come due is
    // sent at once, so the rate holds on average and no request is skipped.
    const tick = () => {
      const now = performance.now();
      while (sent < total && started + sent * interval <= now) {
        send(options.requests[sent % options.requests.length] ?? {});
        sent += 1;
      }
      if (sent < total) setTimeout(tick, Math.max(0, started + sent * interval - performance.now()));
    };
    tick();
  });

  const sorted = latencies.subarray(0, finished).sort();
  return {
    rps: finished / ((lastResponse - started) / 1000),
    p50Ms: percentile(sorted, 50),
    p99Ms: percentile(sorted, 99),
    responses: finished,
    cpuUsPerRequest: Number.NaN,
    unexpected,
    statuses,
  };
}
