// Sign-in throttling beyond the rate limit's window. After `after` failures
// for one (email, client IP) pair, that pair is locked: first for `base`, then
// twice as long after each further failure, never longer than `max`. The lock
// is per client, so an attacker elsewhere cannot keep the real user out; a
// successful sign-in clears the failures; failures are forgotten `forgetAfter`
// after the first. While locked, attempts are refused before any hashing and
// are not counted (a user on the attacker's network is not locked for longer).
import { createHash } from 'node:crypto';
import type { AuditLog } from '../platform/audit.js';
import type { Clock } from '../platform/clock.js';
import type { Config } from '../platform/config.js';
import { RateLimitedError } from '../platform/errors.js';
import type { RequestOrigin } from '../platform/request-context.js';
import type { LoginThrottle } from '../services/auth-service.js';
import { ipBucket } from './rate-limit-key.js';
import { secondsUntil } from './rate-limit-rules.js';
import type { RateLimitStore } from './rate-limit-store.js';

export interface LoginLockoutDeps {
  readonly store: RateLimitStore;
  readonly audit: AuditLog;
  readonly clock: Clock;
  readonly settings: Config['loginLockout'];
}

/** How long the lock set by the `failures`-th failure lasts (0: no lock yet). */
export function lockMs(failures: number, { after, baseMs, maxMs }: Config['loginLockout']): number {
  if (after === 0 || failures < after) return 0;
  return Math.min(maxMs, baseMs * 2 ** Math.min(failures - after, 40));
}

export function createLoginLockout({ store, audit, clock, settings }: LoginLockoutDeps): LoginThrottle {
  const pairKey = (email: string, origin: RequestOrigin) =>
    createHash('sha256').update(`${email}\n${ipBucket(origin.ip)}`).digest('base64url').slice(0, 22);
  const failuresKey = (pair: string) => `login-failures|${pair}`;
  const lockKey = (pair: string) => `login-lock|${pair}`;

  if (settings.after === 0) return { check: async () => {}, failed: async () => {}, succeeded: async () => {} };
  return {
    async check(email, origin) {
      const lock = await store.peek(lockKey(pairKey(email, origin)));
      if (!lock) return;
      const retryAfter = secondsUntil(lock.resetAt, clock.now());
      audit.record({ type: 'login.lockout_refused', origin, retryAfter });
      throw new RateLimitedError(retryAfter);
    },
    async failed(email, origin, userId) {
      const pair = pairKey(email, origin);
      const failures = await store.hit(failuresKey(pair), settings.forgetAfterMs);
      const ms = lockMs(failures.count, settings);
      if (ms === 0) return;
      await store.hit(lockKey(pair), ms);
      audit.record({ type: 'login.lockout_started', origin, subjectId: userId, failures: failures.count, lockedForSeconds: Math.ceil(ms / 1000) });
    },
    async succeeded(email, origin, userId) {
      const pair = pairKey(email, origin);
      const failures = await store.peek(failuresKey(pair));
      if (!failures) return;
      await store.reset(failuresKey(pair));
      await store.reset(lockKey(pair));
      audit.record({ type: 'login.lockout_cleared', origin, subjectId: userId, failures: failures.count });
    },
  };
}
