// The results as Markdown: printed, and written to bench/results/latest.md.
import type { FloodResult } from './scenarios/rate-limit-flood.js';
import type { LoginResult } from './scenarios/login.js';
import type { StormResult } from './scenarios/login-storm.js';
import type { StartTimeResult } from './scenarios/start-time.js';
import type { ThroughputResult } from './scenarios/throughput.js';
import { fmtMb, fmtMs, fmtRatio, fmtRps, fmtUs, median, verdict } from './stats.js';

export interface Machine {
  readonly date: string;
  readonly cpu: string;
  readonly cores: number;
  readonly node: string;
  readonly os: string;
  readonly pinning: string;
  readonly settings: string;
  readonly load?: string;
}

export interface BenchResults {
  readonly machine: Machine;
  readonly runLabel: string;
  readonly startTime?: { readonly auth: StartTimeResult; readonly bare: StartTimeResult };
  readonly throughput?: readonly ThroughputResult[];
  readonly login?: LoginResult;
  readonly storm?: StormResult;
  readonly flood?: FloodResult;
}

/**
 * a's req/s over b's, taken within each round (they ran back to back) and then
 * the median: other work on a shared machine moves both alike and cancels out.
 */
export function roundRatio(a: ThroughputResult | undefined, b: ThroughputResult | undefined): number {
  if (!a || !b) return Number.NaN;
  return median(a.samples.map((sample, i) => sample.rps / (b.samples[i]?.rps ?? Number.NaN)));
}

/**
 * The same comparison by CPU time per request (b's over a's): how many of a's
 * requests one core serves for each of b's. Robust to other load on the machine.
 */
export function cpuRatio(a: ThroughputResult | undefined, b: ThroughputResult | undefined): number {
  if (!a || !b) return Number.NaN;
  return median(a.samples.map((sample, i) => (b.samples[i]?.cpuUsPerRequest ?? Number.NaN) / sample.cpuUsPerRequest));
}

/**
 * RSS moves by several MB as the heap grows and shrinks under load, which over
 * 60,000 identities is ±100 B each: the 64 B/identity budget is only resolved
 * from about half a million up (`--only=flood --identities=1000000`).
 */
const minIdentities = 500_000;

const rssGrowth = (f: FloodResult) => f.rssAfter - f.rssBefore;
const perMillion = (f: FloodResult) => (rssGrowth(f) / f.identities) * 1_000_000;

function targets(r: BenchResults): string[] {
  const rows: string[] = [];
  const me = r.throughput?.find((t) => t.target.name === 'me');
  const bare = r.throughput?.find((t) => t.target.name === 'bare node:http');
  if (me && bare) {
    const ratio = roundRatio(me, bare);
    rows.push(`| authenticated \`me\` req/s vs bare Apollo (node:http) | ≥ 0.90× | ${fmtRatio(ratio)} (${fmtRps(me.summary.rps)} vs ${fmtRps(bare.summary.rps)} req/s) | ${verdict(ratio >= 0.9)} |`);
    const capacity = cpuRatio(me, bare);
    rows.push(`| the same by CPU time per request (bare's µs / ours) | ≥ 0.90× | ${fmtRatio(capacity)} (${fmtUs(me.summary.cpuUsPerRequest)} vs ${fmtUs(bare.summary.cpuUsPerRequest)} µs) | ${verdict(capacity >= 0.9)} |`);
  }
  if (r.storm) {
    const ratio = r.storm.p99Ratio;
    rows.push(`| \`me\` p99 during a login storm vs idle (per round) | ≤ 2× | ${fmtRatio(ratio)} (medians ${fmtMs(r.storm.storm.p99Ms)} vs ${fmtMs(r.storm.idle.p99Ms)} ms) | ${verdict(ratio <= 2)} |`);
  }
  if (r.startTime) rows.push(`| start to healthy | < 1.5 s | ${Math.round(r.startTime.auth.medianMs)} ms | ${verdict(r.startTime.auth.medianMs < 1500)} |`);
  if (r.flood) {
    const f = r.flood;
    const total = perMillion(f) / 2 ** 20;
    const steady = (f.steadyBytesPerIdentity * 1_000_000) / 2 ** 20;
    rows.push(`| rate-limit store RSS growth for 1M identities | ≤ 64 MB | ${total.toFixed(0)} MB overall, ${steady.toFixed(0)} MB at the steady slope (extrapolated from ${f.identities.toLocaleString('en-US')}) | ${f.identities < minIdentities ? `indicative only: RSS noise exceeds the budget below ${minIdentities.toLocaleString('en-US')} identities` : verdict(steady <= 64)} |`);
    const slowdown = f.meBefore.cpuUsPerRequest / f.meAfter.cpuUsPerRequest;
    rows.push(`| \`me\` after the flood vs before (by CPU time per request) | no slowdown | ${fmtRatio(slowdown)} (${fmtUs(f.meAfter.cpuUsPerRequest)} vs ${fmtUs(f.meBefore.cpuUsPerRequest)} µs) | ${verdict(slowdown >= 0.95)} |`);
  }
  if (r.login) {
    const l = r.login;
    rows.push(`| \`login\` vs argon2id alone, per second | close | ${fmtRatio(l.login.rps / l.argon2PerSecond)} | ${verdict(l.login.rps / l.argon2PerSecond >= 0.8)} |`);
    const cpu = l.argon2CpuMs / (l.login.cpuUsPerRequest / 1000);
    rows.push(`| the same by CPU time (argon2's ms / login's) | close | ${fmtRatio(cpu)} (${fmtMs(l.login.cpuUsPerRequest / 1000)} vs ${fmtMs(l.argon2CpuMs)} ms) | ${verdict(cpu >= 0.8)} |`);
  }
  return rows.length ? ['| target | goal | measured | |', '| --- | --- | --- | --- |', ...rows] : [];
}

