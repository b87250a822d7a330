// The second factor's repositories for the database's dialect. The interfaces
// (mfa-repository.ts, mfa-challenge-repository.ts) import no implementation;
// the choice is made here, once.
import type { Database } from '../../db/create-database.js';
import type { MfaChallengeRepository } from './mfa-challenge-repository.js';
import type { MfaRepository } from './mfa-repository.js';
import { createPgMfaChallengeRepository } from './pg/pg-mfa-challenge-repository.js';
import { createPgMfaRepository } from './pg/pg-mfa-repository.js';
import { createSqliteMfaChallengeRepository } from './sqlite/sqlite-mfa-challenge-repository.js';
import { createSqliteMfaRepository } from './sqlite/sqlite-mfa-repository.js';

export interface MfaRepositories {
  readonly mfa: MfaRepository;
  readonly challenges: MfaChallengeRepository;
}

export function createMfaRepositories(database: Database): MfaRepositories {
  if (database.dialect === 'postgres') return { mfa: createPgMfaRepository(database.db), challenges: createPgMfaChallengeRepository(database.db) };
  return { mfa: createSqliteMfaRepository(database.db), challenges: createSqliteMfaChallengeRepository(database.db) };
}
