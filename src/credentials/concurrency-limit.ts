export class QueueFullError extends Error {
  override readonly name = 'QueueFullError';
}

/**
 * Runs at most `max` tasks at once; the rest wait in arrival order, at most
 * `maxWaiting` of them: past that a task is refused at once (QueueFullError)
 * rather than queued behind a flood it could never get through in time.
 */
export function createConcurrencyLimit(max: number, maxWaiting = Number.POSITIVE_INFINITY) {
  let running = 0;
  const waiting: Array<() => void> = [];
  return async <T>(task: () => Promise<T>): Promise<T> => {
    if (running < max) running += 1;
    else if (waiting.length >= maxWaiting) throw new QueueFullError(`${maxWaiting} tasks already waiting`);
    else await new Promise<void>((resolve) => waiting.push(resolve)); // the finisher hands its slot over
    try {
      return await task();
    } finally {
      const next = waiting.shift();
      if (next) next();
      else running -= 1;
    }
  };
}
