// Accounts that existed before email verification are treated as not
// verified: a database made by the migrations before the one adding
// users.email_verified, with a user in it, is upgraded by the server's own
// start-up migration, and the user comes out unverified (and still signs in).
import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { afterAll, describe, expect, it } from 'vitest';
import { createDatabase } from '../../db/create-database.js';
import type { UserId } from '../../src/platform/ids.js';
import { createUserRepository } from '../../src/repositories/create-repositories.js';
import { tempDirectory } from '../helpers/run-process.js';

const migrations = 'db/sqlite/migrations';

interface Journal {
  readonly entries: ReadonlyArray<{ readonly tag: string }>;
}

describe('upgrading a database from before email verification', () => {
  const directory = tempDirectory('email-verified-upgrade-');
  afterAll(() => directory.remove());

  it('leaves the accounts it finds unverified', async () => {
    const journal = JSON.parse(readFileSync(join(migrations, 'meta/_journal.json'), 'utf8')) as Journal;
    const adding = journal.entries.findIndex((entry) => /ADD `email_verified`/.test(readFileSync(join(migrations, `${entry.tag}.sql`), 'utf8')));
    expect(adding).toBeGreaterThan(0);
    // The migrations as they were before that one.
    const before = join(directory.path, 'before');
    cpSync(migrations, before, { recursive: true });
    for (const file of readdirSync(before)) if (file.endsWith('.sql') && !journal.entries.slice(0, adding).some((e) => `${e.tag}.sql` === file)) writeFileSync(join(before, file), '');
    writeFileSync(join(before, 'meta/_journal.json'), JSON.stringify({ ...journal, entries: journal.entries.slice(0, adding) }));

    const file = join(directory.path, 'app.db');
    const old = new Database(file);
    migrate(drizzle(old), { migrationsFolder: before });
    old.prepare("insert into users (id, email, password_hash, role, created_at, updated_at) values ('01900000-0000-7000-8000-000000000001', 'old@example.com', 'h', 'USER', 1, 1)").run();
    old.close();

    const upgraded = await createDatabase(`file:${file}`);
    try {
      const user = await createUserRepository(upgraded).findById('01900000-0000-7000-8000-000000000001' as UserId);
      expect(user).toMatchObject({ email: 'old@example.com', emailVerified: false });
    } finally {
      await upgraded.close();
    }
  });
});
