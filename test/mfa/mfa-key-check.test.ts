// MFA_ENCRYPTION_KEY at start: a malformed key names the setting; in
// production a server without the key refuses to start once any account has
// TOTP on (starting without it otherwise, with TOTP unavailable), and any
// server refuses a key other than the one the secrets were sealed with.
import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.js';
import { ConfigError, loadConfig, type Env } from '../../src/platform/config.js';
import { codeOf, signup } from '../helpers/accounts.js';
import { signupWithTotp } from '../helpers/mfa.js';
import { tempDirectory } from '../helpers/run-process.js';
import { startTestServer, testEnv } from '../helpers/start-test-server.js';

const directory = tempDirectory('mfa-key-');
afterAll(() => directory.remove());

const key = () => randomBytes(32).toString('base64');
const production = (env: Env) => loadConfig(testEnv({ NODE_ENV: 'production', LOG_LEVEL: 'silent', ...env }));

describe('MFA_ENCRYPTION_KEY', () => {
  it('must be 32 bytes of base64, or the boot stops naming it', () => {
    for (const bad of ['short', randomBytes(16).toString('base64'), randomBytes(33).toString('base64'), '!'.repeat(44)]) {
      expect(() => loadConfig(testEnv({ MFA_ENCRYPTION_KEY: bad }))).toThrow(/MFA_ENCRYPTION_KEY: must be 32 random bytes in base64/);
    }
    expect(loadConfig(testEnv({ MFA_ENCRYPTION_KEY: randomBytes(32).toString('base64url') })).mfa.developmentKey).toBe(false);
    expect(loadConfig(testEnv()).mfa).toMatchObject({ developmentKey: true, issuer: 'graphql-auth' });
    expect(production({}).mfa.encryptionKey).toBeUndefined();
  });

  it('in production, may be left unset while no account has TOTP on: the server starts and TOTP cannot be turned on', async () => {
    const server = await startTestServer({ env: { NODE_ENV: 'production', DATABASE_URL: `file:${directory.path}/none.db` } });
    try {
      expect(server.logs.some((line) => String(line['msg']).startsWith('MFA_ENCRYPTION_KEY is not set: TOTP cannot be turned on'))).toBe(true);
      const user = await signup(server, 'someone@example.com');
      const refused = await server.graphql('mutation { enrollTotp { secret } }', { token: user.accessToken });
      expect(codeOf(refused)).toBe('FORBIDDEN');
      expect(refused.body.errors?.[0]?.message).toBe('Two-step sign-in is not available on this server');
    } finally {
      await server.close();
    }
  });

  it('in production, is required once an account has TOTP on, and must be the key the secrets were sealed with', async () => {
    const databaseUrl = `file:${directory.path}/with-mfa.db`;
    const sealedWith = key();
    const first = await startTestServer({ env: { DATABASE_URL: databaseUrl, MFA_ENCRYPTION_KEY: sealedWith } });
    await signupWithTotp(first, 'enrolled@example.com');
    await first.close();

    await expect(createApp(production({ DATABASE_URL: databaseUrl }))).rejects.toThrow(ConfigError);
    await expect(createApp(production({ DATABASE_URL: databaseUrl }))).rejects.toThrow(/MFA_ENCRYPTION_KEY is required: accounts have two-step sign-in on/);
    await expect(createApp(production({ DATABASE_URL: databaseUrl, MFA_ENCRYPTION_KEY: key() }))).rejects.toThrow(/encrypted with another key than MFA_ENCRYPTION_KEY/);
    const app = await createApp(production({ DATABASE_URL: databaseUrl, MFA_ENCRYPTION_KEY: sealedWith }));
    await app.close();
  });

  it('outside production, warns instead of refusing a key the secrets were not sealed with', async () => {
    const databaseUrl = `file:${directory.path}/dev.db`;
    const first = await startTestServer({ env: { DATABASE_URL: databaseUrl } }); // the development key
    await signupWithTotp(first, 'dev@example.com');
    await first.close();
    const second = await startTestServer({ env: { DATABASE_URL: databaseUrl, MFA_ENCRYPTION_KEY: key() } });
    try {
      expect(second.logs.some((line) => line['level'] === 40 && /encrypted with another key than MFA_ENCRYPTION_KEY/.test(String(line['msg'])))).toBe(true);
    } finally {
      await second.close();
    }
  });
});
