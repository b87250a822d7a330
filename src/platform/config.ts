// Settings are read once, at start, from the environment (only main.ts passes
// process.env in), checked, and frozen. A bad or missing secret stops the boot
// with a message that names the setting; it never surfaces at the first login.
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { BootError } from './boot-error.js';
import { parseDurationMs } from './duration.js';
import type { LogLevel } from './logger.js';
import { readRateLimitSettings, type RateLimitSetting } from './rate-limit-settings.js';
import { readMfaSettings, type MfaSettings, type WebAuthnSettings } from './mfa-settings.js';
import { mailEnv, readMailSettings, type MailSettings } from './mail-settings.js';

export interface Config {
  readonly env: 'development' | 'production' | 'test';
  readonly port: number;
  readonly host: string | undefined;
  readonly databaseUrl: string;
  /** Bounds each database statement, connection attempt and wait for a pooled connection; past it the request gets 503 (SERVICE_UNAVAILABLE). */
  readonly databaseStatementTimeoutMs: number;
  /** PostgreSQL connections each instance keeps at most. */
  readonly databasePoolSize: number;
  readonly jwt: {
    /** Signs and verifies (HS256); undefined when a private key signs instead. */
    readonly secret: string | undefined;
    /** Verify only, so a secret can be rotated without signing everyone out. */
    readonly previousSecret: string | undefined;
    /** True when neither JWT_SECRET nor JWT_PRIVATE_KEY was given and a random secret was made (dev only). */
    readonly secretGenerated: boolean;
    /** JWT_PRIVATE_KEY as given (a PKCS#8 PEM, or the path of one): signs instead of the secret; checked at start by credentials/signing-keys.ts. */
    readonly privateKey: string | undefined;
    /** JWT_PRIVATE_KEY_PREVIOUS: verifies (and is published) only, so a key can be rotated without signing everyone out. */
    readonly previousPrivateKey: string | undefined;
    readonly issuer: string;
    readonly audience: string;
  };
  readonly accessTokenTtlMs: number;
  readonly refreshTokenTtlMs: number;
  /** Absolute lifetime of a session, however often it is refreshed. */
  readonly sessionMaxAgeMs: number;
  /** A rotated refresh token presented again within this window is a lost race, not theft. */
  readonly refreshReuseGraceMs: number;
  /** How long a session's liveness may be served from memory before the database is asked again. */
  readonly sessionCacheTtlMs: number;
  /** How many hops of X-Forwarded-For to trust; 0 uses the socket address. */
  readonly trustProxy: number;
  /** At most this many argon2 computations at once, one hashing thread each (the rest queue). */
  readonly passwordHashConcurrency: number;
  /** At most this many wait for a turn; more are refused at once (RATE_LIMITED), so a flood cannot stall sign-in for minutes. */
  readonly passwordHashQueue: number;
  /** Live sessions one user may hold; a new sign-in ends the oldest beyond it. */
  readonly maxSessionsPerUser: number;
  readonly logLevel: LogLevel;
  /** Larger request bodies are refused with 413 before they are read. */
  readonly bodyLimitBytes: number;
  /** Browser origins allowed by CORS; '*' allows any (safe here: bearer tokens, no cookies). */
  readonly corsOrigins: readonly string[];
  /** /metrics: off unless a bearer token or a separate port (or both) is set. */
  readonly metrics: { readonly token: string | undefined; readonly port: number | undefined };
  /** How long a shutdown waits for in-flight requests before cutting their connections. */
  readonly shutdownTimeoutMs: number;
  readonly rateLimits: {
    /** RATE_LIMIT_<NAME> settings by limit name; rate-limit/ refuses names the schema does not declare. */
    readonly overrides: ReadonlyMap<string, RateLimitSetting>;
    /** At most this many counters are kept in process; the least recently used go first. */
    readonly storeMaxKeys: number;
  };
  /** Sign-in failures for one (email, client IP) lock it for a growing time. */
  readonly loginLockout: {
    /** Failures allowed before the first lock; 0 switches locking off. */
    readonly after: number;
    readonly baseMs: number;
    readonly maxMs: number;
    /** Failures older than this (counted from the first) are forgotten. */
    readonly forgetAfterMs: number;
    /** Failed sign-ins to one account from clients without its device token, across all addresses, before such attempts are refused; 0 switches it off. */
    readonly untrustedMax: number;
    /** The window those failures are counted in (a fixed window from the first). */
    readonly untrustedWindowMs: number;
  };
  /** How long a device token (AuthPayload.deviceToken) marks a client as a known device. */
  readonly deviceTokenTtlMs: number;
  /** Slow-loris bounds: a request's headers must arrive within headersTimeoutMs, the whole request within requestTimeoutMs. */
  readonly httpTimeouts: { readonly headersTimeoutMs: number; readonly requestTimeoutMs: number };
  /** Checked on every operation before it runs; over a limit is HTTP 400. */
  readonly operationLimits: {
    readonly maxDepth: number;
    readonly maxAliases: number;
    readonly maxDirectives: number;
    readonly maxTokens: number;
    readonly maxCost: number;
  };
  /** Shared rate limits, sign-in throttling and session invalidations; undefined keeps them in process. */
  readonly redis: RedisSettings | undefined;
  /** A @public type with an owner-like field (ownerId, userId…) is only a warning outside production; in production it stops the boot unless this is set. */
  readonly allowPublicOwnerFields: boolean;
  /** Local parts may hold letters, marks and digits of any script; then an address's Unicode TR39 skeleton must be unique too. */
  readonly emailUtf8LocalParts: boolean;
  /** Serve HTTPS from these PEM files (and send HSTS); undefined serves plain HTTP. */
  readonly tls: { readonly certPath: string; readonly keyPath: string } | undefined;
  /** TOTP: the key its secrets are encrypted with at rest, and the issuer apps show. */
  readonly mfa: MfaSettings;
  /** Where passkeys are valid; undefined when no origin is known (passkeys are then off). */
  readonly webauthn: WebAuthnSettings | undefined;
  /** Where mail goes, whom it is from and where its links point (platform/mail-settings.ts). */
  readonly mail: MailSettings;
  /** How long a password reset link works. */
  readonly passwordResetTtlMs: number;
  /** How long a link confirming an address (verification, email change) works. */
  readonly emailVerificationTtlMs: number;
  /** login refuses accounts whose address is not verified (FORBIDDEN, reason EMAIL_NOT_VERIFIED). */
  readonly requireVerifiedEmail: boolean;
}

