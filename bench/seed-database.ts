// A populated SQLite file for the server under test: N users and one admin,
// written through the app's own repository and password hasher (the path the
// create-user CLI takes). One argon2 hash is shared by every row: each costs
// the same to verify, and hashing a thousand would spend the time budget.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDatabase } from '../db/create-database.js';
import { createPasswordHasher } from '../src/credentials/passwords.js';
import { newId, type UserId } from '../src/platform/ids.js';
import { createUserRepository } from '../src/repositories/create-repositories.js';

export interface SeededDatabase {
  readonly dir: string;
  readonly databaseUrl: string;
  readonly password: string;
  readonly adminEmail: string;
  readonly userEmails: readonly string[];
}

export const benchPassword = 'bench password 1';

export const userEmail = (n: number) => `user${String(n).padStart(5, '0')}@bench.example`;

export async function seedDatabase(userCount: number): Promise<SeededDatabase> {
  const dir = mkdtempSync(join(tmpdir(), 'graphql-auth-bench-'));
  const databaseUrl = `file:${join(dir, 'app.db')}`;
  const database = await createDatabase(databaseUrl);
  try {
    const users = createUserRepository(database);
    const passwords = createPasswordHasher({ concurrency: 1 });
    const passwordHash = await passwords.hash(benchPassword).finally(() => passwords.close());
    const userEmails: string[] = [];
    const now = Date.now();
    for (let n = 0; n < userCount; n += 1) {
      const email = userEmail(n);
      await users.insert({ id: newId() as UserId, email, passwordHash, role: 'USER', now: now + n });
      userEmails.push(email);
    }
    const adminEmail = 'admin@bench.example';
    const admin = await users.insert({ id: newId() as UserId, email: adminEmail, passwordHash, role: 'USER', now });
    if (!admin) throw new Error('admin insert failed');
    await users.setRole(admin.id, 'ADMIN', now);
    return { dir, databaseUrl, password: benchPassword, adminEmail, userEmails };
  } finally {
    await database.close();
  }
}
