import { describe, expect, it } from 'vitest';
import { createConcurrencyLimit, QueueFullError } from '../../src/credentials/concurrency-limit.js';

const gate = () => {
  let open = () => undefined as void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
};

describe('createConcurrencyLimit', () => {
  it('runs `max` at once, queues up to `maxWaiting`, refuses the rest at once, and runs the queued in order', async () => {
    const limit = createConcurrencyLimit(1, 2);
    const first = gate();
    const order: string[] = [];
    const running = limit(async () => {
      await first.opened;
      order.push('first');
    });
    const queued = [limit(async () => order.push('second')), limit(async () => order.push('third'))];
    await expect(limit(async () => order.push('fourth'))).rejects.toBeInstanceOf(QueueFullError);
    expect(order).toEqual([]);
    first.open();
    await Promise.all([running, ...queued]);
    expect(order).toEqual(['first', 'second', 'third']);
    await limit(async () => order.push('after'));
    expect(order.at(-1)).toBe('after');
  });
});