export interface RedisSettings {
  readonly url: string;
  /** Starts every key and channel name, so several deployments (or test runs) can share one Redis. */
  readonly keyPrefix: string;
  /** A command without a reply by then fails (and a rate-limited field is refused) instead of waiting. */
  readonly commandTimeoutMs: number;
}

/** A setting is missing, malformed or contradicts another; the message names it. */
export class ConfigError extends BootError {
  override readonly name = 'ConfigError';
}

const duration = (fallback: string) =>
  z
    .string()
    .default(fallback)
    .transform((text, ctx) => {
      const ms = parseDurationMs(text);
      if (ms === undefined) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, message: `"${text}" is not a duration like 30s, 15m, 12h or 30d` });
        return z.NEVER;
      }
      return ms;
    });

/** A whole-number setting within bounds, with its default. */
const int = (min: number, max: number, fallback: number) => z.coerce.number().int().min(min).max(max).default(fallback);

const optionalSecret = z
  .string()
  .optional()
  .transform((v) => (v === '' ? undefined : v))
  .refine((v) => v === undefined || Buffer.byteLength(v) >= 32, 'must be at least 32 bytes');

// A PEM or a path: taken as given (trimmed), checked when the keys are loaded.
const optionalText = z
  .string()
  .optional()
  .transform((v) => v?.trim() || undefined);

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: int(0, 65535, 4000),
  HOST: z.string().min(1).optional(),
  DATABASE_URL: z.string().min(1).default('file:./data/app.db'),
  DATABASE_STATEMENT_TIMEOUT: duration('5s'),
  DATABASE_POOL_SIZE: int(1, 1000, 10),
  REDIS_URL: z
    .string()
    .optional()
    .transform((v) => v?.trim() || undefined)
    .refine((v) => v === undefined || /^rediss?:\/\/./.test(v), 'must be a redis:// or rediss:// URL'),
  REDIS_KEY_PREFIX: z.string().regex(/^[\w:.-]{1,100}$/, 'letters, digits and _ : . - only (at most 100)').default('graphql-auth:'),
  REDIS_COMMAND_TIMEOUT: duration('1s'),
  JWT_SECRET: optionalSecret,
  JWT_SECRET_PREVIOUS: optionalSecret,
  JWT_PRIVATE_KEY: optionalText,
  JWT_PRIVATE_KEY_PREVIOUS: optionalText,
  JWT_ISSUER: z.string().min(1).default('graphql-auth'),
  JWT_AUDIENCE: z.string().min(1).default('graphql-auth'),
  ACCESS_TOKEN_TTL: duration('15m'),
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
  TLS_CERT: z.string().optional(),
  TLS_KEY: z.string().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  METRICS_TOKEN: optionalSecret,
  // An empty value means unset, not port 0 (which would open a random port).
  METRICS_PORT: z.preprocess((v) => (v === '' ? undefined : v), z.coerce.number().int().min(0).max(65535).optional()),
  SHUTDOWN_TIMEOUT: duration('10s'),
  ALLOW_PUBLIC_OWNER_FIELDS: z.enum(['true', 'false']).default('false'),
  EMAIL_UTF8_LOCAL_PARTS: z.enum(['true', 'false']).default('false'),
  MFA_ENCRYPTION_KEY: z.string().optional().transform((v) => (v === '' ? undefined : v)),
  MFA_ISSUER: z.string().trim().min(1).max(100).default('graphql-auth'),
  WEBAUTHN_RP_ID: z.string().trim().min(1).optional(),
  WEBAUTHN_RP_NAME: z.string().trim().min(1).max(100).optional(),
  WEBAUTHN_ORIGIN: z.string().trim().min(1).optional(),
  ...mailEnv,
  PASSWORD_RESET_TTL: duration('30m'),
  EMAIL_VERIFICATION_TTL: duration('24h'),
  REQUIRE_VERIFIED_EMAIL: z.enum(['true', 'false']).default('false'),
});

