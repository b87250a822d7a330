// Which mailer a server gets: SMTP_URL's server; without it, the development
// log, or in production nothing but an audit event per mail (and one warning
// at boot, so the missing setting is seen before the first user needs a link).
import type { Logger } from '../platform/logger.js';
import type { MailSettings } from '../platform/mail-settings.js';
import { createLogMailer, unconfiguredMailer } from './log-mailer.js';
import type { Mailer } from './mailer.js';
import { createSmtpMailer } from './smtp-mailer.js';

export function createMailer(settings: MailSettings, production: boolean, log: Logger, connections: number): Mailer {
  if (settings.smtpUrl !== undefined) return createSmtpMailer({ smtpUrl: settings.smtpUrl, from: settings.from, connections });
  if (!production) return createLogMailer(log);
  log.warn('SMTP_URL is not set: no mail is sent (password resets, email verification, notices); each one is recorded as a mail.unsent audit event');
  return unconfiguredMailer;
}
