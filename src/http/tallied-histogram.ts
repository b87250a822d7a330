// A latency histogram observed on every request. prom-client's observe()
// validates and hashes the label object and turns the bucket bound into a
// property name on each call (a few microseconds of every `me`, by the
// profile); here a caller that already keys its label tuple (metrics.ts) adds
// to plain per-tuple bucket counts, and a scrape reads them in prom-client's
// own format. Registration, names and the exposition stay prom-client's.
import { Histogram, type HistogramConfiguration, type MetricObjectWithValues, type MetricValueWithName } from 'prom-client';

type Labels<L extends string> = Partial<Record<L, string | number>>;

interface Tally<L extends string> {
  readonly labels: Labels<L>;
  /** Observations per bucket, not cumulative; the last is above every bound (+Inf). */
  readonly counts: number[];
  sum: number;
  count: number;
}

export class TalliedHistogram<L extends string> extends Histogram<L> {
  private readonly metricName: string;
  private readonly metricHelp: string;
  private readonly bounds: readonly number[];
  private readonly tallies = new Map<string, Tally<L>>();

  constructor(configuration: HistogramConfiguration<L> & { buckets: readonly number[] }) {
    super({ ...configuration, buckets: [...configuration.buckets] });
    this.metricName = configuration.name;
    this.metricHelp = configuration.help;
    this.bounds = [...configuration.buckets].sort((a, b) => a - b);
    // prom-client sets observe on the instance, so this one must be too; it feeds the same tallies.
    this.observe = ((labels: Labels<L> | number, value?: number) => {
      if (typeof labels === 'number') this.record('', {}, labels);
      else if (value !== undefined) this.record(JSON.stringify(Object.entries(labels).sort()), labels, value);
    }) as Histogram<L>['observe'];
  }

  /** Adds `value` under `labels`; `key` must be the same for the same labels, and is the caller's to bound. */
  record(key: string, labels: Labels<L>, value: number): void {
    let tally = this.tallies.get(key);
    if (tally === undefined) {
      tally = { labels, counts: new Array<number>(this.bounds.length + 1).fill(0), sum: 0, count: 0 };
      this.tallies.set(key, tally);
    }
    let bucket = 0;
    while (bucket < this.bounds.length && value > (this.bounds[bucket] as number)) bucket += 1;
    tally.counts[bucket] = (tally.counts[bucket] as number) + 1;
    tally.sum += value;
    tally.count += 1;
  }

  override async get(): Promise<MetricObjectWithValues<MetricValueWithName<L>>> {
    const name = this.metricName;
    const values: MetricValueWithName<L>[] = [];
    for (const { labels, counts, sum, count } of this.tallies.values()) {
      let cumulative = 0;
      this.bounds.forEach((bound, i) => {
        cumulative += counts[i] as number;
        values.push({ labels: { ...labels, le: bound }, value: cumulative, metricName: `${name}_bucket` });
      });
      values.push({ labels: { ...labels, le: '+Inf' }, value: count, metricName: `${name}_bucket` });
      values.push({ labels, value: sum, metricName: `${name}_sum` });
      values.push({ labels, value: count, metricName: `${name}_count` });
    }
    return { name, help: this.metricHelp, type: 'histogram', values, aggregator: 'sum' } as unknown as MetricObjectWithValues<MetricValueWithName<L>>;
  }

  /** What the registry reads for the text exposition. */
  getForPromString(): Promise<MetricObjectWithValues<MetricValueWithName<L>>> {
    return this.get();
  }

  // Also called by prom-client's constructor, before this class's fields exist.
  override reset(): void {
    (this.tallies as typeof this.tallies | undefined)?.clear();
  }
}
