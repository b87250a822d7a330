// The composition root: the only module that knows every stage. It wires
// config into factories, in flow order, and hands back something to listen on
// and to close. Tests and bench/ build the app exactly this way.
import { createHash } from 'node:crypto';
import type { Server } from 'node:http';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import type { DestinationStream } from 'pino';
import type { Database, DatabaseOptions } from '../db/create-database.js';
import { applyAccessRules, checkPublicOwnerFields, readAccessDirectives } from './access/index.js';
import { createContextBuilder } from './context/build-context.js';
import { createAccessTokens } from './credentials/access-tokens.js';
import { createPasswordHasher } from './credentials/passwords.js';
import { loadTokenKeys } from './credentials/signing-keys.js';
import { cacheVerifiedTokens } from './credentials/verified-token-cache.js';
import { createConnectionDrain } from './http/connection-drain.js';
import { createHttpServer } from './http/create-http-server.js';
import { createJwksHandler, jwksPath } from './http/jwks-endpoint.js';
import { createExplorer } from './http/explorer/create-explorer.js';
import { createFormatError } from './http/format-error.js';
import { createMetricsHandler, createMetricsServer } from './http/metrics-endpoint.js';
import { createMetrics, type Metrics } from './http/metrics.js';
import { createReadinessHandler } from './http/readiness.js';
import { createGraphqlPlugin } from './http/graphql-plugin.js';
import { createRequestLog } from './http/request-log.js';
import { createRequestTracker } from './http/request-tracker.js';
import { apolloOperationLimits } from './http/operation-limits/apollo-operation-limits.js';
import { securityHeaders } from './http/security-headers.js';
import { createMailer } from './mail/create-mailer.js';
import { createOutbox } from './mail/outbox.js';
import { createAuditLog } from './platform/audit.js';
import { systemClock, type Clock } from './platform/clock.js';
import type { Config } from './platform/config.js';
import { createDatabaseOutage } from './platform/database-outage.js';
import { createLogger, type Logger } from './platform/logger.js';
import { openRedis } from './platform/redis-connection.js';
import type { RequestContext } from './platform/request-context.js';
import { createRateLimiting } from './rate-limit/create-rate-limiting.js';
import { createRedisRateLimitStore } from './rate-limit/redis-rate-limit-store.js';
import { buildSchema, loadTypeDefs } from './resolvers/build-schema.js';
import { createResolvers } from './resolvers/create-resolvers.js';
import {
  createApiKeyRepository,
  createDeviceTokenRepository,
  createMfaRepositories,
  createOneTimeTokenRepository,
  createSessionRepository,
  createUserRepository,
} from './repositories/create-repositories.js';
import { createAccountMail } from './services/account-mail.js';
import { createApiKeyService } from './services/api-key-service.js';
import { createAuthService } from './services/auth-service.js';
import { createCredentialChecks } from './services/credential-checks.js';
import { createDeviceTrust } from './services/device-trust.js';
import { createEmailAddresses } from './services/email-addresses.js';
import { createEmailChangeService } from './services/email-change-service.js';
import { backfillEmailSkeletons, type SkeletonBackfill } from './services/email-skeleton-backfill.js';
import { createEmailVerificationService } from './services/email-verification-service.js';
import { createOneTimeTokens } from './services/one-time-tokens.js';
import { createPasswordResetService } from './services/password-reset-service.js';
import { createPurgeJob, type Purged } from './services/purge-job.js';
import { createSessionService } from './services/session-service.js';
import { createUserLoader } from './services/user-loader.js';
import { createUserService } from './services/user-service.js';
import { checkMfaKey } from './services/mfa/check-mfa-key.js';
import { createSecondFactor } from './services/mfa/create-second-factor.js';
import { listenOn, openDatabase, readTls, urlOf } from './boot-resources.js';
import type { DomainModule } from './domain-module.js';
import { columnsOf, domainModules } from './modules.js';

export interface AppOverrides {
  readonly clock: Clock;
  readonly database: Database;
  /** Where log lines go (tests read them); default stdout. */
  readonly logDestination: DestinationStream;
  /** SDL to serve instead of schema/ and the domains' (tests of the boot check). */
  readonly typeDefs: readonly string[];
  /** Domains to serve instead of src/modules.ts's list (tests of policies and boot checks). */
  readonly domains: readonly DomainModule[];
  /** The explorer bundle to serve instead of dist/explorer (tests of a missing or stand-in bundle). */
  readonly explorerDirectory: string;
}

