// The queue in front of the hashing threads, shaped so that a flood cannot
// shut sign-in for everyone. Work arrives in a lane: trusted (a sign-in with a
// valid device token, or a signed-in user changing their password) or
// untrusted, tagged with the caller's network (/24 for IPv4, /64 for IPv6).
// Trusted work waits in its own line and is served first; when the queue is
// full it takes the place of an untrusted waiter instead of being refused.
// Untrusted work is served round-robin across networks, no network may hold
// more than `maxShare` of the queue, and when the queue is full a newcomer
// from a network with fewer waiters displaces the newest waiter of the
// network with the most: shedding falls on whoever holds the largest share.
import { isIPv4, isIPv6 } from 'node:net';

export class QueueFullError extends Error {
  constructor(message: string) {
    // Control flow, turned into RATE_LIMITED by passwords.ts, thrown by the
    // hundred in a flood: no stack trace to capture.
    const stackTraceLimit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    try {
      super(message);
    } finally {
      Error.stackTraceLimit = stackTraceLimit;
    }
    this.name = 'QueueFullError';
  }
}

export type HashLane = { readonly trusted: true } | { readonly trusted: false; readonly network: string };

export const trustedLane: HashLane = { trusted: true };

/** The lane of work for a caller at `ip` with nothing that vouches for it. */
export const untrustedLane = (ip: string): HashLane => ({ trusted: false, network: networkOf(ip) });

/** "203.0.113.0/24" for IPv4 (also IPv4-mapped IPv6), "2001:db8:0:1::/64" for IPv6, anything else as it is. */
export function networkOf(ip: string): string {
  const address = (ip.split('%')[0] ?? ip).replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, '');
  if (isIPv4(address)) return `${address.split('.').slice(0, 3).join('.')}.0/24`;
  if (!isIPv6(address)) return ip;
  const [head = '', tail] = address.split('::');
  const groups = (part: string | undefined) => (part ? part.split(':') : []);
  const left = groups(head);
  const right = groups(tail);
  const full = tail === undefined ? left : [...left, ...Array<string>(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right];
  return `${full
    .slice(0, 4)
    .map((g) => (/^[0-9a-f]{1,4}$/i.test(g) ? parseInt(g, 16).toString(16) : '0'))
    .join(':')}::/64`;
}

interface Waiter {
  readonly start: () => void;
  readonly shed: (error: QueueFullError) => void;
}

export type FairQueue = <T>(lane: HashLane, task: () => Promise<T>) => Promise<T>;

/**
 * Runs at most `max` tasks at once; at most `maxWaiting` untrusted tasks wait
 * (and as many trusted ones, apart), each network at most `maxShare` of them.
 */
export function createFairHashingQueue(max: number, maxWaiting = Number.POSITIVE_INFINITY, maxShare = 1 / 8): FairQueue {
  let running = 0;
  const trusted: Waiter[] = [];
  // Insertion order is the round-robin order: a network served goes to the back.
  const byNetwork = new Map<string, Waiter[]>();
  let untrustedWaiting = 0;
  const perNetwork = Math.max(1, Math.floor(maxWaiting * maxShare));
  const full = () => trusted.length + untrustedWaiting >= maxWaiting;

  function next(): Waiter | undefined {
    const first = trusted.shift();
    if (first) return first;
    const oldest = byNetwork.entries().next();
    if (oldest.done === true) return undefined;
    const [network, line] = oldest.value;
    byNetwork.delete(network);
    const waiter = line.shift();
    if (line.length > 0) byNetwork.set(network, line);
    untrustedWaiting -= 1;
    return waiter;
  }

  /** Sheds the newest waiter of the network with the most waiting, if it has more than `moreThan`. */
  function shedLargest(moreThan: number): boolean {
    let largest: Waiter[] | undefined;
    let largestNetwork = '';
    for (const [network, line] of byNetwork) {
      if (line.length > (largest?.length ?? moreThan)) [largest, largestNetwork] = [line, network];
    }
    const victim = largest?.pop();
    if (!largest || !victim) return false;
    if (largest.length === 0) byNetwork.delete(largestNetwork);
    untrustedWaiting -= 1;
    victim.shed(new QueueFullError('shed for a fairer share of the hashing queue'));
    return true;
  }

  function wait(lane: HashLane): Promise<void> {
    if (lane.trusted) {
      if (trusted.length >= maxWaiting) throw new QueueFullError(`${maxWaiting} trusted tasks already waiting`);
      if (full()) shedLargest(0);
      return new Promise((resolve, reject) => trusted.push({ start: resolve, shed: reject }));
    }
    const line = byNetwork.get(lane.network) ?? [];
    if (line.length >= perNetwork) throw new QueueFullError(`${lane.network} already holds its share of the hashing queue`);
    if (full() && !shedLargest(line.length + 1)) throw new QueueFullError(`${maxWaiting} tasks already waiting`);
    return new Promise((resolve, reject) => {
      line.push({ start: resolve, shed: reject });
      if (line.length === 1) byNetwork.set(lane.network, line);
      untrustedWaiting += 1;
    });
  }

  return async (lane, task) => {
    if (running < max) running += 1;
    else await wait(lane); // the finisher hands its slot over
    try {
      return await task();
    } finally {
      const waiter = next();
      if (waiter) waiter.start();
      else running -= 1;
    }
  };
}