/** The figure this bench exists for, in one line: bare, ours, ratio, by CPU per request and by req/s. */
function meVersusBare(r: BenchResults): string | undefined {
  const me = r.throughput?.find((t) => t.target.name === 'me');
  const bare = r.throughput?.find((t) => t.target.name === 'bare node:http');
  if (!me || !bare) return undefined;
  return (
    `**\`me\` vs bare Apollo Server 5 (node:http), side by side:** CPU per request bare ${fmtUs(bare.summary.cpuUsPerRequest)} µs, ours ${fmtUs(me.summary.cpuUsPerRequest)} µs, ` +
    `ratio ${fmtRatio(cpuRatio(me, bare))}; req/s bare ${fmtRps(bare.summary.rps)}, ours ${fmtRps(me.summary.rps)}, ratio ${fmtRatio(roundRatio(me, bare))} (target ≥ 0.90× for both; ratios are medians of per-round ratios).`
  );
}

function throughput(results: readonly ThroughputResult[]): string[] {
  const bareHttp = results.find((t) => t.target.name === 'bare node:http');
  const bareStandalone = results.find((t) => t.target.name === 'bare standalone');
  return [
    '| scenario | req/s | p50 ms | p99 ms | CPU µs/req | req/s vs bare node:http | by CPU | req/s vs bare standalone | by CPU | unexpected |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...results.map((result) => {
      const { target, summary: s } = result;
      const versus = (base: ThroughputResult | undefined) => `${fmtRatio(roundRatio(result, base))} | ${fmtRatio(cpuRatio(result, base))}`;
      return `| ${target.label} | ${fmtRps(s.rps)} | ${fmtMs(s.p50Ms)} | ${fmtMs(s.p99Ms)} | ${fmtUs(s.cpuUsPerRequest)} | ${versus(bareHttp)} | ${versus(bareStandalone)} | ${s.unexpected} |`;
    }),
  ];
}

