// Mail through a real mail server (SMTP_URL) with nodemailer: smtps:// speaks
// TLS from the first byte (port 465); smtp:// upgrades with STARTTLS when the
// server offers it, and must (requireTLS) unless the server is on this
// machine, so the password in the URL never crosses a network in the clear.
// Query parameters of the URL are nodemailer's own options and win
// (e.g. ?requireTLS=false, ?tls.servername=…).
import { createTransport } from 'nodemailer';
import type { Delivery, Mailer, MailMessage } from './mailer.js';

const loopback = (hostname: string) => hostname === 'localhost' || hostname === '[::1]' || hostname.startsWith('127.');

// A server that is slow or silent fails the message within these bounds
// instead of holding an outbox slot for nodemailer's default minutes.
const timeouts = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000, dnsTimeout: 10_000 } as const;

export function createSmtpMailer(settings: { readonly smtpUrl: string; readonly from: string; readonly connections: number }): Mailer {
  const { hostname, protocol } = new URL(settings.smtpUrl);
  const transport = createTransport({
    url: settings.smtpUrl,
    // A few connections kept open and reused: a burst of mail does not pay a
    // TCP, TLS and AUTH handshake per message (nor count against a provider's
    // connection limits).
    pool: true,
    maxConnections: settings.connections,
    ...timeouts,
    requireTLS: protocol === 'smtp:' && !loopback(hostname),
    // Nodemailer logs nothing unless asked; its debug log would hold the messages, links and all.
    logger: false,
    debug: false,
  });
  return {
    async send(message: MailMessage): Promise<Delivery> {
      await transport.sendMail({ from: settings.from, to: message.to, subject: message.subject, text: message.text, html: message.html });
      return 'sent';
    },
    close: () => transport.close(),
  };
}
