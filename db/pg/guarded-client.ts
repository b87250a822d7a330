// The node-postgres client every pooled connection is made of, guarded four
// ways:
// - A connection that breaks makes its client emit 'error'; with no listener,
//   Node throws it and the process dies. The pool listens only while a client
//   is idle, so a connection lost while checked out (a transaction, such as a
//   refresh) would end the server. Each client here listens from birth.
// - node-postgres's query_timeout fails the waiting caller but leaves the
//   connection waiting for the answer (brianc/node-postgres#3399): every later
//   query on it, a transaction's ROLLBACK included, would wait the timeout out
//   again, and the pool would lend it out again. Here the socket is destroyed
//   at that moment, so the client fails all it holds at once and the pool
//   drops it ("Connection terminated").
// - drizzle runs a transaction's BEGIN before the try/finally that gives its
//   client back (drizzle-team/drizzle-orm#6241, open in 0.45): a BEGIN that
//   fails (a dead or silent connection) would keep the client checked out for
//   good, and ten of them would leave the pool empty for the life of the
//   process. Such a client is given back here, with the error, so the pool
//   drops it.
// - Until the schema is migrated, connecting fails at once with the refusal,
//   so no query meets a table that is not there yet.
import pg from 'pg';

/** Why a connection broke: the driver's message and SQLSTATE, nothing else. */
export interface ConnectionProblem {
  readonly message: string;
  readonly code: string | undefined;
}

/** The error itself carries the whole client, connection settings and all: only its message and code go on. */
export const problemOf = (error: Error & { code?: unknown }): ConnectionProblem => ({ message: error.message, code: typeof error.code === 'string' ? error.code : undefined });

export interface ClientGuards {
  /** Told when a connection breaks, idle or checked out. */
  readonly onError: (problem: ConnectionProblem) => void;
  /** While this returns an error, connecting fails with it without trying. */
  readonly refusal: () => Error | undefined;
}

// node-postgres's own message for query_timeout.
const readTimeoutMessage = 'Query read timeout';

/** drizzle's `begin` (a query config object), as its transactions send it. */
const isBegin = (config: unknown): boolean =>
  typeof config === 'object' && config !== null && 'text' in config && typeof config.text === 'string' && /^begin\b/i.test(config.text);

/** A client class for pg.Pool's `Client` option. */
export function guardedClient({ onError, refusal }: ClientGuards): typeof pg.Client {
  class GuardedClient extends pg.Client {
    constructor(config?: string | pg.ClientConfig) {
      super(config);
      this.on('error', (error) => onError(problemOf(error)));
    }

    override connect(): Promise<void>;
    override connect(callback: (error: Error) => void): void;
    override connect(callback?: (error: Error) => void): Promise<void> | void {
      const refused = refusal();
      if (refused === undefined) return callback ? super.connect(callback) : super.connect();
      if (!callback) return Promise.reject(refused);
      process.nextTick(() => callback(refused));
    }
  }
  // query() has a dozen typed overloads; this wraps them all alike. Only the
  // promise form needs it: the pool's own query() (callback form) gives the
  // client back with the error, which destroys it the same way.
  Reflect.defineProperty(GuardedClient.prototype, 'query', {
    value: function query(this: GuardedClient, ...args: unknown[]): unknown {
      const result: unknown = Reflect.apply(pg.Client.prototype.query, this, args);
      if (result instanceof Promise) result.catch((error: unknown) => afterFailure(this, error, args[0]));
      return result;
    },
  });
  return GuardedClient;
}

function afterFailure(client: pg.Client, error: unknown, config: unknown): void {
  if (error instanceof Error && error.message === readTimeoutMessage) client.connection.stream.destroy();
  // pg-pool gives a checked-out client its release(); drizzle will not call it after a failed BEGIN.
  if (isBegin(config) && 'release' in client && typeof client.release === 'function') {
    try {
      Reflect.apply(client.release, client, [error instanceof Error ? error : new Error(String(error))]);
    } catch {
      // Not checked out after all (a client used on its own): nothing to give back.
    }
  }
}
