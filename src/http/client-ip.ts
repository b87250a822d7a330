import type { IncomingMessage } from 'node:http';

/**
 * The client's address. X-Forwarded-For is believed only for as many hops as
 * TRUST_PROXY says are ours: the address that many entries from the right was
 * written by our outermost proxy. Anything further left is client-supplied.
 */
export function clientIp(req: IncomingMessage, trustedProxies: number): string {
  const socketIp = unmapIpv4(req.socket.remoteAddress ?? 'unknown');
  const header = req.headers['x-forwarded-for'];
  if (trustedProxies === 0 || header === undefined) return socketIp;
  const hops = (Array.isArray(header) ? header.join(',') : header)
    .split(',')
    .map((hop) => hop.trim())
    .filter((hop) => hop !== '');
  return unmapIpv4(hops[hops.length - trustedProxies] ?? hops[0] ?? socketIp);
}

// "::ffff:10.0.0.1" and "10.0.0.1" are one client; count and log them as one.
const unmapIpv4 = (ip: string): string => (ip.startsWith('::ffff:') && ip.includes('.') ? ip.slice(7) : ip);
