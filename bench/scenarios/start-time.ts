// Spawn → first healthy answer, several times over: Node start, module
// loading, migrations check, schema build and the deny-by-default access check.
import type { ServerProcess } from '../server-process.js';
import { median } from '../stats.js';

export interface StartTimeResult {
  readonly medianMs: number;
  readonly minMs: number;
  readonly maxMs: number;
  readonly runs: number;
}

export async function measureStartTime(start: () => Promise<ServerProcess>, runs: number): Promise<StartTimeResult> {
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const server = await start();
    times.push(server.startMs);
    await server.stop();
  }
  return { medianMs: median(times), minMs: Math.min(...times), maxMs: Math.max(...times), runs };
}
