// `npm run cli -- reset-mfa`: the way back in when nobody can reset a user's
// second factor over the API (the last admin lost their device).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codeOf, login } from '../helpers/accounts.js';
import { auditEventsOf, runCliWith } from '../helpers/cli-in-process.js';
import { loginFrom, mfaTokenOf, signupWithTotp } from '../helpers/mfa.js';
import { tempDirectory } from '../helpers/run-process.js';
import { startTestServer, testEnv, type TestServer } from '../helpers/start-test-server.js';

const directory = tempDirectory('reset-mfa-');

describe('npm run cli -- reset-mfa', () => {
  let server: TestServer;
  const databaseUrl = `file:${directory.path}/app.db`;
  beforeAll(async () => {
    server = await startTestServer({ env: { DATABASE_URL: databaseUrl, TRUST_PROXY: '1' } });
  });
  afterAll(async () => {
    await server.close();
    directory.remove();
  });

  const cli = (...args: string[]) => runCliWith(args, testEnv({ DATABASE_URL: databaseUrl }));

  it('removes the TOTP of a user, who then signs in with the password alone', async () => {
    const admin = await signupWithTotp(server, 'only-admin@example.com');
    expect(mfaTokenOf(await loginFrom(server, '192.0.2.1', admin.email))).toMatch(/^mfa_/);
    const reset = await cli('reset-mfa', '--email', 'Only-Admin@example.com');
    expect(reset).toMatchObject({ code: 0, stdout: 'only-admin@example.com: TOTP and recovery codes removed, 0 passkey(s) removed\n' });
    // Audited as resetUserMfa is, with no actor: the operator has no account.
    expect(auditEventsOf(reset.stderr)).toEqual([
      expect.objectContaining({ event: 'mfa.reset', actorId: null, subjectId: admin.id, totp: true, passkeys: 0, ip: 'cli', userAgent: 'npm run cli -- reset-mfa' }),
    ]);
    expect(codeOf(await loginFrom(server, '192.0.2.1', admin.email))).toBeUndefined();
    expect((await login(server, admin.email)).accessToken).toMatch(/^ey/);
    expect(await cli('reset-mfa', '--email', 'only-admin@example.com')).toMatchObject({ code: 0, stdout: 'only-admin@example.com: had no TOTP, 0 passkey(s) removed\n' });
  });

  it('refuses an unknown email and a missing one', async () => {
    expect(await cli('reset-mfa', '--email', 'nobody@example.com')).toMatchObject({ code: 1, stderr: 'error: --email: No user has the email nobody@example.com\n' });
    expect((await cli('reset-mfa')).code).toBe(2);
  });
});
