// The outbox on its own, with the transport as the one stand-in (a mail
// server that holds every message until told): preparing never waits behind
// sending, its bounds drop mail with a log line and an audit event rather
// than grow, and nothing it does ends as an unhandled rejection.
import { Writable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Mailer, MailMessage } from '../../src/mail/mailer.js';
import { createOutbox, type PreparedMail } from '../../src/mail/outbox.js';
import { createAuditLog } from '../../src/platform/audit.js';
import { createLogger } from '../../src/platform/logger.js';
import type { RequestOrigin } from '../../src/platform/request-context.js';

const origin: RequestOrigin = { requestId: 'r-1', ip: '192.0.2.1', userAgent: undefined };
const message = (n: number): PreparedMail => ({ to: `u${n}@example.com`, subject: 's', text: 't', html: '<p>t</p>', subjectId: `user-${n}` });

/** A mail server that answers only when released. */
function heldMailer() {
  const sent: MailMessage[] = [];
  let releases: Array<() => void> = [];
  const mailer: Mailer = {
    send(mail) {
      return new Promise((resolve) => {
        releases.push(() => {
          sent.push(mail);
          resolve('sent');
        });
      });
    },
    close() {},
  };
  return {
    mailer,
    sent,
    holding: () => releases.length,
    releaseAll() {
      const waiting = releases;
      releases = [];
      for (const release of waiting) release();
    },
  };
}

describe('the outbox', () => {
  const lines: Array<Record<string, unknown>> = [];
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown) => unhandled.push(reason);
  const log = createLogger({ level: 'info', pretty: false, destination: new Writable({ write: (chunk: Buffer, _e, done) => (lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>), done()) }) });
  const audit = createAuditLog(log);
  const audited = (event: string) => lines.filter((l) => l['audit'] === true && l['event'] === event);
  const tick = () => new Promise((resolve) => setImmediate(resolve));

  beforeEach(() => {
    lines.length = 0;
    process.on('unhandledRejection', onUnhandled);
  });
  afterEach(() => {
    process.off('unhandledRejection', onUnhandled);
    expect(unhandled).toEqual([]);
  });

  it('prepares every job at once while the mail server holds each connection', async () => {
    const server = heldMailer();
    const outbox = createOutbox({ mailer: server.mailer, log, audit, settings: { concurrency: 2, maxQueued: 100 } });
    let lookups = 0;
    for (let n = 0; n < 5; n += 1) outbox.post('password_reset', origin, async () => message(n));
    for (let n = 0; n < 50; n += 1) {
      outbox.post('password_reset', origin, async () => {
        lookups += 1;
        return undefined; // an unknown address: nothing to send
      });
    }
    await tick();
    await tick();
    expect(lookups).toBe(50);
    expect(server.holding()).toBe(2); // the connections; three more wait their turn
    let idle = false;
    void outbox.idle().then(() => (idle = true));
    for (let round = 0; round < 3; round += 1) {
      server.releaseAll();
      await tick();
    }
    await outbox.idle();
    expect(idle).toBe(true);
    expect(server.sent.map((m) => m.to)).toEqual([0, 1, 2, 3, 4].map((n) => `u${n}@example.com`));
    expect(audited('mail.sent')).toHaveLength(5);
  });

  it('drops what is past its bounds, with a log line and an audit event, and goes on', async () => {
    const server = heldMailer();
    const outbox = createOutbox({ mailer: server.mailer, log, audit, settings: { concurrency: 1, maxQueued: 2 } });
    // Two preparing is the bound: a third is dropped at once, before it is even looked at.
    for (let n = 0; n < 3; n += 1) outbox.post('email_verification', origin, async () => message(n));
    expect(audited('mail.failed').map((e) => [e['reason'], e['subjectId']])).toEqual([['outbox_full', null]]);
    await tick();
    // One is with the mail server, one waits; one more may wait, the next has no room.
    for (const n of [3, 4]) {
      outbox.post('email_verification', origin, async () => message(n));
      await tick();
    }
    expect(audited('mail.failed').map((e) => [e['reason'], e['subjectId']])).toEqual([
      ['outbox_full', null],
      ['outbox_full', 'user-4'],
    ]);
    expect(lines.filter((l) => l['level'] === 50 && String(l['msg']).startsWith('mail dropped'))).toHaveLength(2);
    for (let round = 0; round < 4; round += 1) {
      server.releaseAll();
      await tick();
    }
    await outbox.idle();
    expect(server.sent.map((m) => m.to)).toEqual(['u0@example.com', 'u1@example.com', 'u3@example.com']);
  });

  it('logs and audits a job that fails to prepare or to send, never rejecting', async () => {
    const failing: Mailer = {
      send: async () => {
        throw Object.assign(new Error(`550 rejected: https://app.example/reset-password?token=pr_${'x'.repeat(43)}`), { code: 'EMESSAGE', responseCode: 550 });
      },
      close() {},
    };
    const outbox = createOutbox({ mailer: failing, log, audit, settings: { concurrency: 1, maxQueued: 10 } });
    outbox.post('password_reset', origin, async () => {
      throw new Error('database is down');
    });
    outbox.post('password_reset', origin, async () => message(7));
    await outbox.idle();
    expect(audited('mail.failed').map((e) => [e['reason'], e['subjectId']])).toEqual([
      ['Error', null],
      ['EMESSAGE', 'user-7'],
    ]);
    const errors = lines.filter((l) => l['level'] === 50);
    expect(errors.map((l) => l['message'])).toEqual(['database is down', '550 rejected: https://app.example/reset-password?token=[redacted]']);
  });

  it('closes once its mail is out, or after the bound with a warning', async () => {
    const server = heldMailer();
    const outbox = createOutbox({ mailer: server.mailer, log, audit, settings: { concurrency: 1, maxQueued: 10 } });
    outbox.post('password_changed', origin, async () => message(1));
    await tick();
    await outbox.close(50);
    expect(lines.some((l) => l['msg'] === 'closing with mail still unsent')).toBe(true);
    server.releaseAll();
    await outbox.idle();

    const quick = heldMailer();
    const second = createOutbox({ mailer: quick.mailer, log, audit, settings: { concurrency: 1, maxQueued: 10 } });
    second.post('password_changed', origin, async () => message(2));
    const closing = second.close(10_000);
    await tick();
    quick.releaseAll();
    await closing;
    expect(quick.sent).toHaveLength(1);
  });
});
