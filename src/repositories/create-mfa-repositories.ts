// The second factor's repositories for the database's dialect. The interfaces
// (mfa-repository.ts, mfa-challenge-repository.ts, passkey-repository.ts) import no implementation;
// the choice is made here, once.
import type { Database } from '../../db/create-database.js';
import type { MfaChallengeRepository } from './mfa-challenge-repository.js';
import type { MfaRepository } from './mfa-repository.js';
import type { PasskeyRepository } from './passkey-repository.js';
import { createPgPasskeyRepository } from './pg/pg-passkey-repository.js';
import { createSqlitePasskeyRepository } from './sqlite/sqlite-passkey-repository.js';
import { createPgMfaChallengeRepository } from './pg/pg-mfa-challenge-repository.js';
import { createPgMfaRepository } from './pg/pg-mfa-repository.js';
import { createSqliteMfaChallengeRepository } from './sqlite/sqlite-mfa-challenge-repository.js';
import { createSqliteMfaRepository } from './sqlite/sqlite-mfa-repository.js';

export interface MfaRepositories {
  readonly mfa: MfaRepository;
  readonly challenges: MfaChallengeRepository;
  readonly passkeys: PasskeyRepository;
}

export function createMfaRepositories(database: Database): MfaRepositories {
  if (database.dialect === 'postgres') {
    return { mfa: createPgMfaRepository(database.db), challenges: createPgMfaChallengeRepository(database.db), passkeys: createPgPasskeyRepository(database.db) };
  }
  return { mfa: createSqliteMfaRepository(database.db), challenges: createSqliteMfaChallengeRepository(database.db), passkeys: createSqlitePasskeyRepository(database.db) };
}
