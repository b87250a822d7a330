// The CLI's composition root: the server's settings, database and services,
// built the same way app.ts builds them, so what a command does is what the
// API does: the same rules, the same audit events, the same cache
// invalidations (published to every running server when REDIS_URL is set).
// The CLI's log, audit events included, goes to stderr as JSON lines; stdout
// keeps the command's answer.
import { randomUUID } from 'node:crypto';
import { createDatabase } from '../../db/create-database.js';
import { createPasswordHasher } from '../credentials/passwords.js';
import { createAuditLog } from '../platform/audit.js';
import { systemClock } from '../platform/clock.js';
import { loadConfig, type Env } from '../platform/config.js';
import { createLogger } from '../platform/logger.js';
import { openRedis } from '../platform/redis-connection.js';
import { createApiKeyRepository, createMfaRepositories, createSessionRepository, createUserRepository } from '../repositories/create-repositories.js';
import { createCredentialChecks } from '../services/credential-checks.js';
import { createEmailAddresses } from '../services/email-addresses.js';
import { backfillEmailSkeletons } from '../services/email-skeleton-backfill.js';
import { createSecondFactorReset } from '../services/mfa/reset-second-factors.js';
import { createRegisterUser } from '../services/register-user.js';
import { createUserService } from '../services/user-service.js';
import type { CliDeps, CliIo } from './cli-command.js';

export async function openCliDeps(env: Env, run: { command: string; stderr: CliIo['stderr'] }): Promise<CliDeps & { close(): Promise<void> }> {
  const config = loadConfig(env);
  const log = createLogger({ level: config.logLevel, pretty: false, destination: { write: (line: string) => void run.stderr.write(line) } });
  const database = await createDatabase(config.databaseUrl);
  const redis = config.redis && { ...config.redis, connection: await openRedis(config.redis, log) };
  const users = createUserRepository(database);
  const passwords = createPasswordHasher({ concurrency: config.passwordHashConcurrency });
  const clock = systemClock;
  const audit = createAuditLog(log);
  const emails = createEmailAddresses({ users, utf8LocalParts: config.emailUtf8LocalParts });
  const redisLink = redis && { ...redis.connection, prefix: redis.keyPrefix, commandTimeoutMs: redis.commandTimeoutMs };
  const checks = createCredentialChecks({ sessions: createSessionRepository(database), apiKeys: createApiKeyRepository(database), clock, log, cacheTtlMs: config.sessionCacheTtlMs, redis: redisLink });
  // A change is published at once, and counts as seen when every server has confirmed it: that needs this end listening first.
  if (checks.invalidations && !(await checks.invalidations.untilListening())) {
    log.warn('cannot hear the session-change channel on Redis: running servers may see this change only after SESSION_CACHE_TTL');
  }
  // As at the server's start: a user made here is checked against every account's skeleton.
  if (config.emailUtf8LocalParts) await backfillEmailSkeletons(users);
  return {
    config,
    users: createUserService({ users, ...checks, emails, audit, clock }),
    registerUser: createRegisterUser({ users, passwords, clock, emails }),
    emails,
    resetSecondFactors: createSecondFactorReset({ ...createMfaRepositories(database), users, audit }),
    origin: { requestId: randomUUID(), ip: 'cli', userAgent: `npm run cli -- ${run.command}` },
    async close() {
      await passwords.close();
      redis?.connection.close();
      await database.close();
    },
  };
}
