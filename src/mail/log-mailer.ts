// The mailers for a server without SMTP_URL. In development each mail is
// written to the log, recipient and link included, so every flow can be tried
// with nothing but the server. Anywhere else nothing is written but the
// refusal: a link in a production log would be a credential anyone with the
// log holds, and an address is personal data.
import type { Logger } from '../platform/logger.js';
import { MailNotConfiguredError, type Mailer } from './mailer.js';

export function createLogMailer(log: Logger): Mailer {
  return {
    async send({ kind, to, subject, link }) {
      // The one log line that may hold a token: it is the development mailbox.
      log.info({ mail: kind, to, subject, link: link ?? null }, `mail (not sent, SMTP_URL is not set): ${subject}`);
      return 'logged';
    },
    close() {},
  };
}

export const unconfiguredMailer: Mailer = {
  send: async () => {
    throw new MailNotConfiguredError();
  },
  close() {},
};
