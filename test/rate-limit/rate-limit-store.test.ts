// The in-process counter store: atomic counts, fixed windows on the injected
// clock, and a hard bound on how many keys it holds.
import { describe, expect, it } from 'vitest';
import { createMemoryRateLimitStore } from '../../src/rate-limit/rate-limit-store.js';
import { createFakeClock } from '../helpers/fake-clock.js';

describe('memory rate-limit store', () => {
  it('counts hits in a window that opens at the first hit and closes windowMs later', async () => {
    const clock = createFakeClock(1_000_000);
    const store = createMemoryRateLimitStore({ clock, maxKeys: 10 });
    expect(await store.hit('k', 60_000)).toEqual({ count: 1, resetAt: 1_060_000 });
    clock.advance(59_999);
    expect(await store.hit('k', 60_000)).toEqual({ count: 2, resetAt: 1_060_000 });
    clock.advance(1);
    expect(await store.peek('k')).toBeUndefined();
    expect(await store.hit('k', 60_000)).toEqual({ count: 1, resetAt: 1_120_000 });
  });

  it('gives every one of many simultaneous hits its own count', async () => {
    const store = createMemoryRateLimitStore({ clock: createFakeClock(), maxKeys: 10 });
    const counts = (await Promise.all(Array.from({ length: 100 }, () => store.hit('same', 1000)))).map((s) => s.count);
    expect(counts.sort((a, b) => a - b)).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
  });

  it('holds at most maxKeys keys, dropping the least recently used, never the one in use', async () => {
    const store = createMemoryRateLimitStore({ clock: createFakeClock(), maxKeys: 1000 });
    await store.hit('attacker', 60_000);
    for (let i = 0; i < 10_000; i += 1) {
      await store.hit(`flood-${i}`, 60_000);
      if (i % 500 === 0) await store.hit('attacker', 60_000); // still hammering: stays recent
    }
    expect(store.size).toBeLessThanOrEqual(1000);
    expect((await store.peek('attacker'))?.count).toBe(21);
    expect(await store.peek('flood-0')).toBeUndefined();
    expect(await store.peek('flood-9999')).toBeDefined();
  });

  it('peeks without counting and forgets on reset', async () => {
    const store = createMemoryRateLimitStore({ clock: createFakeClock(), maxKeys: 10 });
    await store.hit('k', 1000);
    await store.peek('k');
    expect((await store.peek('k'))?.count).toBe(1);
    await store.reset('k');
    expect(await store.peek('k')).toBeUndefined();
  });
});