export type Env = Readonly<Record<string, string | undefined>>;

export function loadConfig(env: Env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid settings:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  if (e.NODE_ENV === 'production' && e.JWT_SECRET === undefined && e.JWT_PRIVATE_KEY === undefined) {
    throw new ConfigError('JWT_SECRET is required when NODE_ENV=production (at least 32 bytes, e.g. `openssl rand -base64 48`), unless JWT_PRIVATE_KEY is set');
  }
  if (e.JWT_SECRET !== undefined && e.JWT_PRIVATE_KEY !== undefined) {
    throw new ConfigError('JWT_SECRET and JWT_PRIVATE_KEY are both set: set one (moving from HS256 to a private key, give the old secret as JWT_SECRET_PREVIOUS)');
  }
  if (e.REDIS_COMMAND_TIMEOUT < 10) throw new ConfigError('REDIS_COMMAND_TIMEOUT must be at least 10ms');
  if (e.ACCESS_TOKEN_TTL < 1000) throw new ConfigError('ACCESS_TOKEN_TTL must be at least 1s');
  if (e.DATABASE_STATEMENT_TIMEOUT < 100 || e.DATABASE_STATEMENT_TIMEOUT > 600_000) throw new ConfigError('DATABASE_STATEMENT_TIMEOUT must be between 100ms and 10m');
  if (e.METRICS_PORT !== undefined && e.METRICS_PORT !== 0 && e.METRICS_PORT === e.PORT) throw new ConfigError('METRICS_PORT must differ from PORT');
  const rateLimits = readRateLimitSettings(env);
  if (rateLimits.problems.length > 0) throw new ConfigError(`Invalid settings:\n${rateLimits.problems.map((p) => `  ${p}`).join('\n')}`);
  if (e.HEADERS_TIMEOUT < 1000 || e.HEADERS_TIMEOUT > e.REQUEST_TIMEOUT) throw new ConfigError('HEADERS_TIMEOUT must be at least 1s and not longer than REQUEST_TIMEOUT');
  if (e.LOGIN_LOCKOUT_BASE > e.LOGIN_LOCKOUT_MAX) throw new ConfigError('LOGIN_LOCKOUT_BASE must not be longer than LOGIN_LOCKOUT_MAX');
  // Passkeys default to the web front end's origin (mail links use the same APP_URL).
  const appUrl = e.APP_URL ?? (e.NODE_ENV === 'production' ? undefined : 'http://localhost:5173');
  const second = readMfaSettings({ ...e, production: e.NODE_ENV === 'production', appUrl });
  if (second.problems.length > 0) throw new ConfigError(`Invalid settings:\n${second.problems.map((p) => `  ${p}`).join('\n')}`);
  const mail = readMailSettings(e, e.NODE_ENV === 'production');
  if (typeof mail === 'string') throw new ConfigError(mail);
  if (e.PASSWORD_RESET_TTL < 60_000 || e.EMAIL_VERIFICATION_TTL < 60_000) throw new ConfigError('PASSWORD_RESET_TTL and EMAIL_VERIFICATION_TTL must be at least 1m');
  const tlsCert = e.TLS_CERT?.trim() || undefined;
  const tlsKey = e.TLS_KEY?.trim() || undefined;
  if ((tlsCert === undefined) !== (tlsKey === undefined)) throw new ConfigError('TLS_CERT and TLS_KEY go together: set both (PEM file paths) or neither');
  return Object.freeze({
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    databaseStatementTimeoutMs: e.DATABASE_STATEMENT_TIMEOUT,
    databasePoolSize: e.DATABASE_POOL_SIZE,
    jwt: Object.freeze({
      secret: e.JWT_PRIVATE_KEY === undefined ? (e.JWT_SECRET ?? randomBytes(48).toString('base64url')) : undefined,
      previousSecret: e.JWT_SECRET_PREVIOUS,
      secretGenerated: e.JWT_SECRET === undefined && e.JWT_PRIVATE_KEY === undefined,
      privateKey: e.JWT_PRIVATE_KEY,
      previousPrivateKey: e.JWT_PRIVATE_KEY_PREVIOUS,
      issuer: e.JWT_ISSUER,
      audience: e.JWT_AUDIENCE,
    }),
    accessTokenTtlMs: e.ACCESS_TOKEN_TTL,
    refreshTokenTtlMs: e.REFRESH_TOKEN_TTL,
    sessionMaxAgeMs: e.SESSION_MAX_AGE,
    refreshReuseGraceMs: e.REFRESH_REUSE_GRACE,
    sessionCacheTtlMs: e.SESSION_CACHE_TTL,
    trustProxy: e.TRUST_PROXY,
    passwordHashConcurrency: e.PASSWORD_HASH_CONCURRENCY,
    passwordHashQueue: e.PASSWORD_HASH_QUEUE,
    maxSessionsPerUser: e.MAX_SESSIONS_PER_USER,
    logLevel: e.LOG_LEVEL,
    bodyLimitBytes: e.BODY_LIMIT_BYTES,
    // Outside production any origin may call (Apollo Sandbox runs on its own origin).
    corsOrigins: Object.freeze(
      (e.CORS_ORIGINS ?? (e.NODE_ENV === 'production' ? '' : '*'))
        .split(',')
        .map((o) => o.trim())
        .filter((o) => o !== ''),
    ),
    metrics: Object.freeze({ token: e.METRICS_TOKEN, port: e.METRICS_PORT }),
    shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT,
    rateLimits: Object.freeze({ overrides: rateLimits.settings, storeMaxKeys: e.RATE_LIMIT_STORE_MAX_KEYS }),
    loginLockout: Object.freeze({ after: e.LOGIN_LOCKOUT_AFTER, baseMs: e.LOGIN_LOCKOUT_BASE, maxMs: e.LOGIN_LOCKOUT_MAX, forgetAfterMs: e.LOGIN_LOCKOUT_FORGET_AFTER, untrustedMax: e.LOGIN_UNTRUSTED_MAX, untrustedWindowMs: e.LOGIN_UNTRUSTED_WINDOW }),
    deviceTokenTtlMs: e.DEVICE_TOKEN_TTL,
    httpTimeouts: Object.freeze({ headersTimeoutMs: e.HEADERS_TIMEOUT, requestTimeoutMs: e.REQUEST_TIMEOUT }),
    operationLimits: Object.freeze({
      maxDepth: e.GRAPHQL_MAX_DEPTH,
      maxAliases: e.GRAPHQL_MAX_ALIASES,
      maxDirectives: e.GRAPHQL_MAX_DIRECTIVES,
      maxTokens: e.GRAPHQL_MAX_TOKENS,
      maxCost: e.GRAPHQL_MAX_COST,
    }),
    redis: e.REDIS_URL === undefined ? undefined : Object.freeze({ url: e.REDIS_URL, keyPrefix: e.REDIS_KEY_PREFIX, commandTimeoutMs: e.REDIS_COMMAND_TIMEOUT }),
    allowPublicOwnerFields: e.ALLOW_PUBLIC_OWNER_FIELDS === 'true',
    emailUtf8LocalParts: e.EMAIL_UTF8_LOCAL_PARTS === 'true',
    tls: tlsCert !== undefined && tlsKey !== undefined ? Object.freeze({ certPath: tlsCert, keyPath: tlsKey }) : undefined,
    mfa: Object.freeze(second.mfa),
    webauthn: second.webauthn && Object.freeze(second.webauthn),
    mail,
    passwordResetTtlMs: e.PASSWORD_RESET_TTL,
    emailVerificationTtlMs: e.EMAIL_VERIFICATION_TTL,
    requireVerifiedEmail: e.REQUIRE_VERIFIED_EMAIL === 'true',
  });
}
