// Sign-in throttling beyond the rate limit's window. After `after` failures
// for one (email, client IP) pair, that pair is locked: first for `base`, then
// twice as long after each further failure, never longer than `max`. The lock
// is per client, so an attacker elsewhere cannot keep the real user out; a
// successful sign-in clears the failures; failures are forgotten `forgetAfter`
// after the first. While locked, attempts are refused before any hashing and
// are not counted (a user on the attacker's network is not locked for longer).
//
// On top, an account-wide limit for untrusted clients: failed sign-ins to one
// account from clients without a valid device token for it are counted across
// every address; past `untrustedMax` in `untrustedWindowMs`, untrusted
// attempts on that account are refused before any hashing. A client with a
// device token of the account is its own pair (keyed by the device, not the
// address) and never held to the account-wide count, so the owner is not
// locked out of a device they have used, while an attacker with any number of
// addresses gets no more than `untrustedMax` guesses per window in total.
import { createHash } from 'node:crypto';
import type { AuditLog } from '../platform/audit.js';
import type { Clock } from '../platform/clock.js';
import type { Config } from '../platform/config.js';
import { RateLimitedError } from '../platform/errors.js';
import type { LoginAttempt, LoginThrottle } from '../services/login-throttle.js';
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
  const digest = (text: string) => createHash('sha256').update(text).digest('base64url').slice(0, 22);
  // A trusted device is a pair of its own: an attacker sharing its address cannot lock it.
  const pairKey = ({ email, origin, device }: LoginAttempt) => (device ? `device|${device.slice(0, 22)}` : digest(`${email}\n${ipBucket(origin.ip)}`));
  const failuresKey = (pair: string) => `login-failures|${pair}`;
  const lockKey = (pair: string) => `login-lock|${pair}`;
  const accountKey = (email: string) => `login-untrusted|${digest(email)}`;
  const pairs = settings.after > 0;
  const accountWide = settings.untrustedMax > 0;

  // The attempt is counted before its hash, in the same atomic step that
  // decides: 500 concurrent guesses cannot all pass a check made before any
  // of them failed. An attempt in flight counts as a failure until it
  // succeeds; then it is taken back, so only failures stay counted.
  async function reserveAccountAttempt({ email, origin }: LoginAttempt): Promise<void> {
    const window = await store.hit(accountKey(email), settings.untrustedWindowMs);
    if (window.count === settings.untrustedMax) audit.record({ type: 'login.account_limit_reached', origin, attempts: window.count, windowSeconds: Math.ceil(settings.untrustedWindowMs / 1000) });
    if (window.count <= settings.untrustedMax) return;
    const retryAfter = secondsUntil(window.resetAt, clock.now());
    audit.record({ type: 'login.account_limit_refused', origin, retryAfter });
    throw new RateLimitedError(retryAfter);
  }

  // Not a failed guess (the password was right), so its account-wide reservation goes back.
  async function release({ email, device }: LoginAttempt): Promise<void> {
    if (accountWide && !device) await store.release(accountKey(email));
  }

  if (!pairs && !accountWide) return { check: async () => {}, failed: async () => {}, succeeded: async () => {}, release: async () => {} };
  return {
    async check(attempt) {
      if (pairs) {
        const lock = await store.peek(lockKey(pairKey(attempt)));
        if (lock) {
          const retryAfter = secondsUntil(lock.resetAt, clock.now());
          audit.record({ type: 'login.lockout_refused', origin: attempt.origin, retryAfter });
          throw new RateLimitedError(retryAfter);
        }
      }
      if (accountWide && !attempt.device) await reserveAccountAttempt(attempt);
    },
    async failed(attempt, userId) {
      if (!pairs) return;
      const pair = pairKey(attempt);
      const failures = await store.hit(failuresKey(pair), settings.forgetAfterMs);
      const ms = lockMs(failures.count, settings);
      if (ms === 0) return;
      await store.hit(lockKey(pair), ms);
      audit.record({ type: 'login.lockout_started', origin: attempt.origin, subjectId: userId, failures: failures.count, lockedForSeconds: Math.ceil(ms / 1000) });
    },
    // The account-wide count is not cleared by a success: the attacker's
    // guesses in this window still count, whoever signed in meanwhile.
    async succeeded(attempt, userId) {
      await release(attempt);
      if (!pairs) return;
      const { origin } = attempt;
      const pair = pairKey(attempt);
      const failures = await store.peek(failuresKey(pair));
      if (!failures) return;
      await store.reset(failuresKey(pair));
      await store.reset(lockKey(pair));
      audit.record({ type: 'login.lockout_cleared', origin, subjectId: userId, failures: failures.count });
    },
    // A second factor is owed: the client's failures stay until it is given.
    release,
  };
}
