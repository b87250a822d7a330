// All password hashing: argon2id at or above OWASP's minimum (m=19 MiB, t=2,
// p=1). argon2 runs on libuv's thread pool, off the event loop; a bound on
// concurrent hashes keeps a login storm from taking every core from requests.
import argon2 from 'argon2';
import { RateLimitedError } from '../platform/errors.js';
import { createConcurrencyLimit, QueueFullError } from './concurrency-limit.js';

export interface PasswordHasher {
  hash(password: string): Promise<string>;
  verify(hash: string, password: string): Promise<boolean>;
  /** Same cost as verify() against a real hash, for an email with no account. */
  verifyNothing(password: string): Promise<false>;
}

export const argon2Options = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export interface PasswordHasherSettings {
  /** Hashes computed at once. */
  readonly concurrency: number;
  /** Hashes waiting for a turn at most; past that, RATE_LIMITED at once (retry in a second). */
  readonly maxQueued?: number;
}

export function createPasswordHasher({ concurrency, maxQueued }: PasswordHasherSettings): PasswordHasher {
  const queue = createConcurrencyLimit(concurrency, maxQueued);
  // A full queue is the server saying "not now": the client learns when to retry.
  const limit = <T>(task: () => Promise<T>): Promise<T> =>
    queue(task).catch((error: unknown) => {
      throw error instanceof QueueFullError ? new RateLimitedError(1) : error;
    });
  let dummyHash: Promise<string> | undefined;
  const verify = (hash: string, password: string) =>
    limit(async () => {
      try {
        return await argon2.verify(hash, password);
      } catch {
        return false; // a corrupt stored hash is a failed login, not a 500
      }
    });
  return {
    hash: (password) => limit(() => argon2.hash(password, argon2Options)),
    verify,
    async verifyNothing(password) {
      // Made once, through the same bound as every other hash; a failure is
      // not kept, so the next unknown email tries again instead of failing forever.
      dummyHash ??= limit(() => argon2.hash('no such account: timing equaliser', argon2Options)).catch((error: unknown) => {
        dummyHash = undefined;
        throw error;
      });
      await verify(await dummyHash, password);
      return false;
    },
  };
}
