// Confirmations of a published message, counted whichever arrives first: the
// confirmations (on the subscriber connection) or the number expected (from
// PUBLISH's reply on the other connection); and a bounded wait for stragglers.
import { describe, expect, it } from 'vitest';
import { createAcknowledgements } from '../../src/services/acknowledgements.js';

describe('acknowledgements', () => {
  it('resolves once as many confirmed as expected, in either order', async () => {
    const acks = createAcknowledgements(60_000);
    const first = acks.expect('1');
    acks.received('1');
    const waiting = first(2);
    acks.received('1');
    await expect(waiting).resolves.toBe(0);

    const second = acks.expect('2');
    acks.received('2');
    acks.received('2');
    await expect(second(2)).resolves.toBe(0);
  });

  it('gives up after the timeout and says how many are missing', async () => {
    const acks = createAcknowledgements(20);
    const confirmed = acks.expect('1');
    acks.received('1');
    await expect(confirmed(3)).resolves.toBe(2);
  });

  it('ignores confirmations of messages it is not counting', async () => {
    const acks = createAcknowledgements(20);
    acks.received('unknown');
    const confirmed = acks.expect('1');
    acks.forget('1');
    acks.received('1');
    const other = acks.expect('2');
    await expect(other(0)).resolves.toBe(0);
    await expect(confirmed(1)).resolves.toBe(1);
  });
});
