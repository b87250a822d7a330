// A sign-in with the old password whose hash check was still running when the
// password changed must not leave a live session behind: changePassword ends
// only the sessions that exist when it runs. HTTP cannot order the two
// deterministically, so the real services run here over in-memory SQLite with
// the real argon2 hasher, and the test holds the login's check at a gate.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDatabase, type Database } from '../../db/create-database.js';
import { createAccessTokens } from '../../src/credentials/access-tokens.js';
import { loadTokenKeys } from '../../src/credentials/signing-keys.js';
import { createPasswordHasher, type PasswordHasher } from '../../src/credentials/passwords.js';
import { createAuditLog } from '../../src/platform/audit.js';
import { createLogger } from '../../src/platform/logger.js';
import type { RequestOrigin } from '../../src/platform/request-context.js';
import { createDeviceTokenRepository, createSessionRepository, createUserRepository } from '../../src/repositories/create-repositories.js';
import { createAuthService } from '../../src/services/auth-service.js';
import { createDeviceTrust } from '../../src/services/device-trust.js';
import { createEmailAddresses } from '../../src/services/email-addresses.js';
import { createSessionService } from '../../src/services/session-service.js';
import { createSessionVerifier } from '../../src/services/session-verifier.js';
import { createFakeClock } from '../helpers/fake-clock.js';
import { createServiceMail } from '../helpers/service-mail.js';
import { testSecret } from '../helpers/start-test-server.js';

const origin: RequestOrigin = { requestId: 'r', ip: '127.0.0.1', userAgent: 'test' };
const oldPassword = 'the old password';

describe('a login racing a password change', () => {
  let database: Database;
  beforeEach(async () => {
    database = await createDatabase(':memory:');
  });
  afterEach(() => database.close());

  it('ends the session the login made from the old password, and refuses the login', async () => {
    const clock = createFakeClock();
    const real = createPasswordHasher({ concurrency: 2 });
    let releaseLoginCheck: () => void = () => undefined;
    let reachedGate: () => void = () => undefined;
    const loginAtGate = new Promise<void>((resolve) => (reachedGate = resolve));
    let holdNextVerify = false;
    // The real hasher, with one verify held until the password has changed.
    const passwords: PasswordHasher = {
      ...real,
      async verify(hash, password) {
        if (!holdNextVerify) return real.verify(hash, password);
        holdNextVerify = false;
        const released = new Promise<void>((resolve) => (releaseLoginCheck = resolve));
        reachedGate();
        await released;
        return real.verify(hash, password);
      },
    };
    const users = createUserRepository(database);
    const sessions = createSessionRepository(database);
    const verifier = createSessionVerifier({ sessions, clock, cacheTtlMs: 5000, maxEntries: 100 });
    const log = createLogger({ level: 'silent', pretty: false });
    const audit = createAuditLog(log);
    const devices = createDeviceTrust({ deviceTokens: createDeviceTokenRepository(database), clock, ttlMs: 86_400_000, keepPerUser: 10 });
    const { accountMail, outbox } = createServiceMail({ database, clock, log, audit });
    const common = { users, sessions, verifier, audit, clock, passwords, devices, accountMail };
    const keys = await loadTokenKeys({ secret: testSecret, previousSecret: undefined, privateKey: undefined, previousPrivateKey: undefined });
    const accessTokens = createAccessTokens({ keys, issuer: 'i', audience: 'a', ttlMs: 60_000 }, clock);
    const auth = createAuthService({ ...common, accessTokens, refreshTokenTtlMs: 3_600_000, sessionMaxAgeMs: 86_400_000, refreshReuseGraceMs: 0, maxSessionsPerUser: 50, requireVerifiedEmail: false, emails: createEmailAddresses({ users, utf8LocalParts: false }) });
    const account = createSessionService(common);

    try {
      const owner = await auth.signup({ email: 'raced@example.com', password: oldPassword }, origin);
      holdNextVerify = true;
      const attacker = auth.login({ email: 'raced@example.com', password: oldPassword }, origin);
      await loginAtGate; // it has read the old hash and is checking the password against it
      expect(await account.changePassword(owner.viewer, oldPassword, 'the new password', origin)).toBe(true);
      releaseLoginCheck();

      await expect(attacker).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
      const live = await sessions.listLive(owner.viewer.userId, clock.now());
      expect(live.map((s) => s.id)).toEqual([owner.viewer.sessionId]);
    } finally {
      await outbox.idle();
      await real.close();
    }
  });
});
