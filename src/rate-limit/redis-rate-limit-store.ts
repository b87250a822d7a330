// Counters shared by every instance on one Redis. A hit is one Lua script, so
// Redis runs it whole, with nothing from another instance in between: 50
// requests spread over two instances against a limit of 5 still get exactly
// 5 through. Each window is a hash {c: count, r: resetAt} at
// `<prefix>rl:<key>`.
//
// The window is measured on the caller's clock, passed in as `now`, exactly
// as the in-memory store does; the key's PEXPIRE only hands the memory back
// once the window is over. So both stores behave alike (and the same tests,
// on a fake clock, run against both), and instances agree on a window as
// closely as their clocks agree (NTP keeps that to milliseconds, against
// windows of seconds or more).
import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { Clock } from '../platform/clock.js';
import type { RateLimitStore, WindowState } from './rate-limit-store.js';

// KEYS[1] the window; ARGV[1] now (epoch ms); ARGV[2] its length (ms).
const hitScript = `
local now = tonumber(ARGV[1])
local resetAt = tonumber(redis.call('HGET', KEYS[1], 'r'))
if resetAt and resetAt > now then
  return { redis.call('HINCRBY', KEYS[1], 'c', 1), resetAt }
end
resetAt = now + tonumber(ARGV[2])
redis.call('HSET', KEYS[1], 'c', 1, 'r', resetAt)
redis.call('PEXPIRE', KEYS[1], ARGV[2])
return { 1, resetAt }
`;
const hitSha = createHash('sha1').update(hitScript).digest('hex');

// KEYS[1] the window; ARGV[1] now. One hit back, only while the window is open and above zero.
const releaseScript = `
local resetAt = tonumber(redis.call('HGET', KEYS[1], 'r'))
if resetAt and resetAt > tonumber(ARGV[1]) and tonumber(redis.call('HGET', KEYS[1], 'c')) > 0 then
  redis.call('HINCRBY', KEYS[1], 'c', -1)
end
return 0
`;

export function createRedisRateLimitStore({ redis, prefix, clock }: { redis: Redis; prefix: string; clock: Clock }): RateLimitStore {
  const keyOf = (key: string) => `${prefix}rl:${key}`;

  // EVALSHA sends 40 bytes instead of the script; Redis forgets scripts on a
  // restart (or SCRIPT FLUSH), and then the script itself goes once more.
  async function runHit(key: string, now: number, windowMs: number): Promise<unknown> {
    try {
      return await redis.evalsha(hitSha, 1, key, now, windowMs);
    } catch (error) {
      if (!(error instanceof Error) || !error.message.startsWith('NOSCRIPT')) throw error;
      return redis.eval(hitScript, 1, key, now, windowMs);
    }
  }

  return {
    async hit(key, windowMs) {
      return toWindowState(await runHit(keyOf(key), clock.now(), windowMs));
    },
    async peek(key) {
      const [count, resetAt] = (await redis.hmget(keyOf(key), 'c', 'r')).map(Number);
      return count !== undefined && resetAt !== undefined && resetAt > clock.now() ? { count, resetAt } : undefined;
    },
    async reset(key) {
      await redis.del(keyOf(key));
    },
    async release(key) {
      await redis.eval(releaseScript, 1, keyOf(key), clock.now());
    },
  };
}

function toWindowState(reply: unknown): WindowState {
  if (Array.isArray(reply) && typeof reply[0] === 'number' && typeof reply[1] === 'number') return { count: reply[0], resetAt: reply[1] };
  throw new Error(`unexpected reply from the rate-limit script: ${JSON.stringify(reply)}`);
}
