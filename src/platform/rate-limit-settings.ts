// The grammar of per-limit settings. Every @rateLimit in the schema has a name
// (see schema/directives.graphql); `RATE_LIMIT_<NAME>=<max>/<window>` replaces
// its numbers and `RATE_LIMIT_<NAME>=off` switches it off. Which names exist is
// known only once the schema is read, so rate-limit/ checks them at start.
import { parseDurationMs } from './duration.js';

export type RateLimitSetting = { readonly max: number; readonly windowMs: number } | 'off';

const prefix = 'RATE_LIMIT_';
/** Settings under the prefix that are not limits. */
export const reservedRateLimitSettings: ReadonlySet<string> = new Set(['RATE_LIMIT_STORE_MAX_KEYS']);
const namePattern = /^[A-Z][A-Z0-9_]*$/;
const valuePattern = /^(\d+)\s*\/\s*(\S+)$/;

/** The RATE_LIMIT_<NAME> settings in `env`, by NAME; problems are returned as messages naming the setting. */
export function readRateLimitSettings(env: Readonly<Record<string, string | undefined>>): {
  settings: ReadonlyMap<string, RateLimitSetting>;
  problems: string[];
} {
  const settings = new Map<string, RateLimitSetting>();
  const problems: string[] = [];
  for (const [key, raw] of Object.entries(env)) {
    if (!key.startsWith(prefix) || reservedRateLimitSettings.has(key) || raw === undefined || raw.trim() === '') continue;
    const name = key.slice(prefix.length);
    const value = raw.trim();
    if (!namePattern.test(name)) {
      problems.push(`${key}: not a limit name (upper case letters, digits and _)`);
      continue;
    }
    if (value.toLowerCase() === 'off') {
      settings.set(name, 'off');
      continue;
    }
    const match = valuePattern.exec(value);
    const max = match ? Number(match[1]) : NaN;
    const windowMs = match?.[2] === undefined ? undefined : parseDurationMs(match[2]);
    if (!Number.isSafeInteger(max) || max < 1 || windowMs === undefined || windowMs < 1000) {
      problems.push(`${key}: "${value}" is not <max>/<window> like 5/1m (max at least 1, window at least 1s) or off`);
      continue;
    }
    settings.set(name, { max, windowMs });
  }
  return { settings, problems };
}
