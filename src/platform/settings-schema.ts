// Every setting the server reads from the environment, once: its name, its
// default and what a valid value is. config.ts adds the rules that tie
// settings together (cross-setting-checks.ts) and shapes the result into the
// Config the server uses, whose type is derived from this schema.
import { z } from 'zod';
import { parseDurationMs } from './duration.js';
import { mailEnv } from './mail-settings.js';
import { rateLimitSettings } from './rate-limit-settings.js';

/**
 * A duration like 30s, 15m, 12h or 30d, in ms, with its default. A value
 * outside `bounds` is refused with `refusal`, a sentence naming the setting.
 */
const duration = (fallback: string, bounds?: { readonly min?: number; readonly max?: number; readonly refusal: string }) =>
  z
    .string()
    .default(fallback)
    .transform((text, ctx) => {
      const ms = parseDurationMs(text);
      if (ms === undefined) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, message: `"${text}" is not a duration like 30s, 15m, 12h or 30d` });
        return z.NEVER;
      }
      if (bounds !== undefined && (ms < (bounds.min ?? 0) || ms > (bounds.max ?? Infinity))) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, message: bounds.refusal });
        return z.NEVER;
      }
      return ms;
    });

/** A whole-number setting within bounds, with its default. */
const int = (min: number, max: number, fallback: number) => z.coerce.number().int().min(min).max(max).default(fallback);

const flag = z.enum(['true', 'false']).default('false');

const optionalSecret = z
  .string()
  .optional()
  .transform((v) => (v === '' ? undefined : v))
  .refine((v) => v === undefined || Buffer.byteLength(v) >= 32, 'must be at least 32 bytes');

// Taken as given (trimmed; blank is unset): a PEM or a path, checked when it is loaded.
const optionalText = z
  .string()
  .optional()
  .transform((v) => v?.trim() || undefined);

// A link that stops working sooner could not be opened from a mailbox.
const linkTtl = (fallback: string) => duration(fallback, { min: 60_000, refusal: 'PASSWORD_RESET_TTL and EMAIL_VERIFICATION_TTL must be at least 1m' });

export const explorerModes = ['graphiql', 'sandbox', 'off'] as const;
/** What a browser opening the GraphQL path gets: the bundled GraphiQL, Apollo Sandbox (from Apollo's CDN) or nothing. */
export type ExplorerMode = (typeof explorerModes)[number];

export const settingsSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: int(0, 65535, 4000),
  HOST: z.string().min(1).optional(),
  DATABASE_URL: z.string().min(1).default('file:./data/app.db'),
  DATABASE_STATEMENT_TIMEOUT: duration('5s', { min: 100, max: 600_000, refusal: 'DATABASE_STATEMENT_TIMEOUT must be between 100ms and 10m' }),
  DATABASE_POOL_SIZE: int(1, 1000, 10),
  REDIS_URL: z
    .string()
    .optional()
    .transform((v) => v?.trim() || undefined)
    .refine((v) => v === undefined || /^rediss?:\/\/./.test(v), 'must be a redis:// or rediss:// URL'),
  REDIS_KEY_PREFIX: z.string().regex(/^[\w:.-]{1,100}$/, 'letters, digits and _ : . - only (at most 100)').default('graphql-auth:'),
  REDIS_COMMAND_TIMEOUT: duration('1s', { min: 10, refusal: 'REDIS_COMMAND_TIMEOUT must be at least 10ms' }),
  JWT_SECRET: optionalSecret,
  JWT_SECRET_PREVIOUS: optionalSecret,
  JWT_PRIVATE_KEY: optionalText,
  JWT_PRIVATE_KEY_PREVIOUS: optionalText,
  JWT_ISSUER: z.string().min(1).default('graphql-auth'),
  JWT_AUDIENCE: z.string().min(1).default('graphql-auth'),
  ACCESS_TOKEN_TTL: duration('15m', { min: 1000, refusal: 'ACCESS_TOKEN_TTL must be at least 1s' }),
  REFRESH_TOKEN_TTL: duration('30d'),
  SESSION_MAX_AGE: duration('90d'),
  REFRESH_REUSE_GRACE: duration('2s'),
  SESSION_CACHE_TTL: duration('5s'),
  TRUST_PROXY: int(0, 10, 0),
  PASSWORD_HASH_CONCURRENCY: int(1, 64, 1),
  PASSWORD_HASH_QUEUE: int(1, 10_000, 64),
  MAX_SESSIONS_PER_USER: int(1, 1000, 50),
  BODY_LIMIT_BYTES: int(1024, 10_485_760, 102_400),
  CORS_ORIGINS: z.string().optional(),
  /** RATE_LIMIT_<NAME> settings, gathered by rate-limit-settings.ts. */
  RATE_LIMITS: rateLimitSettings,
  RATE_LIMIT_STORE_MAX_KEYS: int(1000, 100_000_000, 100_000),
  LOGIN_LOCKOUT_AFTER: int(0, 1000, 5),
  LOGIN_LOCKOUT_BASE: duration('1m'),
  LOGIN_LOCKOUT_MAX: duration('1h'),
  LOGIN_LOCKOUT_FORGET_AFTER: duration('24h'),
  LOGIN_UNTRUSTED_MAX: int(0, 1_000_000, 10),
  LOGIN_UNTRUSTED_WINDOW: duration('15m'),
  DEVICE_TOKEN_TTL: duration('365d'),
  HEADERS_TIMEOUT: duration('10s'),
  REQUEST_TIMEOUT: duration('30s'),
  GRAPHQL_MAX_DEPTH: int(1, 1000, 10),
  GRAPHQL_MAX_ALIASES: int(0, 10_000, 15),
  GRAPHQL_MAX_DIRECTIVES: int(0, 10_000, 50),
  GRAPHQL_MAX_TOKENS: int(100, 1_000_000, 1000),
  GRAPHQL_MAX_COST: int(1, 100_000_000, 10_000),
  TLS_CERT: optionalText,
  TLS_KEY: optionalText,
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  METRICS_TOKEN: optionalSecret,
  // An empty value means unset, not port 0 (which would open a random port).
  METRICS_PORT: z.preprocess((v) => (v === '' ? undefined : v), z.coerce.number().int().min(0).max(65535).optional()),
  SHUTDOWN_TIMEOUT: duration('10s'),
  ALLOW_PUBLIC_OWNER_FIELDS: flag,
  EMAIL_UTF8_LOCAL_PARTS: flag,
  MFA_ENCRYPTION_KEY: z
    .string()
    .optional()
    .transform((v) => (v === '' ? undefined : v)),
  MFA_ISSUER: z.string().trim().min(1).max(100).default('graphql-auth'),
  WEBAUTHN_RP_ID: z.string().trim().min(1).optional(),
  WEBAUTHN_RP_NAME: z.string().trim().min(1).max(100).optional(),
  WEBAUTHN_ORIGIN: z.string().trim().min(1).optional(),
  ...mailEnv,
  PASSWORD_RESET_TTL: linkTtl('30m'),
  EMAIL_VERIFICATION_TTL: linkTtl('24h'),
  REQUIRE_VERIFIED_EMAIL: flag,
  // No default here: it depends on NODE_ENV (graphiql outside production, off in it).
  EXPLORER: z.enum(explorerModes).optional(),
});

/** The settings as parsed, before the cross-setting checks and shaping. */
export type Settings = z.output<typeof settingsSchema>;
