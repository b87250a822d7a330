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

interface Job {
  readonly kind: MailKind;
  readonly origin: RequestOrigin;
  readonly prepare: () => Promise<PreparedMail | undefined>;
}

export interface OutboxSettings {
  /** Jobs running at once (each may hold an SMTP connection). */
  readonly concurrency: number;
  /** Jobs waiting at most; past that a mail is dropped, logged and audited, so an unreachable server cannot grow memory without bound. */
  readonly maxQueued: number;
}

// Anything in an error message long and random enough to be a token goes, in
// case a mail server ever echoes a line of the message back.
const scrub = (text: string) => text.replace(/[A-Za-z0-9_-]{32,}/g, '[redacted]');

function failureOf(error: unknown): { readonly reason: string; readonly detail: Record<string, unknown> } {
  if (!(error instanceof Error)) return { reason: 'unknown', detail: { message: scrub(String(error)) } };
  const { code, responseCode } = error as Error & { code?: unknown; responseCode?: unknown };
  const reason = typeof code === 'string' ? code : error.name;
  return { reason, detail: { error: error.name, code: code ?? null, responseCode: responseCode ?? null, message: scrub(error.message) } };
}

export function createOutbox(deps: { mailer: Mailer; log: Logger; audit: AuditLog; settings: OutboxSettings }): Outbox {
  const { mailer, log, audit, settings } = deps;
  const waiting: Job[] = [];
  let running = 0;
  let idleWaiters: Array<() => void> = [];

  const settleIfIdle = () => {
    if (running > 0 || waiting.length > 0) return;
    const waiters = idleWaiters;
    idleWaiters = [];
    for (const resolve of waiters) resolve();
  };

  async function run({ kind, origin, prepare }: Job): Promise<void> {
    let subjectId: string | undefined;
    try {
      const prepared = await prepare();
      if (prepared === undefined) return;
      const { subjectId: about, ...message } = prepared;
      subjectId = about;
      const delivery = await mailer.send({ kind, ...message });
      if (delivery === 'sent') audit.record({ type: 'mail.sent', origin, subjectId, mail: kind });
    } catch (error) {
      if (error instanceof MailNotConfiguredError) {
        audit.record({ type: 'mail.unsent', origin, subjectId, mail: kind, reason: 'SMTP_URL is not set' });
        return;
      }
      const { reason, detail } = failureOf(error);
      log.error({ requestId: origin.requestId, mail: kind, subjectId: subjectId ?? null, ...detail }, `mail not sent: ${kind}`);
      audit.record({ type: 'mail.failed', origin, subjectId, mail: kind, reason });
    }
  }

  function pump(): void {
    while (running < settings.concurrency && waiting.length > 0) {
      const job = waiting.shift();
      if (job === undefined) break;
      running += 1;
      // run() catches everything; the catch here only keeps a bug from becoming an unhandled rejection.
      void run(job)
        .catch((error: unknown) => log.error({ err: error, mail: job.kind }, 'outbox job failed'))
        .finally(() => {
          running -= 1;
          pump();
          settleIfIdle();
        });
    }
  }

  const idle = (): Promise<void> => (running === 0 && waiting.length === 0 ? Promise.resolve() : new Promise((resolve) => idleWaiters.push(resolve)));

  return {
    post(kind, origin, prepare) {
      if (waiting.length >= settings.maxQueued) {
        log.error({ requestId: origin.requestId, mail: kind, queued: waiting.length }, `mail dropped: the outbox is full (${settings.maxQueued} waiting)`);
        audit.record({ type: 'mail.failed', origin, mail: kind, reason: 'outbox_full' });
        return;
      }
      waiting.push({ kind, origin, prepare });
      // After this turn of the event loop: the response is written first.
      setImmediate(pump);
    },
    idle,
    async close(timeoutMs) {
      let timer: NodeJS.Timeout | undefined;
      const timedOut = new Promise<'timeout'>((resolve) => {
        timer = setTimeout(() => resolve('timeout'), timeoutMs);
      });
      const outcome = await Promise.race([idle(), timedOut]);
      clearTimeout(timer);
      if (outcome === 'timeout') log.warn({ running, queued: waiting.length }, 'closing with mail still unsent');
      mailer.close();
    },
  };
}