export interface App {
  readonly httpServer: Server;
  readonly log: Logger;
  readonly database: Database;
  readonly metrics: Metrics;
  /** Listens and resolves to the base URL, e.g. http://127.0.0.1:4000; also starts the METRICS_PORT listener if set. */
  listen(port: number, host?: string): Promise<string>;
  /** Base URL of the METRICS_PORT listener once listening, else undefined. */
  metricsUrl(): string | undefined;
  /** Deletes expired and ended sessions, expired refresh and device tokens, revoked and expired API keys now (also runs hourly). */
  purgeExpired(): Promise<Purged>;
  /** Resolves once every mail queued so far has been sent or given up on (mail leaves after the response). */
  mailQueueIdle(): Promise<void>;
  /** Stops accepting, finishes in-flight requests and queued mail, ends the hashing threads, closes the database. */
  close(): Promise<void>;
}

export async function createApp(config: Config, overrides: Partial<AppOverrides> = {}): Promise<App> {
  const production = config.env === 'production';
  const clock = overrides.clock ?? systemClock;
  const log = createLogger({ level: config.logLevel, pretty: config.env === 'development' && !overrides.logDestination, ...(overrides.logDestination ? { destination: overrides.logDestination } : {}) });
  const tls = config.tls && readTls(config.tls);
  const database = overrides.database ?? (await openDatabase(config.databaseUrl, databaseOptions(config, log)));
  const outage = createDatabaseOutage({ isUnavailable: database.isUnavailable, log, clock });
  const sessionRepository = createSessionRepository(database);
  const metrics = createMetrics({ countActiveSessions: () => sessionRepository.countLive(clock.now()) });
  // One audit event is both a log line and a metric sample.
  const audit = createAuditLog(log, [metrics.auditObserver]);
  const tracker = createRequestTracker({ log, metrics });
  const drain = createConnectionDrain();
  // REDIS_URL: counters, sign-in failures and session invalidations shared by every instance.
  const redis = config.redis && { ...config.redis, connection: await openRedis(config.redis, log) };
  // [4] rate limits: counters, sign-in lockout, response headers
  const store = redis && createRedisRateLimitStore({ redis: redis.connection.commands, prefix: redis.keyPrefix, clock });
  const rateLimiting = createRateLimiting({ settings: config.rateLimits, lockout: config.loginLockout, audit, clock, log, store });
  const operationLimits = apolloOperationLimits(config.operationLimits);

  // [7] repositories → [6] services
  const userRepository = createUserRepository(database);
  const passwords = createPasswordHasher({ concurrency: config.passwordHashConcurrency, maxQueued: config.passwordHashQueue, onWarning: (message) => log.warn(message) });
  const tokenKeys = await loadTokenKeys(config.jwt); // a key that cannot sign stops the boot here
  const accessTokens = cacheVerifiedTokens(createAccessTokens({ ...config.jwt, keys: tokenKeys, ttlMs: config.accessTokenTtlMs }, clock), clock, 10_000);
  const apiKeyRepository = createApiKeyRepository(database);
  const checks = createCredentialChecks({ sessions: sessionRepository, apiKeys: apiKeyRepository, clock, log, cacheTtlMs: config.sessionCacheTtlMs, redis: redis && { ...redis.connection, prefix: redis.keyPrefix, commandTimeoutMs: redis.commandTimeoutMs } });
  const { verifier, apiKeyVerifier, invalidations } = checks;
  // Redis is ready when it answers and this instance hears the others' session changes.
  const redisCheck = redis && { name: 'redis', check: async () => invalidations?.listening === true && (await redis.connection.ping()) };
  const deviceTokens = createDeviceTokenRepository(database);
  const devices = createDeviceTrust({ deviceTokens, clock, ttlMs: config.deviceTokenTtlMs, keepPerUser: config.maxSessionsPerUser });
  // Mail leaves through an outbox, after the response (src/mail/); its links carry one-time tokens.
  const mailConnections = 4;
  const outbox = createOutbox({ mailer: createMailer(config.mail, config.env, log, mailConnections), log, audit, settings: { concurrency: mailConnections, maxQueued: 1000 } });
  const tokens = createOneTimeTokens({ repository: createOneTimeTokenRepository(database), clock });
  const { appUrl } = config.mail;
  const accountMail = createAccountMail({ outbox, tokens, users: userRepository, clock, appUrl, passwordResetTtlMs: config.passwordResetTtlMs, emailVerificationTtlMs: config.emailVerificationTtlMs });
  const emails = createEmailAddresses({ users: userRepository, utf8LocalParts: config.emailUtf8LocalParts });
  const common = { users: userRepository, sessions: sessionRepository, verifier, apiKeyVerifier, audit, clock, devices, tokens, accountMail, emails };
  if (config.emailUtf8LocalParts) logBackfill(log, await backfillEmailSkeletons(userRepository));
  // The second factor: TOTP secrets need MFA_ENCRYPTION_KEY, checked against the database before serving.
  const mfaRepositories = createMfaRepositories(database);
  const box = await checkMfaKey({ mfa: mfaRepositories.mfa, settings: config.mfa, production, warn: (message) => log.warn(message), isUnavailable: database.isUnavailable });
  const decoyKey = createHash('sha256').update('passkey-decoys:').update(tokenKeys.seed).digest();
  const mfa = createSecondFactor({ ...mfaRepositories, users: userRepository, passwords, box, issuer: config.mfa.issuer, webauthn: config.webauthn, decoyKey, emails, throttle: rateLimiting.loginThrottle, audit, clock });
  if (!config.webauthn) log.warn('Passkeys are off: set APP_URL (https) or WEBAUTHN_ORIGIN to the web front end\'s origin');
  const auth = createAuthService({ ...common, passwords, accessTokens, ...config, loginThrottle: rateLimiting.loginThrottle, emails, secondFactor: mfa.challenges });
  const sessions = createSessionService({ ...common, passwords });
  const users = createUserService(common);
  const passwordReset = createPasswordResetService({ ...common, passwords, apiKeys: apiKeyRepository, passkeys: mfaRepositories.passkeys });
  const emailVerification = createEmailVerificationService(common);
  const emailChange = createEmailChangeService({ ...common, passwords });
  const apiKeys = createApiKeyService({ apiKeys: apiKeyRepository, verifier: apiKeyVerifier, audit, clock });
  const purge = createPurgeJob({ sessions: sessionRepository, deviceTokens, apiKeys: apiKeyRepository, clock, log, retentionMs: config.refreshTokenTtlMs });

  // Each domain's services and resolvers, over the same database and request scope.
  const domains = overrides.domains ?? domainModules;
  const domainParts = domains.map((domain) => domain.create({ database, audit, clock, loadUser: createUserLoader(userRepository) }));

  // [5] resolvers → [4] rate limits chained after [3] access (shield outermost) → [2] context → [1] HTTP
  const resolvable = buildSchema(overrides.typeDefs ?? loadTypeDefs(), createResolvers({ auth, users, sessions, apiKeys, passwordReset, emailVerification, emailChange, ...mfa.servicesFor(auth) }, domainParts.map((part) => part.resolvers)));
  const policies = [...apiKeys.policies, ...domainParts.flatMap((part) => part.policies ?? [])];
  const schema = applyAccessRules(resolvable, { limits: rateLimiting.rulesFor(resolvable), policies, columnsOf: columnsOf(domains), clock });
  checkPublicOwnerFields(resolvable, { refuse: production && !config.allowPublicOwnerFields, warn: (message) => log.warn(message) });
  const formatError = createFormatError(outage);
  const metricsHandler = createMetricsHandler({ registry: metrics.registry, token: config.metrics.token });
  const explorer = createExplorer(config.explorer, log, overrides.explorerDirectory);
  const apollo = new ApolloServer<RequestContext>({
    schema,
    formatError: (formatted, error) => formatError(operationLimits.relabelError(formatted), error),
    parseOptions: operationLimits.parseOptions,
    validationRules: operationLimits.validationRules,
    logger: log,
    introspection: !production,
    hideSchemaDetailsFromClientErrors: production,
    includeStacktraceInErrorResponses: false,
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    // main.ts owns SIGTERM/SIGINT. Apollo's own handler (on outside NODE_ENV=test)
    // would stop the server a second time and re-raise the signal, which reads as
    // an impatient second signal and exits 1 without waiting.
    stopOnTerminationSignals: false,
    plugins: [
      createGraphqlPlugin({ requestLog: createRequestLog({ tracker, audit, metrics, access: readAccessDirectives(resolvable) }), outage, rateLimitResponse: rateLimiting.respond }),
      explorer.landingPage,
      // Apollo installs these unless told not to. Cache hints mean nothing for
      // per-viewer answers (every response is no-store), yet the cache-control
      // plugin wraps every field resolver to collect them; inline traces are for
      // federated subgraphs, which this is not.
      ApolloServerPluginCacheControlDisabled(),
      ApolloServerPluginInlineTraceDisabled(),
    ],
  });
  const httpServer = createHttpServer({
    apollo,
    buildContext: createContextBuilder({ accessTokens, verifier, apiKeys: apiKeyVerifier, audit, log, outage, observer: tracker.contextObserver }),
    ping: database.ping,
    log,
    settings: { production, trustProxy: config.trustProxy, bodyLimitBytes: config.bodyLimitBytes, corsOrigins: config.corsOrigins, securityHeaders: securityHeaders(config.explorer, tls !== undefined), tls, timeouts: config.httpTimeouts },
    drain,
    tracker,
    prefixRoutes: explorer.prefixRoutes,
    routes: new Map([
      ['/readyz', createReadinessHandler({ checks: [{ name: 'database', check: database.ping }, ...(redisCheck ? [redisCheck] : [])], draining: () => drain.draining })],
      // Only when a private key signs: under HS256 there is nothing to publish.
      ...(tokenKeys.published.length > 0 ? [[jwksPath, createJwksHandler(tokenKeys.published)] as const] : []),
      // On the API port only when a token guards it and no separate port is set.
      ...(config.metrics.token !== undefined && config.metrics.port === undefined ? [['/metrics', metricsHandler] as const] : []),
    ]),
  });
  // In-flight requests get SHUTDOWN_TIMEOUT to finish; then their connections are cut.
  apollo.addPlugin({ serverWillStart: async () => ({ drainServer: () => drain.close(httpServer, config.shutdownTimeoutMs) }) });
  const metricsServer = config.metrics.port === undefined ? undefined : createMetricsServer(metricsHandler);
  await apollo.start();
  purge.start();

  return {
    httpServer,
    log,
    database,
    metrics,
    async listen(port, host) {
      if (metricsServer && config.metrics.port !== undefined) await listenOn(metricsServer, { port: config.metrics.port, host, setting: 'METRICS_PORT' });
      return listenOn(httpServer, { port, host, setting: 'PORT' }, tls !== undefined);
    },
    metricsUrl: () => (metricsServer?.listening ? urlOf(metricsServer, false) : undefined),
    purgeExpired: purge.runOnce,
    mailQueueIdle: outbox.idle,
    async close() {
      drain.begin(); // /readyz answers 503, and each connection's last response closes it
      purge.stop();
      await apollo.stop(); // drains the HTTP server: in-flight requests finish first
      await outbox.close(config.shutdownTimeoutMs); // then the mail they queued, which may still need the database
      await passwords.close();
      if (metricsServer?.listening) {
        const closed = new Promise((resolve) => metricsServer.close(resolve));
        metricsServer.closeAllConnections();
        await closed;
      }
      redis?.connection.close();
      await database.close();
    },
  };
}

/** The database's settings, and what it tells the log: lost connections, a start that waits for it. */
const databaseOptions = (config: Config, log: Logger): DatabaseOptions => ({
  statementTimeoutMs: config.databaseStatementTimeoutMs,
  poolSize: config.databasePoolSize,
  waitIfUnreachable: true,
  onConnectionError: (problem) => log.warn({ problem }, 'database connection lost; the pool will reconnect'),
  // Each attempt, backing off to one every 2 s: the first is logged, then one a minute.
  onWaiting: (problem, next) => {
    if (next.attempt === 1 || next.attempt % 30 === 0) log.warn({ problem, attempt: next.attempt, retryInMs: next.inMs }, 'database unreachable at start: serving 503 until it can be migrated');
  },
  onReady: () => log.info('database reachable: migrations applied, serving'),
});

function logBackfill(log: Logger, { filled, lookAlikes }: SkeletonBackfill): void {
  if (filled > 0) log.info({ filled }, 'stored the TR39 skeleton of existing addresses (EMAIL_UTF8_LOCAL_PARTS)');
  if (lookAlikes.length > 0) log.warn({ userIds: lookAlikes }, "these users' addresses look like another user's (same TR39 skeleton); they keep signing in, but no new account can look like them");
}
