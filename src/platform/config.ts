// Settings are read once, at start, from the environment (only main.ts passes
// process.env in), checked, and frozen. A bad or missing secret stops the boot
// with a message that names the setting; it never surfaces at the first login.
//
// Written once: settings-schema.ts says what each setting is, the checks that
// tie settings together run in the same parse (cross-setting-checks.ts), and
// toConfig shapes the result; the Config type is what that parse returns.
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { checkAcrossSettings, secondFactorOf } from './cross-setting-checks.js';
import { readMailSettings } from './mail-settings.js';
import { gatherRateLimitSettings } from './rate-limit-settings.js';
import { settingsSchema, type Settings } from './settings-schema.js';

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

export type Env = Readonly<Record<string, string | undefined>>;

const toConfig = (e: Settings) => {
  const second = secondFactorOf(e);
  return Object.freeze({
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    /** Bounds each database statement, connection attempt and wait for a pooled connection; past it the request gets 503 (SERVICE_UNAVAILABLE). */
    databaseStatementTimeoutMs: e.DATABASE_STATEMENT_TIMEOUT,
    /** PostgreSQL connections each instance keeps at most. */
    databasePoolSize: e.DATABASE_POOL_SIZE,
    jwt: Object.freeze({
      /** Signs and verifies (HS256); undefined when a private key signs instead. */
      secret: e.JWT_PRIVATE_KEY === undefined ? (e.JWT_SECRET ?? randomBytes(48).toString('base64url')) : undefined,
      /** Verify only, so a secret can be rotated without signing everyone out. */
      previousSecret: e.JWT_SECRET_PREVIOUS,
      /** True when neither JWT_SECRET nor JWT_PRIVATE_KEY was given and a random secret was made (dev only). */
      secretGenerated: e.JWT_SECRET === undefined && e.JWT_PRIVATE_KEY === undefined,
      /** JWT_PRIVATE_KEY as given (a PKCS#8 PEM, or the path of one): signs instead of the secret; checked at start by credentials/signing-keys.ts. */
      privateKey: e.JWT_PRIVATE_KEY,
      /** JWT_PRIVATE_KEY_PREVIOUS: verifies (and is published) only, so a key can be rotated without signing everyone out. */
      previousPrivateKey: e.JWT_PRIVATE_KEY_PREVIOUS,
      issuer: e.JWT_ISSUER,
      audience: e.JWT_AUDIENCE,
    }),
    accessTokenTtlMs: e.ACCESS_TOKEN_TTL,
    refreshTokenTtlMs: e.REFRESH_TOKEN_TTL,
    /** Absolute lifetime of a session, however often it is refreshed. */
    sessionMaxAgeMs: e.SESSION_MAX_AGE,
    /** A rotated refresh token presented again within this window is a lost race, not theft. */
    refreshReuseGraceMs: e.REFRESH_REUSE_GRACE,
    /** How long a session's liveness may be served from memory before the database is asked again. */
    sessionCacheTtlMs: e.SESSION_CACHE_TTL,
    /** How many hops of X-Forwarded-For to trust; 0 uses the socket address. */
    trustProxy: e.TRUST_PROXY,
    /** At most this many argon2 computations at once, one hashing thread each (the rest queue). */
    passwordHashConcurrency: e.PASSWORD_HASH_CONCURRENCY,
    /** At most this many wait for a turn; more are refused at once (RATE_LIMITED), so a flood cannot stall sign-in for minutes. */
    passwordHashQueue: e.PASSWORD_HASH_QUEUE,
    /** Live sessions one user may hold; a new sign-in ends the oldest beyond it. */
    maxSessionsPerUser: e.MAX_SESSIONS_PER_USER,
    logLevel: e.LOG_LEVEL,
    /** Larger request bodies are refused with 413 before they are read. */
    bodyLimitBytes: e.BODY_LIMIT_BYTES,
    /** Browser origins allowed by CORS; '*' allows any (safe here: bearer tokens, no cookies). Outside production any origin may call (Apollo Sandbox runs on its own origin). */
    corsOrigins: Object.freeze(
      (e.CORS_ORIGINS ?? (e.NODE_ENV === 'production' ? '' : '*'))
        .split(',')
        .map((o) => o.trim())
        .filter((o) => o !== ''),
    ),
    /** /metrics: off unless a bearer token or a separate port (or both) is set. */
    metrics: Object.freeze({ token: e.METRICS_TOKEN, port: e.METRICS_PORT }),
    /** How long a shutdown waits for in-flight requests before cutting their connections. */
    shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT,
    rateLimits: Object.freeze({
      /** RATE_LIMIT_<NAME> settings by limit name; rate-limit/ refuses names the schema does not declare. */
      overrides: e.RATE_LIMITS,
      /** At most this many counters are kept in process; the least recently used go first. */
      storeMaxKeys: e.RATE_LIMIT_STORE_MAX_KEYS,
    }),
    /** Sign-in failures for one (email, client IP) lock it for a growing time. */
    loginLockout: Object.freeze({
      /** Failures allowed before the first lock; 0 switches locking off. */
      after: e.LOGIN_LOCKOUT_AFTER,
      baseMs: e.LOGIN_LOCKOUT_BASE,
      maxMs: e.LOGIN_LOCKOUT_MAX,
      /** Failures older than this (counted from the first) are forgotten. */
      forgetAfterMs: e.LOGIN_LOCKOUT_FORGET_AFTER,
      /** Failed sign-ins to one account from clients without its device token, across all addresses, before such attempts are refused; 0 switches it off. */
      untrustedMax: e.LOGIN_UNTRUSTED_MAX,
      /** The window those failures are counted in (a fixed window from the first). */
      untrustedWindowMs: e.LOGIN_UNTRUSTED_WINDOW,
    }),
    /** How long a device token (AuthPayload.deviceToken) marks a client as a known device. */
    deviceTokenTtlMs: e.DEVICE_TOKEN_TTL,
    /** Slow-loris bounds: a request's headers must arrive within headersTimeoutMs, the whole request within requestTimeoutMs. */
    httpTimeouts: Object.freeze({ headersTimeoutMs: e.HEADERS_TIMEOUT, requestTimeoutMs: e.REQUEST_TIMEOUT }),
    /** Checked on every operation before it runs; over a limit is HTTP 400. */
    operationLimits: Object.freeze({
      maxDepth: e.GRAPHQL_MAX_DEPTH,
      maxAliases: e.GRAPHQL_MAX_ALIASES,
      maxDirectives: e.GRAPHQL_MAX_DIRECTIVES,
      maxTokens: e.GRAPHQL_MAX_TOKENS,
      maxCost: e.GRAPHQL_MAX_COST,
    }),
    /** Shared rate limits, sign-in throttling and session invalidations; undefined keeps them in process. */
    redis:
      e.REDIS_URL === undefined
        ? undefined
        : Object.freeze({
            url: e.REDIS_URL,
            /** Starts every key and channel name, so several deployments (or test runs) can share one Redis. */
            keyPrefix: e.REDIS_KEY_PREFIX,
            /** A command without a reply by then fails (and a rate-limited field is refused) instead of waiting. */
            commandTimeoutMs: e.REDIS_COMMAND_TIMEOUT,
          }),
    /** A @public type with an owner-like field (ownerId, userId…) is only a warning outside production; in production it stops the boot unless this is set. */
    allowPublicOwnerFields: e.ALLOW_PUBLIC_OWNER_FIELDS === 'true',
    /** Local parts may hold letters, marks and digits of any script; then an address's Unicode TR39 skeleton must be unique too. */
    emailUtf8LocalParts: e.EMAIL_UTF8_LOCAL_PARTS === 'true',
    /** Serve HTTPS from these PEM files (and send HSTS); undefined serves plain HTTP. */
    tls: e.TLS_CERT !== undefined && e.TLS_KEY !== undefined ? Object.freeze({ certPath: e.TLS_CERT, keyPath: e.TLS_KEY }) : undefined,
    /** TOTP: the key its secrets are encrypted with at rest, and the issuer apps show. */
    mfa: Object.freeze(second.mfa),
    /** Where passkeys are valid; undefined when no origin is known (passkeys are then off). */
    webauthn: second.webauthn && Object.freeze(second.webauthn),
    /** Where mail goes, whom it is from and where its links point (platform/mail-settings.ts). */
    mail: readMailSettings(e),
    /** How long a password reset link works. */
    passwordResetTtlMs: e.PASSWORD_RESET_TTL,
    /** How long a link confirming an address (verification, email change) works. */
    emailVerificationTtlMs: e.EMAIL_VERIFICATION_TTL,
    /** login refuses accounts whose address is not verified (FORBIDDEN, reason EMAIL_NOT_VERIFIED). */
    requireVerifiedEmail: e.REQUIRE_VERIFIED_EMAIL === 'true',
    /** What a browser opening the GraphQL path gets (settings-schema.ts ExplorerMode). */
    explorer: e.EXPLORER ?? (e.NODE_ENV === 'production' ? 'off' : 'graphiql'),
  });
};

const notLimits: ReadonlySet<string> = new Set(Object.keys(settingsSchema.shape));

/** The environment in, the Config out: each setting read, then the rules across them, then the shape the server uses. */
const configSchema = z
  .preprocess((env) => gatherRateLimitSettings(env, notLimits), settingsSchema)
  .superRefine(checkAcrossSettings)
  .transform(toConfig);

export type Config = z.infer<typeof configSchema>;
export type RedisSettings = NonNullable<Config['redis']>;
export type { ExplorerMode } from './settings-schema.js';

/** A problem as one line that names its setting: a sentence that already does stands as written. */
function describe(issue: z.ZodIssue): string {
  const setting = String(issue.path.at(-1) ?? '');
  return setting === '' || new RegExp(`\\b${setting}\\b`).test(issue.message) ? issue.message : `${setting}: ${issue.message}`;
}

export function loadConfig(env: Env): Config {
  const parsed = configSchema.safeParse(env);
  if (parsed.success) return parsed.data;
  const lines = parsed.error.issues.map(describe);
  throw new ConfigError(lines.length === 1 ? (lines[0] ?? '') : `Invalid settings:\n${lines.map((line) => `  ${line}`).join('\n')}`);
}
