// The CLI's composition root: the server's settings, database, repository,
// password hasher and registration, built the same way app.ts builds them, so
// a user made here is exactly a user made by signup (same rules, same hash).
import { createDatabase } from '../../db/create-database.js';
import { createPasswordHasher } from '../credentials/passwords.js';
import { systemClock } from '../platform/clock.js';
import { loadConfig, type Env } from '../platform/config.js';
import { createUserRepository } from '../repositories/user-repository.js';
import { createRegisterUser } from '../services/register-user.js';
import type { CliDeps } from './cli-command.js';

export async function openCliDeps(env: Env): Promise<CliDeps & { close(): Promise<void> }> {
  const config = loadConfig(env);
  const database = await createDatabase(config.databaseUrl);
  const users = createUserRepository(database);
  const passwords = createPasswordHasher({ concurrency: config.passwordHashConcurrency });
  const clock = systemClock;
  return {
    config,
    database,
    users,
    registerUser: createRegisterUser({ users, passwords, clock }),
    clock,
    async close() {
      await passwords.close();
      await database.close();
    },
  };
}
