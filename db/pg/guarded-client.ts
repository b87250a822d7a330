// The node-postgres client every pooled connection is made of. A connection
// that breaks makes its client emit 'error'; with no listener, Node throws it
// and the process dies. The pool listens only while a client is idle, so a
// connection lost while checked out (a transaction, such as a refresh) would
// end the server. Each client here listens from the moment it exists.
import pg from 'pg';

/** Why a connection broke: the driver's message and SQLSTATE, nothing else. */
export interface ConnectionProblem {
  readonly message: string;
  readonly code: string | undefined;
}

/** The error itself carries the whole client, connection settings and all: only its message and code go on. */
export const problemOf = (error: Error & { code?: unknown }): ConnectionProblem => ({ message: error.message, code: typeof error.code === 'string' ? error.code : undefined });

/** A client class for pg.Pool's `Client` option whose every instance reports a broken connection to `onError` instead of crashing. */
export function guardedClient(onError: (problem: ConnectionProblem) => void): typeof pg.Client {
  return class GuardedClient extends pg.Client {
    constructor(config?: string | pg.ClientConfig) {
      super(config);
      this.on('error', (error) => onError(problemOf(error)));
    }
  };
}
