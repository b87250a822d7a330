// The SQLite file holds password hashes: it and its -wal/-shm are created
// readable by the owner only, even under a umask that would open them to all.
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createDatabase } from '../../db/create-database.js';
import { tempDirectory } from '../helpers/run-process.js';

describe('a new SQLite database file', () => {
  const previousUmask = process.umask();
  afterEach(() => process.umask(previousUmask));

  it('is 0600 with its -wal and -shm, whatever the umask', async () => {
    process.umask(0o000);
    const directory = tempDirectory('sqlite-mode-');
    const path = join(directory.path, 'app.db');
    const database = await createDatabase(`file:${path}`);
    try {
      // The migrations wrote through the WAL, so all three files exist.
      for (const file of [path, `${path}-wal`, `${path}-shm`]) expect((statSync(file).mode & 0o777).toString(8), file).toBe('600');
    } finally {
      await database.close();
      directory.remove();
    }
  });
});
