// The grammar of per-limit settings. Every @rateLimit in the schema has a name
// (see schema/directives.graphql); `RATE_LIMIT_<NAME>=<max>/<window>` replaces
// its numbers and `RATE_LIMIT_<NAME>=off` switches it off. There are as many
// as the schema declares limits, so they are gathered from the environment by
// prefix into one record (RATE_LIMITS) that the settings schema then parses
// like any other setting. Which names exist is known only once the schema is
// read, so rate-limit/ checks them at start.
import { z } from 'zod';
import { parseDurationMs } from './duration.js';

export type RateLimitSetting = { readonly max: number; readonly windowMs: number } | 'off';

const prefix = 'RATE_LIMIT_';
const valuePattern = /^(\d+)\s*\/\s*(\S+)$/;

/**
 * The environment with its RATE_LIMIT_<NAME> settings also gathered under
 * RATE_LIMITS; `notLimits` are the settings under the prefix that are not
 * limits (RATE_LIMIT_STORE_MAX_KEYS), and a blank value counts as unset.
 */
export function gatherRateLimitSettings(env: unknown, notLimits: ReadonlySet<string>): unknown {
  if (typeof env !== 'object' || env === null) return env;
  const limits = Object.entries(env).filter(([key, value]) => key.startsWith(prefix) && !notLimits.has(key) && typeof value === 'string' && value.trim() !== '');
  return { ...env, RATE_LIMITS: Object.fromEntries(limits) };
}

const rateLimitValue = z
  .string()
  .trim()
  .transform((value, ctx): RateLimitSetting => {
    if (value.toLowerCase() === 'off') return 'off';
    const match = valuePattern.exec(value);
    const max = match ? Number(match[1]) : NaN;
    const windowMs = match?.[2] === undefined ? undefined : parseDurationMs(match[2]);
    if (!Number.isSafeInteger(max) || max < 1 || windowMs === undefined || windowMs < 1000) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: `"${value}" is not <max>/<window> like 5/1m (max at least 1, window at least 1s) or off` });
      return z.NEVER;
    }
    return { max, windowMs };
  });

/** RATE_LIMITS as gathered → the settings by limit NAME; each problem is reported at its RATE_LIMIT_<NAME>. */
export const rateLimitSettings = z
  .record(z.string().regex(/^RATE_LIMIT_[A-Z][A-Z0-9_]*$/, 'not a limit name (upper case letters, digits and _)'), rateLimitValue)
  .default({})
  .transform((settings): ReadonlyMap<string, RateLimitSetting> => new Map(Object.entries(settings).map(([key, setting]) => [key.slice(prefix.length), setting])));
