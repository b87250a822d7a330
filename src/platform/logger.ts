import { pino, type DestinationStream, type Logger as PinoLogger } from 'pino';
import { redactSecrets } from './redact-secrets.js';

/** The logging surface the application uses; pino's, narrowed. */
export type Logger = Pick<PinoLogger, 'child' | 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'level' | 'isLevelEnabled'>;

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

export interface LoggerOptions {
  readonly level: LogLevel;
  readonly pretty: boolean;
  /** Where lines go; tests pass a stream to read them. Default: stdout. */
  readonly destination?: DestinationStream;
}

export function createLogger({ level, pretty, destination }: LoggerOptions): Logger {
  const options = {
    level,
    // ISO times read at a glance and sort as text; audit lines need no other clock.
    timestamp: pino.stdTimeFunctions.isoTime,
    // Secrets can reach a line through headers, GraphQL variables or error
    // details; they are censored here, at any depth, so no caller has to remember.
    formatters: { log: redactSecrets },
  };
  if (destination) return censorChildBindings(pino(options, destination));
  if (pretty) return censorChildBindings(pino({ ...options, transport: { target: 'pino-pretty', options: { colorize: true } } }));
  // Written synchronously: pino's default stdout stream writes asynchronously
  // and, when the process exits during a write (the last lines of a shutdown
  // under load), flushes what follows ahead of it, or loses it.
  return censorChildBindings(pino(options, pino.destination({ dest: 1, sync: true })));
}

// pino runs no formatter over a child's bindings; censor them on the way in.
// Children inherit this `child` from the root, so grandchildren are covered too.
function censorChildBindings(root: PinoLogger): PinoLogger {
  const makeChild = root.child;
  Object.defineProperty(root, 'child', {
    value: function child(this: PinoLogger, ...[bindings, options]: Parameters<PinoLogger['child']>) {
      return makeChild.call(this, redactSecrets(bindings), options);
    },
  });
  return root;
}
