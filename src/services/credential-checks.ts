// The per-request checks of sessions and API keys, with their caches, and the
// channel that keeps those caches true on every instance (REDIS_URL). Built
// alike by the server (app.ts) and the CLI (cli/open-cli-deps.ts), so a change
// made from the command line reaches every running server as theirs do.
import type { Redis } from 'ioredis';
import type { Clock } from '../platform/clock.js';
import type { Logger } from '../platform/logger.js';
import type { ApiKeyRepository } from '../repositories/api-key-repository.js';
import type { SessionRepository } from '../repositories/session-repository.js';
import { createApiKeyVerifier, type ApiKeyVerifier } from './api-key-verifier.js';
import { shareCredentialChanges } from './credential-changes.js';
import { createRedisSessionInvalidations, type RedisSessionInvalidations } from './redis-session-invalidations.js';
import { createSessionVerifier, type SessionVerifier } from './session-verifier.js';

export interface CredentialChecks {
  readonly verifier: SessionVerifier;
  readonly apiKeyVerifier: ApiKeyVerifier;
  /** Undefined without REDIS_URL: this process is the only one whose caches it keeps. */
  readonly invalidations: RedisSessionInvalidations | undefined;
}

export function createCredentialChecks(deps: {
  sessions: SessionRepository;
  apiKeys: ApiKeyRepository;
  clock: Clock;
  log: Logger;
  /** How long a live answer is trusted without asking the database (SESSION_CACHE_TTL). */
  cacheTtlMs: number;
  redis?: { readonly commands: Redis; readonly subscriber: Redis; readonly prefix: string; readonly commandTimeoutMs: number } | undefined;
}): CredentialChecks {
  const { clock, cacheTtlMs, redis } = deps;
  const invalidations = redis && createRedisSessionInvalidations({ ...redis, log: deps.log, ackTimeoutMs: redis.commandTimeoutMs });
  // Sessions and API keys are cached apart; a change to either (or to a user) reaches both, here and on every instance.
  const changes = shareCredentialChanges(invalidations);
  return {
    verifier: createSessionVerifier({ sessions: deps.sessions, clock, cacheTtlMs, maxEntries: 10_000, invalidations: changes }),
    apiKeyVerifier: createApiKeyVerifier({ apiKeys: deps.apiKeys, clock, cacheTtlMs, maxEntries: 10_000, changes }),
    invalidations,
  };
}
