// All password hashing: argon2id at or above OWASP's minimum (m=19 MiB, t=2,
// p=1), on threads of its own at a lower CPU priority (hashing-threads.ts). A
// bound on concurrent hashes keeps a login storm from taking every core, and
// the queue behind it sheds untrusted work first and fairly (fair-hashing-queue.ts).
import { RateLimitedError } from '../platform/errors.js';
import { createFairHashingQueue, QueueFullError, trustedLane, type HashLane } from './fair-hashing-queue.js';
import { createHashingThreads } from './hashing-threads.js';

/** `lane` says whose work it is (default trusted: the CLI, a signed-in user); see fair-hashing-queue.ts. */
export interface PasswordHasher {
  hash(password: string, lane?: HashLane): Promise<string>;
  verify(hash: string, password: string, lane?: HashLane): Promise<boolean>;
  /** Same cost as verify() against a real hash, for an email with no account. */
  verifyNothing(password: string, lane?: HashLane): Promise<false>;
  /** Ends the hashing threads; hashes in flight and any later call fail. */
  close(): Promise<void>;
}

/** @node-rs/argon2's options; algorithm 2 is Argon2id (its enum is const, so not importable). */
export const argon2Options = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export interface PasswordHasherSettings {
  /** Hashes computed at once, each on its own thread. */
  readonly concurrency: number;
  /** Untrusted hashes waiting for a turn at most (trusted ones wait apart); past that, RATE_LIMITED at once (retry in a second). */
  readonly maxQueued?: number;
  /** Told when a hashing thread could not lower its priority. */
  readonly onWarning?: (message: string) => void;
}

export function createPasswordHasher({ concurrency, maxQueued, onWarning }: PasswordHasherSettings): PasswordHasher {
  const threads = createHashingThreads(concurrency, argon2Options, onWarning);
  const queue = createFairHashingQueue(concurrency, maxQueued);
  // A full queue is the server saying "not now": the client learns when to retry.
  const limit = <T>(lane: HashLane, task: () => Promise<T>): Promise<T> =>
    queue(lane, task).catch((error: unknown) => {
      throw error instanceof QueueFullError ? new RateLimitedError(1) : error;
    });
  const hash = (password: string, lane = trustedLane) => limit(lane, async () => (await threads.run({ op: 'hash', password })) as string);
  // A corrupt or unaffordable stored hash verifies as false: a failed login, not a 500.
  const verify = (stored: string, password: string, lane = trustedLane) => limit(lane, async () => (await threads.run({ op: 'verify', hash: stored, password })) === true);
  let dummyHash: Promise<string> | undefined;
  return {
    hash,
    verify,
    async verifyNothing(password, lane = trustedLane) {
      // Made once, through the same bound as every other hash; a failure is
      // not kept, so the next unknown email tries again instead of failing forever.
      dummyHash ??= hash('no such account: timing equaliser').catch((error: unknown) => {
        dummyHash = undefined;
        throw error;
      });
      await verify(await dummyHash, password, lane);
      return false;
    },
    close: () => threads.close(),
  };
}