export function renderReport(r: BenchResults): string {
  const m = r.machine;
  const out: string[] = [`# Benchmark results (${r.runLabel})`, '', `${m.date} · ${m.cpu} · ${m.cores} cores · Node ${m.node} · ${m.os}`, '', `${m.pinning}. ${m.settings}.${m.load ? ` Machine ${m.load} (1-minute).` : ''}`, ''];
  const headline = meVersusBare(r);
  if (headline) out.push(headline, '');
  const t = targets(r);
  if (t.length) out.push('## Targets', '', ...t, '');
  if (r.throughput) {
    out.push('## Throughput (closed loop; medians over rounds; ratios are medians of per-round ratios)', '', ...throughput(r.throughput), '');
    for (const other of r.throughput.filter((t) => t.target.name.endsWith(' (compare)'))) {
      const mine = r.throughput.find((t) => t.target.name === other.target.name.replace(' (compare)', ''));
      out.push(`- ${other.target.name.replace(' (compare)', '')}, this build vs the compare build: ${fmtRatio(roundRatio(mine, other))} by req/s, ${fmtRatio(cpuRatio(mine, other))} by CPU time per request.`);
    }
    out.push('');
  }
  if (r.login) {
    const l = r.login;
    out.push('## Login (argon2id bound)', '', '| measure | per second | CPU ms each | p50 ms | p99 ms |', '| --- | ---: | ---: | ---: | ---: |');
    out.push(`| argon2id verify alone (same parameters, concurrency ${l.concurrency}, same core) | ${fmtRps(l.argon2PerSecond)} | ${fmtMs(l.argon2CpuMs)} | | |`);
    out.push(`| \`login\` through the server | ${fmtRps(l.login.rps)} | ${fmtMs(l.login.cpuUsPerRequest / 1000)} | ${fmtMs(l.login.p50Ms)} | ${fmtMs(l.login.p99Ms)} |`, '');
  }
  if (r.storm) {
    const s = r.storm;
    out.push(`## \`me\` under a login storm (open loop: ${s.meRate} req/s of \`me\`, evenly spaced; storm: ${s.loginConnections} connections of \`login\`)`, '');
    out.push('| | `me` p50 ms | `me` p99 ms | logins/s | event loop waited for a core, ms/s | unexpected |', '| --- | ---: | ---: | ---: | ---: | ---: |');
    out.push(`| idle | ${fmtMs(s.idle.p50Ms)} | ${fmtMs(s.idle.p99Ms)} | | ${fmtMs(s.idleWaitMsPerSecond)} | ${s.idle.unexpected} |`);
    out.push(`| during storm | ${fmtMs(s.storm.p50Ms)} | ${fmtMs(s.storm.p99Ms)} | ${fmtRps(s.loginsDuringStorm.rps)} | ${fmtMs(s.stormWaitMsPerSecond)} | ${s.storm.unexpected + s.loginsDuringStorm.unexpected} |`, '');
  }
  if (r.flood) {
    const f = r.flood;
    out.push('## Rate-limited `requestPasswordReset` under a flood of distinct identities (a new IP and a new email each: two new limiter keys)', '');
    out.push('| identities | flood req/s | statuses | unexpected (not `true`) | RSS before | RSS after | growth | per identity | steady slope | per 1M |', '| ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
    const statuses = Object.entries(f.flood.statuses).map(([code, n]) => `${code}: ${n}`).join(', ');
    out.push(`| ${f.identities.toLocaleString('en-US')} | ${fmtRps(f.flood.rps)} | ${statuses} | ${f.flood.unexpected} | ${fmtMb(f.rssBefore)} | ${fmtMb(f.rssAfter)} | ${fmtMb(rssGrowth(f))} | ${Math.round(rssGrowth(f) / f.identities)} B | ${Math.round(f.steadyBytesPerIdentity)} B | ${fmtMb(perMillion(f))} |`, '');
    out.push(`\`me\` before the flood: ${fmtRps(f.meBefore.rps)} req/s, ${fmtUs(f.meBefore.cpuUsPerRequest)} µs CPU/request (p99 ${fmtMs(f.meBefore.p99Ms)} ms); after: ${fmtRps(f.meAfter.rps)} req/s, ${fmtUs(f.meAfter.cpuUsPerRequest)} µs (p99 ${fmtMs(f.meAfter.p99Ms)} ms).`, '');
  }
  if (r.startTime) {
    const { auth, bare } = r.startTime;
    out.push('## Start to healthy (spawn → first 200)', '', '| server | median ms | min | max | runs |', '| --- | ---: | ---: | ---: | ---: |');
    out.push(`| this server (\`node dist/src/main.js\`, GET /healthz) | ${Math.round(auth.medianMs)} | ${Math.round(auth.minMs)} | ${Math.round(auth.maxMs)} | ${auth.runs} |`);
    out.push(`| bare Apollo (node:http, first \`me\`) | ${Math.round(bare.medianMs)} | ${Math.round(bare.minMs)} | ${Math.round(bare.maxMs)} | ${bare.runs} |`, '');
  }
  return out.join('\n');
}
