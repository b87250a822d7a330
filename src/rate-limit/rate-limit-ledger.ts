// What the rate limits said during one request, for the response headers.
// Kept beside the request (a WeakMap keyed by its context object, gone with
// it), not in the context itself, which stays what build-context made.

export interface LimitNote {
  readonly limit: number;
  readonly remaining: number;
  /** Epoch ms when the window closes. */
  readonly resetAt: number;
}

export interface RateLimitLedger {
  note(context: object, note: LimitNote): void;
  /** The tightest limit this request met (fewest remaining, then latest reset). */
  tightest(context: object): LimitNote | undefined;
}

const tighter = (a: LimitNote, b: LimitNote): LimitNote =>
  a.remaining !== b.remaining ? (a.remaining < b.remaining ? a : b) : a.resetAt >= b.resetAt ? a : b;

export function createRateLimitLedger(): RateLimitLedger {
  const notes = new WeakMap<object, LimitNote>();
  return {
    note(context, note) {
      const before = notes.get(context);
      notes.set(context, before ? tighter(before, note) : note);
    },
    tightest: (context) => notes.get(context),
  };
}
