import { pino, type DestinationStream, type Logger as PinoLogger } from 'pino';

/** The logging surface the application uses; pino's, narrowed. */
export type Logger = Pick<PinoLogger, 'child' | 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'level'>;

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

// Secrets can reach a log line through headers, GraphQL variables or error
// details; every such path is censored here so no caller has to remember.
export const redactedPaths = [
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  'headers.authorization',
  'headers.cookie',
  '*.password',
  '*.currentPassword',
  '*.newPassword',
  '*.refreshToken',
  '*.accessToken',
  '*.token',
  'variables.*',
];

export interface LoggerOptions {
  readonly level: LogLevel;
  readonly pretty: boolean;
  /** Where lines go; tests pass a stream to read them. Default: stdout. */
  readonly destination?: DestinationStream;
}

export function createLogger({ level, pretty, destination }: LoggerOptions): Logger {
  const options = { level, redact: { paths: redactedPaths, censor: '[redacted]' } };
  if (destination) return pino(options, destination);
  if (pretty) return pino({ ...options, transport: { target: 'pino-pretty', options: { colorize: true } } });
  return pino(options);
}
