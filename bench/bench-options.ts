// Command-line settings. The defaults fit a full run in about five minutes on
// two cores; --quick trades precision for about one minute.
export interface BenchOptions {
  readonly quick: boolean;
  /** Alternating rounds per throughput comparison; medians are taken over them. */
  readonly rounds: number;
  /** Seconds per throughput measurement. */
  readonly seconds: number;
  readonly connections: number;
  readonly users: number;
  /** Server spawns timed for start-to-healthy. */
  readonly starts: number;
  /** Distinct client identities sent at the rate-limited field. */
  readonly identities: number;
  /** `me` requests per second while measuring p99 idle and under a login storm. */
  readonly stormMeRate: number;
  readonly stormLoginConnections: number;
  readonly build: boolean;
  /** Comma-separated: skip scenarios whose name contains none of these. */
  readonly only: string | undefined;
  /** Another build's root (with dist/src/main.js) whose `me` runs alternately with this one: before/after numbers for a change. */
  readonly compare: string | undefined;
}

const full: BenchOptions = {
  quick: false,
  rounds: 5,
  seconds: 4,
  connections: 10,
  users: 1000,
  starts: 5,
  identities: 60_000,
  stormMeRate: 500,
  stormLoginConnections: 8,
  build: true,
  only: undefined,
  compare: undefined,
};

const quick: BenchOptions = { ...full, quick: true, rounds: 2, seconds: 1, starts: 3, identities: 4_000 };

export const usage = `npm run bench -- [--quick] [--rounds=N] [--seconds=N] [--connections=N] [--identities=N]
                      [--storm-me-rate=N] [--starts=N] [--only=LIST] [--compare=DIR] [--no-build]`;

export function parseOptions(argv: readonly string[]): BenchOptions {
  let options = argv.includes('--quick') ? quick : full;
  for (const arg of argv) {
    const [key, value] = arg.split('=', 2);
    const number = Number(value);
    const set = (patch: Partial<BenchOptions>) => (options = { ...options, ...patch });
    if (key === '--quick') continue;
    else if (key === '--no-build') set({ build: false });
    else if (key === '--only') set({ only: value });
    else if (key === '--compare') set({ compare: value });
    else if (value === undefined || !Number.isFinite(number) || number <= 0) throw new Error(`unknown or invalid argument ${arg}\n${usage}`);
    else if (key === '--rounds') set({ rounds: number });
    else if (key === '--seconds') set({ seconds: number });
    else if (key === '--connections') set({ connections: number });
    else if (key === '--identities') set({ identities: number });
    else if (key === '--storm-me-rate') set({ stormMeRate: number });
    else if (key === '--starts') set({ starts: number });
    else throw new Error(`unknown argument ${arg}\n${usage}`);
  }
  return options;
}
