// Where rate-limit counters live. One atomic operation does the work: count a
// hit and say where the window stands. graphql-rate-limit's Store is a read
// followed by a write, so two concurrent requests can both read "4 of 5" and
// both pass; here the count and the decision come from one step, and a Redis
// implementation does the same step as one script.
import type { Clock } from '../platform/clock.js';

export interface WindowState {
  /** Hits in the current window, this one included. */
  readonly count: number;
  /** Epoch ms when the window closes and the count starts again from zero. */
  readonly resetAt: number;
}

export interface RateLimitStore {
  /**
   * Atomically counts one hit on `key`. If no window is open for it, a new one
   * of `windowMs` opens now (a fixed window that starts at the first hit).
   */
  hit(key: string, windowMs: number): Promise<WindowState>;
  /** The open window of `key`, without counting; undefined if none is open. */
  peek(key: string): Promise<WindowState | undefined>;
  /** Forgets `key` (a successful sign-in clears its failures). */
  reset(key: string): Promise<void>;
}

interface Entry {
  count: number;
  resetAt: number;
}

/**
 * In-process store, bounded: at most `maxKeys` windows are kept, and when a
 * new key arrives at the bound the least recently used one is dropped. A flood
 * of distinct identities therefore costs a fixed amount of memory; the price is
 * that a key idle for longer than `maxKeys` newer keys took to arrive starts
 * again from zero. A key being hammered is always recent, so it is never the
 * one evicted. Expired windows are replaced in place when their key returns.
 */
export function createMemoryRateLimitStore({ clock, maxKeys }: { clock: Clock; maxKeys: number }): RateLimitStore & { readonly size: number } {
  // A Map iterates in insertion order: re-inserting on use keeps the least
  // recently used key first, which makes eviction O(1).
  const entries = new Map<string, Entry>();

  function live(key: string, now: number): Entry | undefined {
    const entry = entries.get(key);
    if (entry === undefined) return undefined;
    if (entry.resetAt <= now) {
      entries.delete(key);
      return undefined;
    }
    return entry;
  }

  // Every method is synchronous inside: no await between reading and writing a
  // count, so concurrent requests in this process cannot interleave there.
  return {
    get size() {
      return entries.size;
    },
    async hit(key, windowMs) {
      const now = clock.now();
      const entry = live(key, now);
      if (entry) {
        entry.count += 1;
        entries.delete(key);
        entries.set(key, entry);
        return { count: entry.count, resetAt: entry.resetAt };
      }
      if (entries.size >= maxKeys) {
        const oldest = entries.keys().next();
        if (oldest.done !== true) entries.delete(oldest.value);
      }
      const fresh: Entry = { count: 1, resetAt: now + windowMs };
      entries.set(key, fresh);
      return { count: fresh.count, resetAt: fresh.resetAt };
    },
    async peek(key) {
      const entry = live(key, clock.now());
      return entry ? { count: entry.count, resetAt: entry.resetAt } : undefined;
    },
    async reset(key) {
      entries.delete(key);
    },
  };
}
