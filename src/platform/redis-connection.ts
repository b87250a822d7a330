// The connections to Redis, set up to fail fast rather than wait: while Redis
// is unreachable a command fails at once (no offline queue), a command without
// a reply fails after REDIS_COMMAND_TIMEOUT, and a command in flight when the
// connection drops fails instead of being replayed later (a replayed counter
// hit would count a request nobody is waiting for). The clients reconnect on
// their own, forever, backing off to at most 2 s between attempts, so the
// server recovers without a restart when Redis returns.
import { Redis, type RedisOptions } from 'ioredis';
import type { RedisSettings } from './config.js';
import type { Logger } from './logger.js';

export interface RedisConnection {
  /** For commands: counters, PUBLISH, PING. */
  readonly commands: Redis;
  /** For SUBSCRIBE only: Redis gives a subscribed connection to nothing else. */
  readonly subscriber: Redis;
  /** True when Redis answers PING within the command timeout; never throws. */
  ping(): Promise<boolean>;
  /** Drops both connections at once; nothing waits on them any more. */
  close(): void;
}

const maxReconnectDelayMs = 2_000;
// How long the start waits for a first connection; past that it goes on
// without (rate-limited fields refused, /readyz 503) and keeps trying.
const startWaitMs = 2_000;

export async function openRedis(settings: RedisSettings, log: Logger): Promise<RedisConnection> {
  const options: RedisOptions = {
    connectionName: `${settings.keyPrefix}server`,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    autoResendUnfulfilledCommands: false,
    // The subscriber subscribes itself on every 'ready' and only then trusts
    // the channel (services/redis-session-invalidations.ts).
    autoResubscribe: false,
    commandTimeout: settings.commandTimeoutMs,
    connectTimeout: Math.max(settings.commandTimeoutMs, 1_000),
    retryStrategy: (attempt) => Math.min(50 * 2 ** Math.min(attempt, 10), maxReconnectDelayMs),
  };
  const commands = new Redis(settings.url, options);
  const subscriber = new Redis(settings.url, { ...options, connectionName: `${settings.keyPrefix}subscriber` });
  let closing = false;
  watch(commands, 'commands', log, () => closing);
  watch(subscriber, 'subscriber', log, () => closing);
  await Promise.all([firstAttempt(commands), firstAttempt(subscriber)]);
  return {
    commands,
    subscriber,
    async ping() {
      try {
        return (await commands.ping()) === 'PONG';
      } catch {
        return false;
      }
    },
    close() {
      closing = true;
      commands.disconnect();
      subscriber.disconnect();
    },
  };
}

/** Logs each change between reachable and not once, not every reconnect attempt. */
function watch(client: Redis, role: string, log: Logger, closing: () => boolean): void {
  let state: 'starting' | 'up' | 'down' = 'starting';
  const down = (error: unknown) => {
    if (state === 'down' || closing()) return;
    state = 'down';
    log.warn({ redis: role, err: error }, 'redis unreachable: rate-limited fields are refused and session checks skip the cache until it returns');
  };
  client.on('ready', () => {
    if (state === 'down') log.info({ redis: role }, 'redis reachable again');
    state = 'up';
  });
  // Without an 'error' listener ioredis would print every failed attempt to the console.
  client.on('error', down);
  client.on('close', () => {
    if (state === 'up') down(new Error('connection closed'));
  });
}

/** Resolves once the client is ready, has failed or lost its first connection, or startWaitMs has passed. */
function firstAttempt(client: Redis): Promise<void> {
  if (client.status === 'ready') return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      for (const event of ['ready', 'error', 'close']) client.off(event, done);
      resolve();
    };
    const timer = setTimeout(done, startWaitMs);
    for (const event of ['ready', 'error', 'close']) client.once(event, done);
  });
}
