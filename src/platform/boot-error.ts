// Why the server cannot start, in words for the person starting it.
/**
 * A failure at start that a person can fix: a setting (ConfigError), a key,
 * a declaration in the SDL, the database file, a port in use. main.ts prints
 * the message as it is and exits 1; anything else failing at start is a bug,
 * printed with its stack.
 */
export class BootError extends Error {
  override readonly name: string = 'BootError';
}

/** What main.ts prints after "Cannot start: ": a BootError's message, else the stack that locates the bug. */
export const bootFailureText = (error: unknown): string =>
  error instanceof BootError ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error);
