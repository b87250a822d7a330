// The composition root: the only module that knows every stage. It wires
// config into factories, in flow order, and hands back something to listen on
// and to close. Tests and bench/ build the app exactly this way.
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginLandingPageLocalDefault, ApolloServerPluginLandingPageProductionDefault } from '@apollo/server/plugin/landingPage/default';
import type { DestinationStream } from 'pino';
import { createDatabase, type Database } from '../db/create-database.js';
import { applyAccessRules } from './access/create-shield.js';
import { createContextBuilder } from './context/build-context.js';
import { createAccessTokens } from './credentials/access-tokens.js';
import { createPasswordHasher } from './credentials/passwords.js';
import { cacheVerifiedTokens } from './credentials/verified-token-cache.js';
import { createHttpServer } from './http/create-http-server.js';
import { errorLogPlugin } from './http/error-log-plugin.js';
import { formatError } from './http/format-error.js';
import { securityHeaders } from './http/security-headers.js';
import { createAuditLog } from './platform/audit.js';
import { systemClock, type Clock } from './platform/clock.js';
import type { Config } from './platform/config.js';
import { createLogger, type Logger } from './platform/logger.js';
import type { RequestContext } from './platform/request-context.js';
import { buildSchema, loadTypeDefs } from './resolvers/build-schema.js';
import { createResolvers } from './resolvers/create-resolvers.js';
import { createSessionRepository } from './repositories/session-repository.js';
import { createUserRepository } from './repositories/user-repository.js';
import { createAuthService } from './services/auth-service.js';
import { createPurgeJob } from './services/purge-job.js';
import { createSessionService } from './services/session-service.js';
import { createSessionVerifier } from './services/session-verifier.js';
import { createUserService } from './services/user-service.js';

export interface AppOverrides {
  readonly clock: Clock;
  readonly database: Database;
  /** Where log lines go (tests read them); default stdout. */
  readonly logDestination: DestinationStream;
  /** SDL to serve instead of schema/ (tests of the boot check). */
  readonly typeDefs: readonly string[];
}

export interface App {
  readonly httpServer: Server;
  readonly log: Logger;
  readonly database: Database;
  /** Listens and resolves to the base URL, e.g. http://127.0.0.1:4000. */
  listen(port: number, host?: string): Promise<string>;
  /** Deletes expired and ended sessions now (also runs hourly). */
  purgeExpired(): Promise<{ sessions: number; refreshTokens: number }>;
  /** Stops accepting, finishes in-flight requests, closes the database. */
  close(): Promise<void>;
}

export async function createApp(config: Config, overrides: Partial<AppOverrides> = {}): Promise<App> {
  const production = config.env === 'production';
  const clock = overrides.clock ?? systemClock;
  const log = createLogger({ level: config.logLevel, pretty: config.env === 'development' && !overrides.logDestination, ...(overrides.logDestination ? { destination: overrides.logDestination } : {}) });
  const database = overrides.database ?? createDatabase(config.databaseUrl);
  const audit = createAuditLog(log);

  // [7] repositories → [6] services
  const userRepository = createUserRepository(database.db);
  const sessionRepository = createSessionRepository(database.db);
  const passwords = createPasswordHasher({ concurrency: config.passwordHashConcurrency });
  const accessTokens = cacheVerifiedTokens(createAccessTokens({ ...config.jwt, ttlMs: config.accessTokenTtlMs }, clock), clock, 10_000);
  const verifier = createSessionVerifier({ sessions: sessionRepository, clock, cacheTtlMs: config.sessionCacheTtlMs, maxEntries: 10_000 });
  const common = { users: userRepository, sessions: sessionRepository, verifier, audit, clock };
  const auth = createAuthService({ ...common, passwords, accessTokens, ...config });
  const sessions = createSessionService({ ...common, passwords });
  const users = createUserService(common);
  const purge = createPurgeJob({ sessions: sessionRepository, clock, log, retentionMs: config.refreshTokenTtlMs });

  // [5] resolvers → [3] access (shield outermost) → [2] context → [1] HTTP
  const schema = applyAccessRules(buildSchema(overrides.typeDefs ?? loadTypeDefs(), createResolvers({ auth, users, sessions })));
  const apollo = new ApolloServer<RequestContext>({
    schema,
    formatError,
    logger: log,
    introspection: !production,
    hideSchemaDetailsFromClientErrors: production,
    includeStacktraceInErrorResponses: false,
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    plugins: [
      errorLogPlugin,
      production ? ApolloServerPluginLandingPageProductionDefault({ footer: false }) : ApolloServerPluginLandingPageLocalDefault({ embed: true, footer: false }),
    ],
  });
  const httpServer = createHttpServer({
    apollo,
    buildContext: createContextBuilder({ accessTokens, verifier, log }),
    ping: database.ping,
    log,
    settings: { production, trustProxy: config.trustProxy, bodyLimitBytes: config.bodyLimitBytes, corsOrigins: config.corsOrigins, securityHeaders: securityHeaders(production) },
  });
  apollo.addPlugin(ApolloServerPluginDrainHttpServer({ httpServer }));
  await apollo.start();
  purge.start();

  return {
    httpServer,
    log,
    database,
    async listen(port, host) {
      await new Promise<void>((resolve, reject) => {
        httpServer.once('error', reject);
        httpServer.listen(port, host, () => {
          httpServer.off('error', reject);
          resolve();
        });
      });
      const address = httpServer.address() as AddressInfo;
      const shownHost = address.family === 'IPv6' ? (address.address === '::' ? 'localhost' : `[${address.address}]`) : address.address === '0.0.0.0' ? 'localhost' : address.address;
      return `http://${shownHost}:${address.port}`;
    },
    purgeExpired: purge.runOnce,
    async close() {
      purge.stop();
      await apollo.stop(); // drains the HTTP server: in-flight requests finish first
      await database.close();
    },
  };
}
