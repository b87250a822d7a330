// Reads a V8 .cpuprofile (node --cpu-prof) and says where the time went: the
// top functions by self time, self time by package or src/ folder, and the top
// functions by inclusive time (so "all of graphql-shield" is one number).
import { readFileSync } from 'node:fs';

interface ProfileNode {
  readonly id: number;
  readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number };
  readonly children?: readonly number[];
}

interface CpuProfile {
  readonly nodes: readonly ProfileNode[];
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

/** node_modules/<package>, src/<folder>, node:<internal>, or V8's own buckets like (garbage collector). */
export function areaOf(url: string, functionName: string): string {
  if (url === '') return functionName.startsWith('(') ? functionName : '(native)';
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg?.[1]) return pkg[1];
  const own = /\/(?:dist\/)?((?:src|db|bench)(?:\/[^/]+)?)\/[^/]+$/.exec(url);
  if (own?.[1]) return own[1];
  if (url.startsWith('node:')) return url.split('/')[0] ?? url;
  return url;
}

const keyOf = (n: ProfileNode) => `${n.callFrame.functionName || '(anonymous)'} ${areaOf(n.callFrame.url, n.callFrame.functionName)}:${n.callFrame.lineNumber + 1}`;

function table(title: string, totals: Map<string, number>, all: number, top: number): string[] {
  const rows = [...totals].sort((a, b) => b[1] - a[1]).slice(0, top);
  return [`${title}`, ...rows.map(([key, us]) => `  ${(us / 1000).toFixed(0).padStart(7)} ms ${((100 * us) / all).toFixed(1).padStart(5)}%  ${key}`), ''];
}

export function summarizeProfile(path: string, top = 25): string {
  const profile = JSON.parse(readFileSync(path, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const child of n.children ?? []) parent.set(child, n.id);
  const self = new Map<string, number>();
  const area = new Map<string, number>();
  const inclusive = new Map<string, number>();
  let busy = 0;
  let all = 0;
  profile.samples.forEach((id, i) => {
    const us = profile.timeDeltas[i] ?? 0;
    const node = byId.get(id);
    if (!node) return;
    all += us;
    const bucket = areaOf(node.callFrame.url, node.callFrame.functionName);
    if (bucket !== '(idle)') busy += us;
    self.set(keyOf(node), (self.get(keyOf(node)) ?? 0) + us);
    area.set(bucket, (area.get(bucket) ?? 0) + us);
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const n = byId.get(at);
      if (!n) break;
      const key = keyOf(n);
      if (seen.has(key)) continue;
      seen.add(key);
      inclusive.set(key, (inclusive.get(key) ?? 0) + us);
    }
  });
  return [
    `${path}: ${(all / 1e6).toFixed(1)} s sampled, ${((100 * busy) / all).toFixed(0)}% busy`,
    '',
    ...table('Self time by function:', self, all, top),
    ...table('Self time by area:', area, all, top),
    ...table('Inclusive time by function:', inclusive, all, top),
  ].join('\n');
}
