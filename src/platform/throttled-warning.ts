// A failure that every request meets during an outage is logged at most once
// per interval, with how many there were since the last line, so an outage
// adds one warning every few seconds rather than one per request.
import type { Clock } from './clock.js';
import type { Logger } from './logger.js';

const defaultEveryMs = 10_000;

/** Call it at every failure; it writes `message` with `err` and `failures` when the interval has passed. */
export function throttledWarning({ log, clock, message, everyMs = defaultEveryMs }: { log: Logger; clock: Clock; message: string; everyMs?: number }): (error: unknown) => void {
  let lastLoggedAt = Number.NEGATIVE_INFINITY;
  let unlogged = 0;
  return (error) => {
    unlogged += 1;
    const now = clock.now();
    if (now - lastLoggedAt < everyMs) return;
    log.warn({ err: error, failures: unlogged }, message);
    lastLoggedAt = now;
    unlogged = 0;
  };
}
