// Turning EMAIL_UTF8_LOCAL_PARTS on over a database with accounts: each gets
// its TR39 skeleton at start (a migration cannot compute one), look-alikes
// made while it was off are named, and everyone still signs in.
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { login, signup } from '../helpers/accounts.js';
import { tempDirectory } from '../helpers/run-process.js';
import { startTestServer } from '../helpers/start-test-server.js';

const signupMutation = 'mutation($e: String!) { signup(email: $e, password: "correct horse battery") { user { email } } }';
const lookAlike = { message: 'This email looks too much like one already registered', extensions: { code: 'BAD_USER_INPUT', field: 'email' } };

describe('turning EMAIL_UTF8_LOCAL_PARTS on over existing accounts', () => {
  const directory = tempDirectory('look-alikes-');
  const env = (on: boolean) => ({ DATABASE_URL: `file:${join(directory.path, 'app.db')}`, EMAIL_UTF8_LOCAL_PARTS: String(on) });
  afterAll(() => directory.remove());

  it('gives every existing account its skeleton at start, names the look-alikes made while it was off, and signs everyone in', async () => {
    const off = await startTestServer({ env: env(false) });
    const admin = await signup(off, 'admin@x.y');
    await signup(off, 'bob1@x.y');
    const bobl = await signup(off, 'bobl@x.y'); // two accounts while skeletons are not compared
    await off.close();

    const on = await startTestServer({ env: env(true) });
    try {
      expect(on.logs.find((line) => line['filled'] !== undefined)).toMatchObject({ level: 30, filled: 2 }) // pino: 30 info, 40 warn;
      expect(on.logs.find((line) => line['userIds'] !== undefined)).toMatchObject({ level: 40, userIds: [bobl.id] });
      const taken = await on.graphql(signupMutation, { variables: { e: 'аdmin@x.y' } });
      expect(taken.body.errors).toEqual([expect.objectContaining(lookAlike)]);
      for (const email of ['admin@x.y', 'bob1@x.y', 'bobl@x.y']) expect((await login(on, email)).email).toBe(email);
      expect((await login(on, 'admin@x.y')).id).toBe(admin.id);
    } finally {
      await on.close();
    }

    // The next start has nothing left to fill, and still names the look-alike.
    const again = await startTestServer({ env: env(true) });
    await again.close();
    expect(again.logs.some((line) => line['filled'] !== undefined)).toBe(false);
    expect(again.logs.find((line) => line['userIds'] !== undefined)).toMatchObject({ userIds: [bobl.id] });
  });
});
