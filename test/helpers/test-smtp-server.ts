// A real SMTP server in the test process (the smtp-server package): the
// server under test sends to it over a socket, with a user and password, and
// every message is parsed (mailparser) as a mail client would read it. It can
// also hold messages (a slow server), refuse them, or serve TLS from the
// first byte (smtps://) with a certificate nobody trusts.
import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  /** Envelope recipients, as the server delivers them. */
  readonly to: readonly string[];
  readonly from: string;
  readonly subject: string;
  readonly text: string;
  readonly html: string;
}

export type SmtpBehaviour = 'accept' | 'refuse' | 'hold';

export interface TestSmtpServer {
  /** smtp://user:pass@127.0.0.1:<port> (smtps:// when started with TLS). */
  readonly url: string;
  readonly port: number;
  readonly mails: ReceivedMail[];
  /** What the server does with the next messages: take them, refuse them (550), or keep them waiting until `release()`. */
  behave(behaviour: SmtpBehaviour): void;
  /** Lets held messages through (and accepts from now on). */
  release(): void;
  /** Resolves once a message is being held (it reached the server, which has not answered it). */
  holding(): Promise<void>;
  /** The first mail (received or still to come) to `address` matching `match`, not returned before. */
  nextMail(address: string, match?: (mail: ReceivedMail) => boolean, timeoutMs?: number): Promise<ReceivedMail>;
  /** Mails received so far to `address`. */
  mailsTo(address: string): ReceivedMail[];
  close(): Promise<void>;
}

export const smtpUser = 'mailer';
export const smtpPassword = 'smtp-secret-password';

export async function startTestSmtpServer(options: { tls?: { key: Buffer; cert: Buffer } } = {}): Promise<TestSmtpServer> {
  const mails: ReceivedMail[] = [];
  const taken = new Set<ReceivedMail>();
  const listeners = new Set<() => void>();
  let behaviour: SmtpBehaviour = 'accept';
  let held: Array<() => void> = [];

  const server = new SMTPServer({
    ...(options.tls ? { secure: true, key: options.tls.key, cert: options.tls.cert } : { hideSTARTTLS: true, allowInsecureAuth: true }),
    logger: false,
    authMethods: ['PLAIN', 'LOGIN'],
    closeTimeout: 1000,
    onAuth(auth, _session, callback) {
      if (auth.username === smtpUser && auth.password === smtpPassword) callback(null, { user: auth.username });
      else callback(new Error('Invalid username or password'));
    },
    onRcptTo(address, _session, callback) {
      // Worded as Postfix words it: real servers echo the recipient back.
      if (behaviour === 'refuse') callback(Object.assign(new Error(`5.1.1 <${address.address}>: Recipient address rejected: User unknown`), { responseCode: 550 }));
      else callback();
    },
    onData(stream, session, callback) {
      simpleParser(stream).then(
        (parsed) => {
          const deliver = () => {
            mails.push({
              to: session.envelope.rcptTo.map((r) => r.address),
              from: parsed.from?.text ?? '',
              subject: parsed.subject ?? '',
              text: parsed.text ?? '',
              html: typeof parsed.html === 'string' ? parsed.html : '',
            });
            callback();
            for (const notify of listeners) notify();
          };
          if (behaviour === 'hold') {
            held.push(deliver);
            for (const notify of listeners) notify();
          } else deliver();
        },
        (error: unknown) => callback(error instanceof Error ? error : new Error(String(error))),
      );
    },
  });
  // A client that hangs up mid-handshake (one refusing our certificate) is its business, not a crash here.
  server.on('error', () => {});
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  const scheme = options.tls ? 'smtps' : 'smtp';

  const mailsTo = (address: string) => mails.filter((m) => m.to.includes(address));
  const findNew = (address: string, match: (mail: ReceivedMail) => boolean) => mailsTo(address).find((m) => !taken.has(m) && match(m));

  return {
    url: `${scheme}://${smtpUser}:${smtpPassword}@127.0.0.1:${port}`,
    port,
    mails,
    behave(next) {
      behaviour = next;
    },
    release() {
      behaviour = 'accept';
      const waiting = held;
      held = [];
      for (const deliver of waiting) deliver();
    },
    mailsTo,
    holding() {
      return new Promise((resolve) => {
        const check = () => {
          if (held.length === 0) return;
          listeners.delete(check);
          resolve();
        };
        listeners.add(check);
        check();
      });
    },
    nextMail(address, match = () => true, timeoutMs = 10_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = findNew(address, match);
          if (!found) return;
          taken.add(found);
          listeners.delete(check);
          clearTimeout(timer);
          resolve(found);
        };
        const timer = setTimeout(() => {
          listeners.delete(check);
          reject(new Error(`no mail to ${address} within ${timeoutMs} ms (received: ${JSON.stringify(mails.map((m) => [m.to, m.subject]))})`));
        }, timeoutMs);
        listeners.add(check);
        check();
      });
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The token of the link to `APP_URL/<page>` in a mail's text part; fails the test when there is none. */
export function tokenFrom(mail: ReceivedMail, page: string): string {
  const match = new RegExp(`https?://[^\\s]+/${page}\\?token=([A-Za-z0-9_-]+)`).exec(mail.text);
  if (!match?.[1]) throw new Error(`no ${page} link in the mail "${mail.subject}":\n${mail.text}`);
  return match[1];
}

/** The full link to `APP_URL/<page>` in a mail's text part. */
export function linkFrom(mail: ReceivedMail, page: string): string {
  const match = new RegExp(`https?://[^\\s]+/${page}\\?token=[A-Za-z0-9_-]+`).exec(mail.text);
  if (!match) throw new Error(`no ${page} link in the mail "${mail.subject}":\n${mail.text}`);
  return match[0];
}
