// Counts the confirmations of published messages, so a publisher can wait
// until everyone who received a message has acted on it, for a bounded time.
// Confirmations may arrive before the publisher knows how many to expect
// (they come on another connection than PUBLISH's reply), so both orders work.

export interface Acknowledgements {
  /**
   * Starts counting confirmations of `seq`. Call the result with how many are
   * expected; it resolves once that many arrived, or after the timeout, to how
   * many are still missing.
   */
  expect(seq: string): (expected: number) => Promise<number>;
  received(seq: string): void;
  /** Stops counting `seq` (its publish failed, or nobody can confirm it). */
  forget(seq: string): void;
}

interface Pending {
  count: number;
  expected: number;
  settle?: () => void;
}

export function createAcknowledgements(timeoutMs: number): Acknowledgements {
  const pending = new Map<string, Pending>();
  return {
    expect(seq) {
      const entry: Pending = { count: 0, expected: Number.POSITIVE_INFINITY };
      pending.set(seq, entry);
      return (expected) =>
        new Promise((resolve) => {
          const settle = () => {
            clearTimeout(timer);
            pending.delete(seq);
            resolve(Math.max(0, expected - entry.count));
          };
          const timer = setTimeout(settle, timeoutMs);
          entry.expected = expected;
          entry.settle = settle;
          if (entry.count >= expected) settle();
        });
    },
    received(seq) {
      const entry = pending.get(seq);
      if (!entry) return;
      entry.count += 1;
      if (entry.count >= entry.expected) entry.settle?.();
    },
    forget(seq) {
      pending.delete(seq);
    },
  };
}
