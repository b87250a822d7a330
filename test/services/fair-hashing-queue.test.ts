// The queue in front of the hashing threads: trusted work first and never
// shed; untrusted work round-robin across networks, each capped to a share,
// the largest share shed first when the queue is full.
import { describe, expect, it } from 'vitest';
import { createFairHashingQueue, networkOf, QueueFullError, trustedLane, untrustedLane } from '../../src/credentials/fair-hashing-queue.js';

const gate = () => {
  let open = () => undefined as void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
};

describe('createFairHashingQueue', () => {
  it('runs `max` at once, queues up to `maxWaiting`, refuses the rest at once, and runs the queued in order', async () => {
    const queue = createFairHashingQueue(1, 2, 1);
    const first = gate();
    const order: string[] = [];
    const lane = untrustedLane('192.0.2.1');
    const running = queue(lane, async () => {
      await first.opened;
      order.push('first');
    });
    const queued = [queue(lane, async () => order.push('second')), queue(lane, async () => order.push('third'))];
    await expect(queue(lane, async () => order.push('fourth'))).rejects.toEqual(new QueueFullError('192.0.2.0/24 already holds its share of the hashing queue'));
    first.open();
    await Promise.all([running, ...queued]);
    expect(order).toEqual(['first', 'second', 'third']);
  });

  it('serves trusted work first and sheds untrusted work to make room for it', async () => {
    const queue = createFairHashingQueue(1, 4, 1 / 4);
    const busy = gate();
    const order: string[] = [];
    const running = queue(trustedLane, () => busy.opened);
    const flood = ['10.0.1.1', '10.0.2.1', '10.0.3.1', '10.0.4.1'].map((ip) => queue(untrustedLane(ip), async () => order.push(ip)));
    const trusted = queue(trustedLane, async () => order.push('trusted'));
    busy.open();
    const settled = await Promise.allSettled([running, trusted, ...flood]);
    expect(order[0]).toBe('trusted');
    // One of the four untrusted waiters gave its place up.
    expect(settled.filter((s) => s.status === 'rejected')).toHaveLength(1);
    expect(settled.find((s) => s.status === 'rejected')).toMatchObject({ reason: new QueueFullError('shed for a fairer share of the hashing queue') });
  });

  it('caps each network to its share, round-robins between networks, and sheds the largest share first', async () => {
    const queue = createFairHashingQueue(1, 4, 1 / 2); // at most 2 waiters per network
    const busy = gate();
    const order: string[] = [];
    const running = queue(trustedLane, () => busy.opened);
    const a = (n: number) => queue(untrustedLane(`203.0.113.${n}`), async () => order.push(`a${n}`));
    const b = (n: number) => queue(untrustedLane(`198.51.100.${n}`), async () => order.push(`b${n}`));
    const a1 = a(1);
    const a2 = a(2);
    await expect(a(3)).rejects.toEqual(new QueueFullError('203.0.113.0/24 already holds its share of the hashing queue'));
    const b1 = b(1);
    const b2 = b(2); // the queue is full now: a: 2, b: 2
    const c1 = queue(untrustedLane('192.0.2.9'), async () => order.push('c1')); // sheds the newest of a largest share
    busy.open();
    const settled = await Promise.allSettled([running, a1, a2, b1, b2, c1]);
    expect(settled.filter((s) => s.status === 'rejected')).toHaveLength(1);
    expect(order).toContain('c1');
    // Round robin: the networks alternate instead of one draining first.
    expect(order.slice(0, 2).map((name) => name[0]).sort()).toEqual(['a', 'b']);
  });

  it('groups IPv4 by /24 and IPv6 by /64', () => {
    expect(networkOf('203.0.113.77')).toBe('203.0.113.0/24');
    expect(networkOf('::ffff:203.0.113.77')).toBe('203.0.113.0/24');
    expect(networkOf('2001:db8:0:1::5')).toBe('2001:db8:0:1::/64');
    expect(networkOf('2001:db8:0:1:ffff:1:2:3')).toBe('2001:db8:0:1::/64');
  });
});
