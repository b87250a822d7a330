// Which mailer a server gets: SMTP_URL's server; without it, in development
// (NODE_ENV=development, the default) the log, so every flow can be tried with
// nothing but the server; anywhere else (production, tests) nothing but an
// audit event per mail, after one warning at boot, so the missing setting is
// seen before the first user needs a link, and no address or link is logged.
import type { Config } from '../platform/config.js';
import type { Logger } from '../platform/logger.js';
import type { MailSettings } from '../platform/mail-settings.js';
import { createLogMailer, unconfiguredMailer } from './log-mailer.js';
import type { Mailer } from './mailer.js';
import { createSmtpMailer } from './smtp-mailer.js';

export function createMailer(settings: MailSettings, env: Config['env'], log: Logger, connections: number): Mailer {
  if (settings.smtpUrl !== undefined) return createSmtpMailer({ smtpUrl: settings.smtpUrl, from: settings.from, connections });
  if (env === 'development') return createLogMailer(log);
  log.warn('SMTP_URL is not set: no mail is sent (password resets, email verification, notices); each one is recorded as a mail.unsent audit event');
  return unconfiguredMailer;
}
