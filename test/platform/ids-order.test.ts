import { afterEach, describe, expect, it, vi } from 'vitest';
import { isId, newId } from '../../src/platform/ids.js';

describe('newId', () => {
  afterEach(() => vi.useRealTimers());

  it('sorts in creation order within one millisecond and when the clock steps back', () => {
    // Only Date is faked: ids take their time from the wall clock.
    vi.useFakeTimers({ toFake: ['Date'] });
    const now = Date.UTC(2030, 0, 1);
    const at = (ms: number) => (vi.setSystemTime(ms), newId());
    const made = [...Array.from({ length: 5000 }, () => at(now)), at(now - 60_000), at(now + 1)];
    expect(made.every(isId)).toBe(true);
    expect(new Set(made).size).toBe(made.length);
    expect([...made].sort()).toEqual(made);
    // The id made after the step back keeps the later time instead of going back with the clock.
    const msOf = (id: string | undefined) => parseInt(`${id?.slice(0, 8)}${id?.slice(9, 13)}`, 16);
    expect([made[0], made[5000], made[5001]].map(msOf)).toEqual([now, now, now + 1]);
  });

  it('keeps the version and variant bits of a UUIDv7', () => {
    expect(newId()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
