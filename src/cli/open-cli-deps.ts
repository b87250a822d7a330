// The CLI's composition root: the server's settings, database, repository,
// password hasher and registration, built the same way app.ts builds them, so
// a user made here is exactly a user made by signup (same rules, same hash).
import { createDatabase } from '../../db/create-database.js';
import { createPasswordHasher } from '../credentials/passwords.js';
import { systemClock } from '../platform/clock.js';
import { loadConfig, type Env } from '../platform/config.js';
import { createUserRepository } from '../repositories/create-repositories.js';
import { createEmailAddresses } from '../services/email-addresses.js';
import { backfillEmailSkeletons } from '../services/email-skeleton-backfill.js';
import { createRegisterUser } from '../services/register-user.js';
import type { CliDeps } from './cli-command.js';

export async function openCliDeps(env: Env): Promise<CliDeps & { close(): Promise<void> }> {
  const config = loadConfig(env);
  const database = await createDatabase(config.databaseUrl);
  const users = createUserRepository(database);
  const passwords = createPasswordHasher({ concurrency: config.passwordHashConcurrency });
  const clock = systemClock;
  const emails = createEmailAddresses({ users, utf8LocalParts: config.emailUtf8LocalParts });
  // As at the server's start: a user made here is checked against every account's skeleton.
  if (config.emailUtf8LocalParts) await backfillEmailSkeletons(users);
  return {
    config,
    database,
    users,
    emails,
    registerUser: createRegisterUser({ users, passwords, clock, emails }),
    clock,
    async close() {
      await passwords.close();
      await database.close();
    },
  };
}
