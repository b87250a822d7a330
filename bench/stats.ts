// Medians over rounds, and the small formatting the report needs.
import type { LoadSample } from './run-load.js';

export function median(values: readonly number[]): number {
  const sorted = [...values].filter((v) => !Number.isNaN(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] ?? Number.NaN) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

export interface Summary {
  readonly rps: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly cpuUsPerRequest: number;
  readonly unexpected: number;
  readonly rounds: number;
}

/** Each figure is the median of its own over the rounds; unexpected responses are summed. */
export const summarize = (samples: readonly LoadSample[]): Summary => ({
  rps: median(samples.map((s) => s.rps)),
  p50Ms: median(samples.map((s) => s.p50Ms)),
  p99Ms: median(samples.map((s) => s.p99Ms)),
  cpuUsPerRequest: median(samples.map((s) => s.cpuUsPerRequest)),
  unexpected: samples.reduce((sum, s) => sum + s.unexpected, 0),
  rounds: samples.length,
});

export const fmtRps = (n: number) => (Number.isNaN(n) ? 'n/a' : n >= 100 ? Math.round(n).toLocaleString('en-US') : n.toFixed(1));
export const fmtUs = (n: number) => (Number.isNaN(n) ? 'n/a' : n.toFixed(0));
export const fmtMs = (n: number) => (Number.isNaN(n) ? 'n/a' : n < 10 ? n.toFixed(2) : n.toFixed(1));
export const fmtRatio = (n: number) => (Number.isNaN(n) ? 'n/a' : `${n.toFixed(2)}×`);
export const fmtMb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
export const verdict = (met: boolean) => (met ? 'met' : '**not met**');
