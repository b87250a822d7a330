// Session invalidations over Redis pub/sub, channel `<prefix>session-changes`.
// Every instance publishes the sessions it ends and the users it changes, and
// applies what the others publish to its liveness cache.
//
// "Seen on the next request" is made certain, not likely: every subscriber
// (the publisher's own included) confirms each message on the publisher's
// ack channel once it has applied it, PUBLISH says how many subscribers got
// it, and publish() resolves when that many have confirmed, so the request
// that ended a session answers only after every listening instance has
// dropped it. An instance too slow to confirm within the wait (the command
// timeout) is logged and left to SESSION_CACHE_TTL.
//
// Fail safe: the channel is trusted only from the moment Redis confirms the
// subscription until the subscriber connection closes. Outside that, nothing
// is cached (every request asks the database), and both edges forget
// everything cached, because messages sent in between were missed. A
// connection that dies silently, without closing, is the one case left: its
// answers go stale for at most SESSION_CACHE_TTL, as without Redis.
import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { isId, type ApiKeyId, type SessionId, type UserId } from '../platform/ids.js';
import type { Logger } from '../platform/logger.js';
import { createAcknowledgements } from './acknowledgements.js';
import type { SessionChange, SessionInvalidations } from './session-invalidations.js';

export interface RedisSessionInvalidationsDeps {
  readonly commands: Redis;
  readonly subscriber: Redis;
  readonly prefix: string;
  readonly log: Logger;
  /** How long publish() waits for every subscriber to confirm. */
  readonly ackTimeoutMs: number;
}

interface Message {
  readonly change: Exclude<SessionChange, { kind: 'all' }>;
  /** The publishing instance, which waits for the confirmations on its ack channel. */
  readonly from: string;
  /** Numbers the publisher's messages, for their confirmations. */
  readonly seq: string;
}

const resubscribeDelayMs = 500;

export function createRedisSessionInvalidations({ commands, subscriber, prefix, log, ackTimeoutMs }: RedisSessionInvalidationsDeps): SessionInvalidations {
  const channel = `${prefix}session-changes`;
  const ackChannel = (instance: string) => `${channel}:ack:${instance}`;
  const instance = randomUUID();
  const acks = createAcknowledgements(ackTimeoutMs);
  let sequence = 0;
  let listening = false;
  let apply: (change: SessionChange) => void = () => {};

  // A SUBSCRIBE that times out on a live connection (a slow moment, not a
  // lost link) is tried again on that connection: waiting for a reconnect
  // that never comes would leave this instance unready for good.
  let retry: NodeJS.Timeout | undefined;
  const startListening = () => {
    clearTimeout(retry);
    subscriber.subscribe(channel, ackChannel(instance)).then(
      () => {
        listening = true;
        apply({ kind: 'all' });
      },
      (error: unknown) => {
        log.warn({ err: error }, 'cannot subscribe to session changes; trying again');
        if (subscriber.status === 'ready') retry = setTimeout(startListening, resubscribeDelayMs).unref();
      },
    );
  };
  subscriber.on('ready', startListening);
  if (subscriber.status === 'ready') startListening();
  subscriber.on('close', () => {
    clearTimeout(retry);
    if (!listening) return;
    listening = false;
    apply({ kind: 'all' });
  });
  subscriber.on('message', (from: string, text: string) => {
    if (from === ackChannel(instance)) return acks.received(text);
    if (from !== channel) return;
    const message = parseMessage(text);
    if (!message) return;
    if (message.from !== instance) apply(message.change); // our own is applied already
    commands.publish(ackChannel(message.from), message.seq).catch(() => {}); // the publisher logs what is missing
  });

  return {
    get listening() {
      return listening;
    },
    async publish(change) {
      const seq = `${(sequence += 1)}`;
      const confirmed = acks.expect(seq);
      try {
        const receivers = await commands.publish(channel, JSON.stringify({ ...change, from: instance, seq }));
        // Confirmations arrive on our subscriber; without it, none can be heard.
        if (!listening) return acks.forget(seq);
        const missing = await confirmed(receivers);
        if (missing > 0) log.warn({ change, missing }, 'not every instance confirmed a session change in time; they see it within SESSION_CACHE_TTL');
      } catch (error) {
        acks.forget(seq);
        // The change itself is in the database already; only the others' caches lag.
        log.warn({ err: error, change }, 'could not publish a session change; other instances see it within SESSION_CACHE_TTL');
      }
    },
    subscribe(handler) {
      apply = handler;
    },
  };
}

/** A message as another instance (or this one) sent it; undefined if malformed. */
function parseMessage(text: string): Message | undefined {
  let message: unknown;
  try {
    message = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof message !== 'object' || message === null) return undefined;
  const { kind, id, from, seq } = message as Record<string, unknown>;
  if (typeof from !== 'string' || !isId(from) || typeof seq !== 'string' || typeof id !== 'string' || !isId(id)) return undefined;
  if (kind === 'session') return { change: { kind, id: id as SessionId }, from, seq };
  if (kind === 'user') return { change: { kind, id: id as UserId }, from, seq };
  if (kind === 'apiKey') return { change: { kind, id: id as ApiKeyId }, from, seq };
  return undefined;
}
