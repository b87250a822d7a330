// Session invalidations over Redis pub/sub, channel `<prefix>session-changes`.
// Every instance publishes the sessions it ends and the users it changes, and
// applies what the others publish to its liveness cache.
//
// Fail safe: the channel is trusted only from the moment Redis confirms the
// subscription until the subscriber connection closes. Outside that, nothing
// is cached (every request asks the database), and both edges forget
// everything cached, because messages sent in between were missed. A
// connection that dies silently, without closing, is the one case left: its
// answers go stale for at most SESSION_CACHE_TTL, as without Redis.
import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { isId, type SessionId, type UserId } from '../platform/ids.js';
import type { Logger } from '../platform/logger.js';
import type { SessionChange, SessionInvalidations } from './session-invalidations.js';

export interface RedisSessionInvalidationsDeps {
  readonly commands: Redis;
  readonly subscriber: Redis;
  readonly prefix: string;
  readonly log: Logger;
}

export function createRedisSessionInvalidations({ commands, subscriber, prefix, log }: RedisSessionInvalidationsDeps): SessionInvalidations {
  const channel = `${prefix}session-changes`;
  // Our own messages come back on the channel; this instance has applied them already.
  const instance = randomUUID();
  let listening = false;
  let apply: (change: SessionChange) => void = () => {};

  const startListening = () => {
    subscriber.subscribe(channel).then(
      () => {
        listening = true;
        apply({ kind: 'all' });
      },
      (error: unknown) => log.warn({ err: error }, 'cannot subscribe to session changes; retrying on the next reconnect'),
    );
  };
  subscriber.on('ready', startListening);
  if (subscriber.status === 'ready') startListening();
  subscriber.on('close', () => {
    if (!listening) return;
    listening = false;
    apply({ kind: 'all' });
  });
  subscriber.on('message', (from: string, text: string) => {
    if (from !== channel) return;
    const change = parseMessage(text, instance);
    if (change) apply(change);
  });

  return {
    get listening() {
      return listening;
    },
    async publish(change) {
      try {
        await commands.publish(channel, JSON.stringify({ ...change, from: instance }));
      } catch (error) {
        // The change itself is in the database already; only the others' caches lag.
        log.warn({ err: error, change }, 'could not publish a session change; other instances see it within SESSION_CACHE_TTL');
      }
    },
    subscribe(handler) {
      apply = handler;
    },
  };
}

/** The change in a message from another instance; undefined for our own or a malformed one. */
function parseMessage(text: string, self: string): SessionChange | undefined {
  let message: unknown;
  try {
    message = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof message !== 'object' || message === null) return undefined;
  const { kind, id, from } = message as Record<string, unknown>;
  if (from === self || typeof id !== 'string' || !isId(id)) return undefined;
  if (kind === 'session') return { kind, id: id as SessionId };
  if (kind === 'user') return { kind, id: id as UserId };
  return undefined;
}
