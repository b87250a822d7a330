// Where rate-limit counters live. One atomic operation does the work: count a
// hit and say where the window stands. graphql-rate-limit's Store is a read
// followed by a write, so two concurrent requests can both read "4 of 5" and
// both pass; here the count and the decision come from one step, and a Redis
// implementation does the same step as one script.
import QuickLRU from 'quick-lru';
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
  /** Takes one hit back from `key`'s open window, never below zero (a sign-in counted before its hash, that turned out right). */
  release(key: string): Promise<void>;
}

interface Entry {
  count: number;
  readonly resetAt: number;
}

/**
 * In-process store, bounded: at most `maxKeys` windows are kept, in quick-lru's
 * two generations (each of `maxKeys / 2`): new and recently used keys go to
 * the young one; when it is full, the old generation is dropped whole and the
 * young one becomes old. A key hit again while old moves back to young, so a
 * key being hammered is never the one dropped; a key idle while `maxKeys / 2`
 * newer keys arrived starts again from zero. A flood of distinct identities
 * therefore costs a fixed amount of memory, and every operation stays O(1)
 * (a single Map with LRU re-insertion slows to a crawl once it is full, as V8
 * walks the deleted slots at its front on every eviction). Windows close on
 * the injected clock, so quick-lru's own maxAge (Date.now) is not used.
 */
export function createMemoryRateLimitStore({ clock, maxKeys }: { clock: Clock; maxKeys: number }): RateLimitStore & { readonly size: number } {
  const windows = new QuickLRU<string, Entry>({ maxSize: Math.max(1, Math.floor(maxKeys / 2)) });

  /** The open window of `key` (now among the young); an expired one is dropped. */
  function live(key: string, now: number): Entry | undefined {
    const entry = windows.get(key);
    if (entry === undefined || entry.resetAt > now) return entry;
    windows.delete(key);
    return undefined;
  }

  // Every method is synchronous inside: no await between reading and writing a
  // count, so concurrent requests in this process cannot interleave there.
  return {
    /** Windows held, counted: quick-lru's own size stops at one generation's. */
    get size() {
      return [...windows.keys()].length;
    },
    async hit(key, windowMs) {
      const now = clock.now();
      const entry = live(key, now);
      if (entry) {
        entry.count += 1;
        return { count: entry.count, resetAt: entry.resetAt };
      }
      const fresh: Entry = { count: 1, resetAt: now + windowMs };
      windows.set(key, fresh);
      return { count: 1, resetAt: fresh.resetAt };
    },
    async peek(key) {
      const entry = live(key, clock.now());
      return entry ? { count: entry.count, resetAt: entry.resetAt } : undefined;
    },
    async reset(key) {
      windows.delete(key);
    },
    async release(key) {
      const entry = live(key, clock.now());
      if (entry && entry.count > 0) entry.count -= 1;
    },
  };
}
