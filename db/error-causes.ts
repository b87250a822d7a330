// A driver error is often wrapped: drizzle wraps every failed query in a
// DrizzleQueryError whose `cause` is what the driver threw. Deciding what a
// failure means walks the whole chain.

/** `error`, then its cause, its cause's cause… (at most a few deep). */
export function* causesOf(error: unknown): Generator<unknown> {
  let current: unknown = error;
  for (let depth = 0; depth < 8 && current !== undefined && current !== null; depth += 1) {
    yield current;
    current = typeof current === 'object' && 'cause' in current ? current.cause : undefined;
  }
}

/** The `code` and `message` of something thrown, where it has them. */
export function codeAndMessage(error: unknown): { code: string | undefined; message: string } {
  if (typeof error !== 'object' || error === null) return { code: undefined, message: String(error) };
  const code = 'code' in error && typeof error.code === 'string' ? error.code : undefined;
  return { code, message: error instanceof Error ? error.message : '' };
}
