// Why a known and an unknown address take the same time to answer, shown by
// structure rather than by a stopwatch (which a loaded machine makes flaky;
// bench/password-reset-timing.ts measures it): the request path of
// requestPasswordReset reads nothing and writes nothing for either address.
// The lookup, the token and the mail all happen in the outbox's job, after
// the answer. Real services over in-memory SQLite with every query logged; the
// only stand-in is the mail transport, the true external edge (helpers/service-mail.ts).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDatabase, type Database } from '../../db/create-database.js';
import { createPasswordHasher, type PasswordHasher } from '../../src/credentials/passwords.js';
import type { MailMessage } from '../../src/mail/mailer.js';
import type { Outbox } from '../../src/mail/outbox.js';
import { createAuditLog } from '../../src/platform/audit.js';
import type { UserId } from '../../src/platform/ids.js';
import { createLogger } from '../../src/platform/logger.js';
import type { RequestOrigin } from '../../src/platform/request-context.js';
import { createApiKeyRepository, createDeviceTokenRepository, createMfaRepositories, createSessionRepository, createUserRepository } from '../../src/repositories/create-repositories.js';
import { createDeviceTrust } from '../../src/services/device-trust.js';
import { createEmailAddresses } from '../../src/services/email-addresses.js';
import { createPasswordResetService, type PasswordResetService } from '../../src/services/password-reset-service.js';
import { createSessionVerifier } from '../../src/services/session-verifier.js';
import { createFakeClock } from '../helpers/fake-clock.js';
import { createServiceMail } from '../helpers/service-mail.js';

const origin: RequestOrigin = { requestId: 'r', ip: '192.0.2.1', userAgent: 'test' };

describe('requestPasswordReset does the same work for a known and an unknown address', () => {
  let database: Database;
  let passwords: PasswordHasher;
  let outbox: Outbox;
  let service: PasswordResetService;
  const queries: string[] = [];
  let sent: MailMessage[] = [];

  beforeEach(async () => {
    database = await createDatabase(':memory:', { logQuery: (query) => queries.push(query) });
    const clock = createFakeClock();
    const log = createLogger({ level: 'silent', pretty: false });
    const audit = createAuditLog(log);
    const users = createUserRepository(database);
    const sessions = createSessionRepository(database);
    await users.insert({ id: '01900000-0000-7000-8000-000000000001' as UserId, email: 'known@example.com', passwordHash: 'x', role: 'USER', now: clock.now() });
    const mail = createServiceMail({ database, clock, log, audit });
    ({ outbox, sent } = mail);
    passwords = createPasswordHasher({ concurrency: 1 });
    const verifier = createSessionVerifier({ sessions, clock, cacheTtlMs: 5000, maxEntries: 100 });
    const devices = createDeviceTrust({ deviceTokens: createDeviceTokenRepository(database), clock, ttlMs: 1000, keepPerUser: 5 });
    const emails = createEmailAddresses({ users, utf8LocalParts: false });
    const apiKeys = createApiKeyRepository(database);
    const { passkeys } = createMfaRepositories(database);
    service = createPasswordResetService({ users, emails, sessions, passwords, verifier, devices, apiKeys, passkeys, tokens: mail.tokens, accountMail: mail.accountMail, audit, clock });
    queries.length = 0;
  });
  afterEach(async () => {
    await outbox.idle();
    await passwords.close();
    await database.close();
  });

  /** The queries made while the request itself runs, and those made by the job it left behind. */
  async function request(email: string) {
    queries.length = 0;
    const answer = await service.request(email, origin);
    const onRequestPath = [...queries];
    await outbox.idle();
    return { answer, onRequestPath, inTheJob: queries.slice(onRequestPath.length) };
  }

  it('touches the database on neither request path; the job looks the address up', async () => {
    const known = await request('Known@Example.com');
    const unknown = await request('unknown@example.com');
    expect(known.answer).toBe(true);
    expect(unknown.answer).toBe(true);
    expect(known.onRequestPath).toEqual([]);
    expect(unknown.onRequestPath).toEqual([]);
    // After the answer: both looked up, only the known one got a token and a mail.
    expect(unknown.inTheJob).toHaveLength(1);
    expect(unknown.inTheJob[0]).toMatch(/^select .* from "users"/);
    expect(known.inTheJob[0]).toBe(unknown.inTheJob[0]);
    expect(known.inTheJob.some((q) => /^insert into "one_time_tokens"/.test(q))).toBe(true);
    expect(sent.map((m) => [m.kind, m.to])).toEqual([['password_reset', 'known@example.com']]);
  });

  it('refuses a malformed address on the request path, before anything is posted', async () => {
    await expect(service.request('not an address', origin)).rejects.toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'email' } });
    await outbox.idle();
    expect(queries).toEqual([]);
    expect(sent).toEqual([]);
  });
});
