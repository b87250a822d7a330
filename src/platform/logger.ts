import { pino, type DestinationStream, type Logger as PinoLogger } from 'pino';

/** The logging surface the application uses; pino's, narrowed. */
export type Logger = Pick<PinoLogger, 'child' | 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'level'>;

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

// Secrets can reach a log line through headers, GraphQL variables or error
// details; every such path is censored here so no caller has to remember.
// pino's paths are exact ("*.password" is one level down, never the top level
// nor two levels down), so each secret key is listed at depths 0, 1 and 2, and
// test/platform/logger-redaction.test.ts pins every shape.
const secretKeys = ['password', 'currentPassword', 'newPassword', 'refreshToken', 'accessToken', 'token', 'authorization', 'cookie'];
export const redactedPaths: readonly string[] = [
  ...secretKeys.flatMap((key) => [key, `*.${key}`, `*.*.${key}`]),
  'headers["set-cookie"]',
  '*.headers["set-cookie"]',
  // Variables hold passwords and refresh tokens under names we cannot predict.
  'variables.*',
  '*.variables.*',
];

export interface LoggerOptions {
  readonly level: LogLevel;
  readonly pretty: boolean;
  /** Where lines go; tests pass a stream to read them. Default: stdout. */
  readonly destination?: DestinationStream;
}

export function createLogger({ level, pretty, destination }: LoggerOptions): Logger {
  // ISO times read at a glance and sort as text; audit lines need no other clock.
  const options = { level, timestamp: pino.stdTimeFunctions.isoTime, redact: { paths: [...redactedPaths], censor: '[redacted]' } };
  if (destination) return pino(options, destination);
  if (pretty) return pino({ ...options, transport: { target: 'pino-pretty', options: { colorize: true } } });
  return pino(options);
}
