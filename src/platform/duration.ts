// One duration grammar for every setting and for @rateLimit(window:), the same
// as graphql-rate-limit's: a whole number and a unit, e.g. "500ms", "15m", "30d".
const unitMs = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 } as const;
const pattern = /^(\d+)\s*(ms|s|m|h|d|w)$/;

/** Milliseconds in `text`, or undefined if it is not a duration. */
export function parseDurationMs(text: string): number | undefined {
  const match = pattern.exec(text.trim());
  if (!match) return undefined;
  const [, amount, unit] = match;
  const ms = Number(amount) * unitMs[unit as keyof typeof unitMs];
  return Number.isSafeInteger(ms) ? ms : undefined;
}
