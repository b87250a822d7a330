// Each repository for the database's dialect. The interfaces
// (*-repository.ts) hold types only and import no implementation; the choice
// is made here, once, so no interface and its implementation import each other.
import type { Database, PgDb, SqliteDb } from '../../db/create-database.js';
import type { MfaChallengeRepository } from './mfa-challenge-repository.js';
import type { MfaRepository } from './mfa-repository.js';
import type { PasskeyRepository } from './passkey-repository.js';
import { createPgApiKeyRepository } from './pg/pg-api-key-repository.js';
import { createPgDeviceTokenRepository } from './pg/pg-device-token-repository.js';
import { createPgMfaChallengeRepository } from './pg/pg-mfa-challenge-repository.js';
import { createPgMfaRepository } from './pg/pg-mfa-repository.js';
import { createPgOneTimeTokenRepository } from './pg/pg-one-time-token-repository.js';
import { createPgPasskeyRepository } from './pg/pg-passkey-repository.js';
import { createPgSessionRepository } from './pg/pg-session-repository.js';
import { createPgUserRepository } from './pg/pg-user-repository.js';
import { createSqliteApiKeyRepository } from './sqlite/sqlite-api-key-repository.js';
import { createSqliteDeviceTokenRepository } from './sqlite/sqlite-device-token-repository.js';
import { createSqliteMfaChallengeRepository } from './sqlite/sqlite-mfa-challenge-repository.js';
import { createSqliteMfaRepository } from './sqlite/sqlite-mfa-repository.js';
import { createSqliteOneTimeTokenRepository } from './sqlite/sqlite-one-time-token-repository.js';
import { createSqlitePasskeyRepository } from './sqlite/sqlite-passkey-repository.js';
import { createSqliteSessionRepository } from './sqlite/sqlite-session-repository.js';
import { createSqliteUserRepository } from './sqlite/sqlite-user-repository.js';

/** One factory over both dialects, from the two that build a repository on each. */
export const byDialect =
  <Repository>(onPostgres: (db: PgDb) => Repository, onSqlite: (db: SqliteDb) => Repository) =>
  (database: Database): Repository =>
    database.dialect === 'postgres' ? onPostgres(database.db) : onSqlite(database.db);

export const createUserRepository = byDialect(createPgUserRepository, createSqliteUserRepository);
export const createSessionRepository = byDialect(createPgSessionRepository, createSqliteSessionRepository);
export const createApiKeyRepository = byDialect(createPgApiKeyRepository, createSqliteApiKeyRepository);
export const createDeviceTokenRepository = byDialect(createPgDeviceTokenRepository, createSqliteDeviceTokenRepository);
export const createOneTimeTokenRepository = byDialect(createPgOneTimeTokenRepository, createSqliteOneTimeTokenRepository);

/** The second factor's repositories. */
export interface MfaRepositories {
  readonly mfa: MfaRepository;
  readonly challenges: MfaChallengeRepository;
  readonly passkeys: PasskeyRepository;
}

export const createMfaRepositories = byDialect<MfaRepositories>(
  (db) => ({ mfa: createPgMfaRepository(db), challenges: createPgMfaChallengeRepository(db), passkeys: createPgPasskeyRepository(db) }),
  (db) => ({ mfa: createSqliteMfaRepository(db), challenges: createSqliteMfaChallengeRepository(db), passkeys: createSqlitePasskeyRepository(db) }),
);
