// A sign-in attempt and the throttle it passes, as the sign-in services see
// them; in a file of their own so the services that share them (auth-service,
// mfa/*) and the lockout that implements the throttle import no service.
import type { DeviceTokenHash, UserId } from '../platform/ids.js';
import type { RequestOrigin } from '../platform/request-context.js';

export interface LoginAttempt {
  /** Normalised. */
  readonly email: string;
  readonly origin: RequestOrigin;
  /** The hash of a valid device token of this very account, if the client presented one. */
  readonly device: DeviceTokenHash | undefined;
}

/**
 * Throttles repeated sign-in failures beyond the rate limit's window, and
 * untrusted attempts per account; the implementation
 * (rate-limit/login-lockout.ts) is wired in app.ts.
 */
export interface LoginThrottle {
  /** Refuses with RateLimitedError while this attempt may not reach the password check. */
  check(attempt: LoginAttempt): Promise<void>;
  failed(attempt: LoginAttempt, userId: UserId | undefined): Promise<void>;
  succeeded(attempt: LoginAttempt, userId: UserId): Promise<void>;
  /** The password was right but a second factor is owed: not a failure, and not yet a success (failures stay). */
  release(attempt: LoginAttempt): Promise<void>;
}
