// Who a hit is counted against. The key is built from things the caller cannot
// multiply cheaply: a verified user id, or the client IP (X-Forwarded-For only
// as far as TRUST_PROXY allows, see http/client-ip.ts). An IPv6 client usually
// holds a whole /64, so all of it is one caller.
import { createHash } from 'node:crypto';
import { isIPv6 } from 'node:net';
import type { RequestContext } from '../platform/request-context.js';
import type { RateLimit } from './read-rate-limits.js';

/** The /64 network of an IPv6 address ("2001:db8:0:1::/64"); any other address as it is. */
export function ipBucket(ip: string): string {
  const address = ip.split('%')[0] ?? ip; // drop a zone id such as %eth0
  if (!isIPv6(address)) return ip;
  const [head = '', tail] = address.split('::');
  const groups = (part: string | undefined) => (part ? part.split(':').flatMap(embeddedIpv4) : []);
  const left = groups(head);
  const right = groups(tail);
  const full = tail === undefined ? left : [...left, ...Array<string>(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right];
  return `${full
    .slice(0, 4)
    .map((g) => parseInt(g, 16).toString(16))
    .join(':')}::/64`;
}

// "::ffff:1.2.3.4" ends in an IPv4 address: two 16-bit groups.
function embeddedIpv4(group: string): string[] {
  if (!group.includes('.')) return [group];
  const [a = 0, b = 0, c = 0, d = 0] = group.split('.').map(Number);
  return [((a << 8) | b).toString(16), ((c << 8) | d).toString(16)];
}

/** The caller part of a counter key. */
export function callerKey(context: RequestContext, per: RateLimit['per']): string {
  if (per === 'ALL') return 'all';
  // An API key counts as its user: a second key buys no second budget.
  if (per === 'CALLER' && context.viewer.kind !== 'anonymous') return `user:${context.viewer.userId}`;
  return `ip:${ipBucket(context.origin.ip)}`;
}

/**
 * The identity-argument part. Strings are folded exactly as the services fold
 * emails (NFKC, trimmed, lower-cased), so neither "Alice@x.com " nor a
 * fullwidth look-alike of the same account is a fresh budget; the values
 * are hashed so that a megabyte of argument cannot become a megabyte of key.
 */
export function argumentsKey(args: Readonly<Record<string, unknown>>, identityArgs: readonly string[]): string {
  if (identityArgs.length === 0) return '';
  const values = identityArgs.map((name) => {
    const value = args[name];
    return typeof value === 'string' ? value.normalize('NFKC').trim().toLowerCase() : (value ?? null);
  });
  return createHash('sha256').update(JSON.stringify(values)).digest('base64url').slice(0, 22);
}

export const counterKey = (limit: RateLimit, context: RequestContext, args: Readonly<Record<string, unknown>>): string =>
  `${limit.name}|${callerKey(context, limit.per)}|${argumentsKey(args, limit.identityArgs)}`;
