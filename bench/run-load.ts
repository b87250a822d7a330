// One load run with autocannon, measured here rather than by autocannon's own
// histogram: that one keeps whole milliseconds, too coarse for sub-millisecond
// p50s and for comparing idle and loaded p99s.
import autocannon, { type AutocannonRequest } from 'autocannon';

export interface LoadOptions {
  readonly url: string;
  readonly requests: AutocannonRequest[];
  readonly connections: number;
  /** Run for this long, or until `amount` responses (one of the two). */
  readonly durationSeconds?: number;
  readonly amount?: number;
  /** Requests per second over all connections; unset means as fast as the server answers. */
  readonly overallRate?: number;
  /** The status every response should have; others are counted as unexpected. */
  readonly expectStatus: number;
  /** Text every response body should contain; others are counted as unexpected. */
  readonly expectBody: string;
  /** The server's CPU clock (ServerProcess.cpuNs), to report CPU time per request. */
  readonly cpuNs?: () => number;
}

export interface LoadSample {
  readonly rps: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly responses: number;
  /** Server CPU time (all threads) per response, in µs; NaN when not measured. */
  readonly cpuUsPerRequest: number;
  /** Responses with another status or body than expected, plus connection errors and timeouts. */
  readonly unexpected: number;
  readonly statuses: Readonly<Record<string, number>>;
}

export function percentile(sorted: Float64Array | readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] ?? Number.NaN;
}

export async function runLoad(options: LoadOptions): Promise<LoadSample> {
  let latencies = new Float64Array(1 << 16);
  let count = 0;
  let unexpected = 0;
  // Timed here: autocannon's own duration runs to its next one-second tick, which skews short `amount` runs.
  const started = performance.now();
  let lastResponse = started;
  const instance = autocannon({
    url: options.url,
    connections: options.connections,
    ...(options.amount === undefined ? { duration: options.durationSeconds ?? 1 } : { amount: options.amount }),
    requests: options.requests,
    timeout: 10,
    verifyBody: (body) => body.includes(options.expectBody),
    ...(options.overallRate === undefined ? {} : { overallRate: options.overallRate }),
  });
  instance.on('response', (_client: unknown, statusCode: number, _bytes: number, responseTime: number) => {
    if (count === latencies.length) {
      const grown = new Float64Array(latencies.length * 2);
      grown.set(latencies);
      latencies = grown;
    }
    latencies[count] = responseTime;
    lastResponse = performance.now();
    count += 1;
    if (statusCode !== options.expectStatus) unexpected += 1;
  });
  const cpuBefore = options.cpuNs?.() ?? Number.NaN;
  const result = await instance;
  const cpuUsed = (options.cpuNs?.() ?? Number.NaN) - cpuBefore;
  const sorted = latencies.subarray(0, count).sort();
  const statuses = Object.fromEntries(Object.entries(result.statusCodeStats).map(([code, { count: n }]) => [code, n]));
  return {
    rps: count / ((lastResponse - started) / 1000),
    p50Ms: percentile(sorted, 50),
    p99Ms: percentile(sorted, 99),
    responses: count,
    cpuUsPerRequest: cpuUsed / 1000 / count,
    unexpected: Math.max(unexpected, result.mismatches) + result.errors + result.timeouts, // a wrong status usually comes with a wrong body: count it once
    statuses,
  };
}
