// Mail leaves off the request path. A service posts a job and returns at once;
// the job runs after the response is on its way: it prepares the message
// (which may read and write the database, e.g. look up an account and issue
// its token) and hands it to the mailer. So neither a slow, down or refusing
// mail server nor the work of preparing a mail changes an answer or its
// timing, and a failure ends as an error log line and an audit event, never as
// an unhandled rejection.
import type { AuditLog } from '../platform/audit.js';
import type { Logger } from '../platform/logger.js';
import type { RequestOrigin } from '../platform/request-context.js';
import { MailNotConfiguredError, type Mailer, type MailKind, type MailMessage } from './mailer.js';

/** A message ready to go, and the account it is about (the audit events' subjectId). */
export type PreparedMail = Omit<MailMessage, 'kind'> & { readonly subjectId: string };

export interface Outbox {
  /**
   * Queues a mail. `prepare` runs later, off the request path, and returns
   * the message, or undefined when there is nothing to send (an unknown
   * address). Never throws, never waits.
   */
  post(kind: MailKind, origin: RequestOrigin, prepare: () => Promise<PreparedMail | undefined>): void;
  /** Resolves once every mail posted so far has been sent or given up on. */
  idle(): Promise<void>;
  /** Waits for the queue to empty (at most `timeoutMs`), then closes the mailer. */
  close(timeoutMs: number): Promise<void>;
}

export interface OutboxSettings {
  /** Messages handed to the mail server at once (its connections). */
  readonly concurrency: number;
  /**
   * Jobs preparing, and messages waiting to be sent, at most (each); past
   * that a mail is dropped, logged and audited, so a flood or an unreachable
   * server cannot grow memory without bound.
   */
  readonly maxQueued: number;
}

interface Ready {
  readonly kind: MailKind;
  readonly origin: RequestOrigin;
  readonly prepared: PreparedMail;
}

// Anything in an error message long and random enough to be a token goes, in
// case a mail server ever echoes a line of the message back; so does any
// address, which servers do echo ("550 5.1.1 <ada@example.com>: Recipient
// address rejected"): the line names the account by its id instead.
const scrub = (text: string) => text.replace(/[A-Za-z0-9_-]{32,}/g, '[redacted]').replace(/[^\s<>"'(),;:]+@[^\s<>"'(),;:]+/g, '[address]');

function failureOf(error: unknown): { readonly reason: string; readonly detail: Record<string, unknown> } {
  if (!(error instanceof Error)) return { reason: 'unknown', detail: { message: scrub(String(error)) } };
  const { code, responseCode } = error as Error & { code?: unknown; responseCode?: unknown };
  const reason = typeof code === 'string' ? code : error.name;
  return { reason, detail: { error: error.name, code: code ?? null, responseCode: responseCode ?? null, message: scrub(error.message) } };
}

// Two stages, so preparing never waits behind sending: a job for an unknown
// address (a lookup, no mail) is done at once even while the mail server is
// slow, and only real messages queue for it.
export function createOutbox(deps: { mailer: Mailer; log: Logger; audit: AuditLog; settings: OutboxSettings }): Outbox {
  const { mailer, log, audit, settings } = deps;
  const toSend: Ready[] = [];
  let preparing = 0;
  let sending = 0;
  let idleWaiters: Array<() => void> = [];

  const isIdle = () => preparing === 0 && sending === 0 && toSend.length === 0;
  const settleIfIdle = () => {
    if (!isIdle()) return;
    const waiters = idleWaiters;
    idleWaiters = [];
    for (const resolve of waiters) resolve();
  };

  function failed(kind: MailKind, origin: RequestOrigin, subjectId: string | undefined, error: unknown): void {
    if (error instanceof MailNotConfiguredError) {
      audit.record({ type: 'mail.unsent', origin, subjectId, mail: kind, reason: 'SMTP_URL is not set' });
      return;
    }
    const { reason, detail } = failureOf(error);
    log.error({ requestId: origin.requestId, mail: kind, subjectId: subjectId ?? null, ...detail }, `mail not sent: ${kind}`);
    audit.record({ type: 'mail.failed', origin, subjectId, mail: kind, reason });
  }

  function dropped(kind: MailKind, origin: RequestOrigin, subjectId?: string): void {
    log.error({ requestId: origin.requestId, mail: kind, subjectId: subjectId ?? null }, `mail dropped: the outbox is full (${settings.maxQueued} waiting)`);
    audit.record({ type: 'mail.failed', origin, subjectId, mail: kind, reason: 'outbox_full' });
  }

  async function send({ kind, origin, prepared }: Ready): Promise<void> {
    const { subjectId, ...message } = prepared;
    try {
      const delivery = await mailer.send({ kind, ...message });
      if (delivery === 'sent') audit.record({ type: 'mail.sent', origin, subjectId, mail: kind });
    } catch (error) {
      failed(kind, origin, subjectId, error);
    }
  }

  function pump(): void {
    while (sending < settings.concurrency && toSend.length > 0) {
      const ready = toSend.shift();
      if (ready === undefined) break;
      sending += 1;
      void send(ready)
        .catch((error: unknown) => log.error({ err: error, mail: ready.kind }, 'outbox send failed'))
        .finally(() => {
          sending -= 1;
          pump();
          settleIfIdle();
        });
    }
  }

  async function prepare(kind: MailKind, origin: RequestOrigin, make: () => Promise<PreparedMail | undefined>): Promise<void> {
    try {
      const prepared = await make();
      if (prepared === undefined) return;
      if (toSend.length >= settings.maxQueued) return dropped(kind, origin, prepared.subjectId);
      toSend.push({ kind, origin, prepared });
      pump();
    } catch (error) {
      failed(kind, origin, undefined, error);
    }
  }

  const idle = (): Promise<void> => (isIdle() ? Promise.resolve() : new Promise((resolve) => idleWaiters.push(resolve)));

  return {
    post(kind, origin, make) {
      if (preparing >= settings.maxQueued) return dropped(kind, origin);
      preparing += 1;
      // After this turn of the event loop: the response is written first.
      setImmediate(() => {
        // prepare() catches everything; this catch only keeps a bug from becoming an unhandled rejection.
        void prepare(kind, origin, make)
          .catch((error: unknown) => log.error({ err: error, mail: kind }, 'outbox job failed'))
          .finally(() => {
            preparing -= 1;
            settleIfIdle();
          });
      });
    },
    idle,
    async close(timeoutMs) {
      let timer: NodeJS.Timeout | undefined;
      const timedOut = new Promise<'timeout'>((resolve) => {
        timer = setTimeout(() => resolve('timeout'), timeoutMs);
      });
      const outcome = await Promise.race([idle(), timedOut]);
      clearTimeout(timer);
      if (outcome === 'timeout') log.warn({ preparing, sending, queued: toSend.length }, 'closing with mail still unsent');
      mailer.close();
    },
  };
}
