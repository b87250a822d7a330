// A store that cannot answer (Redis down, or too slow) must not let a request
// through unlimited. Any failure becomes RateLimitUnavailableError: the rules
// return it as the field's error (RATE_LIMITED with reason
// LIMITER_UNAVAILABLE, HTTP 503 when nothing else ran), and sign-in throttling
// throws it. Failures are logged at most once per interval, with how many
// there were, so an outage does not add a warning to every request.
import type { Clock } from '../platform/clock.js';
import { RateLimitUnavailableError } from '../platform/errors.js';
import type { Logger } from '../platform/logger.js';
import { throttledWarning } from '../platform/throttled-warning.js';
import type { RateLimitStore } from './rate-limit-store.js';

export function failClosed(store: RateLimitStore, { log, clock }: { log: Logger; clock: Clock }): RateLimitStore {
  const warn = throttledWarning({ log, clock, message: 'rate-limit store failed: refusing rate-limited fields' });

  async function guarded<T>(operation: () => Promise<T>): Promise<T> {
    try {
      return await operation();
    } catch (error) {
      warn(error);
      throw new RateLimitUnavailableError();
    }
  }

  return {
    hit: (key, windowMs) => guarded(() => store.hit(key, windowMs)),
    peek: (key) => guarded(() => store.peek(key)),
    reset: (key) => guarded(() => store.reset(key)),
    release: (key) => guarded(() => store.release(key)),
  };
}
