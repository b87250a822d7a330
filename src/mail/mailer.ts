// What the server sends and the one thing it asks of a transport. Services
// never talk to a transport: they post to the outbox (outbox.ts), which sends
// off the request path.

/** Which mail, for logs, audit events and metrics (never its content). */
export type MailKind =
  | 'password_reset'
  | 'password_changed'
  | 'email_verification'
  | 'email_change_confirmation'
  | 'email_change_requested'
  | 'email_changed';

export interface MailMessage {
  readonly kind: MailKind;
  readonly to: string;
  readonly subject: string;
  readonly text: string;
  readonly html: string;
  /** The link the mail carries, if any; only the development log shows it. */
  readonly link?: string;
}

/** How a message left: through a mail server, or into the development log. */
export type Delivery = 'sent' | 'logged';

export interface Mailer {
  /** Resolves once the mail server accepted the message; rejects with why it did not. */
  send(message: MailMessage): Promise<Delivery>;
  close(): void;
}

/** Production without SMTP_URL: nothing can be sent, and each mail says so in the audit log. */
export class MailNotConfiguredError extends Error {
  override readonly name = 'MailNotConfiguredError';
  constructor() {
    super('SMTP_URL is not set');
  }
}
