// The mail parts the services need, built as app.ts builds them, for tests
// that assemble services by hand: the real outbox, tokens and account mail,
// with the mail transport as the only stand-in (it records what it is given).
import type { Database } from '../../db/create-database.js';
import type { Mailer, MailMessage } from '../../src/mail/mailer.js';
import { createOutbox, type Outbox } from '../../src/mail/outbox.js';
import type { AuditLog } from '../../src/platform/audit.js';
import type { Clock } from '../../src/platform/clock.js';
import type { Logger } from '../../src/platform/logger.js';
import { createOneTimeTokenRepository, createUserRepository } from '../../src/repositories/create-repositories.js';
import { createAccountMail, type AccountMail } from '../../src/services/account-mail.js';
import { createOneTimeTokens, type OneTimeTokens } from '../../src/services/one-time-tokens.js';

export interface ServiceMail {
  readonly outbox: Outbox;
  readonly tokens: OneTimeTokens;
  readonly accountMail: AccountMail;
  /** Every message handed to the transport, in order. */
  readonly sent: MailMessage[];
}

export function createServiceMail(deps: { database: Database; clock: Clock; log: Logger; audit: AuditLog }): ServiceMail {
  const sent: MailMessage[] = [];
  const mailer: Mailer = {
    async send(message) {
      sent.push(message);
      return 'sent';
    },
    close() {},
  };
  const outbox = createOutbox({ mailer, log: deps.log, audit: deps.audit, settings: { concurrency: 1, maxQueued: 100 } });
  const tokens = createOneTimeTokens({ repository: createOneTimeTokenRepository(deps.database), clock: deps.clock });
  const users = createUserRepository(deps.database);
  const accountMail = createAccountMail({ outbox, tokens, users, clock: deps.clock, appUrl: 'https://app.example.test', passwordResetTtlMs: 1_800_000, emailVerificationTtlMs: 86_400_000 });
  return { outbox, tokens, accountMail, sent };
}
