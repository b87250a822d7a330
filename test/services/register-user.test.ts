// Registration refuses a taken or look-alike address before it spends a
// password hash, and the unique indexes still refuse one taken meanwhile.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDatabase, type Database } from '../../db/create-database.js';
import { createPasswordHasher, type PasswordHasher } from '../../src/credentials/passwords.js';
import { createUserRepository } from '../../src/repositories/create-repositories.js';
import { createEmailAddresses } from '../../src/services/email-addresses.js';
import { createRegisterUser } from '../../src/services/register-user.js';
import { createFakeClock } from '../helpers/fake-clock.js';

describe('registering a user', () => {
  let database: Database;
  let real: PasswordHasher;
  beforeEach(async () => {
    database = await createDatabase(':memory:');
    real = createPasswordHasher({ concurrency: 1 });
  });
  afterEach(async () => {
    await real.close();
    await database.close();
  });

  it('hashes nothing for a taken address or a look-alike of one', async () => {
    const hashed: string[] = [];
    const passwords: PasswordHasher = { ...real, hash: async (password, lane) => (hashed.push(password), real.hash(password, lane)) };
    const users = createUserRepository(database);
    const register = createRegisterUser({ users, passwords, clock: createFakeClock(), emails: createEmailAddresses({ users, utf8LocalParts: true }) });
    await register({ email: 'admin@x.y', password: 'first password', role: 'ADMIN' });
    for (const email of ['ADMIN@x.y', 'аdmin@x.y']) {
      await expect(register({ email, password: 'second password', role: 'USER' })).rejects.toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'email' } });
    }
    expect(hashed).toEqual(['first password']);
  });

  it('refuses, as taken, a look-alike registered while its password was hashing', async () => {
    const users = createUserRepository(database);
    const emails = createEmailAddresses({ users, utf8LocalParts: true });
    const registerDirectly = createRegisterUser({ users, passwords: real, clock: createFakeClock(), emails });
    // While the first registration hashes its password, a look-alike registers.
    const passwords: PasswordHasher = {
      ...real,
      async hash(password, lane) {
        await registerDirectly({ email: 'аdmin@x.y', password: 'racing password', role: 'USER' });
        return real.hash(password, lane);
      },
    };
    const register = createRegisterUser({ users, passwords, clock: createFakeClock(), emails });
    await expect(register({ email: 'admin@x.y', password: 'first password', role: 'USER' })).rejects.toMatchObject({
      message: 'This email is already registered',
      extensions: { code: 'BAD_USER_INPUT', field: 'email' },
    });
    expect((await users.findByEmail('аdmin@x.y'))?.email).toBe('аdmin@x.y');
    expect(await users.findByEmail('admin@x.y')).toBeUndefined();
  });
});
