// Signing in and staying signed in: signup, login and refresh-token rotation.
import type { AccessTokens } from '../credentials/access-tokens.js';
import { trustedLane, untrustedLane } from '../credentials/fair-hashing-queue.js';
import type { PasswordHasher } from '../credentials/passwords.js';
import { passwordHashDigest } from '../credentials/password-hash-digest.js';
import { hashRefreshToken, looksLikeRefreshToken, newRefreshToken } from '../credentials/refresh-tokens.js';
import { proofOf, type AuthProof } from '../platform/auth-proof.js';
import type { AuditLog } from '../platform/audit.js';
import type { Clock } from '../platform/clock.js';
import { EmailNotVerifiedError, UnauthenticatedError } from '../platform/errors.js';
import { newId, type SessionId } from '../platform/ids.js';
import { issuedTo, type RequestOrigin, type SignedInViewer } from '../platform/request-context.js';
import type { UserRecord, UserWithPasswordHash } from '../repositories/records.js';
import type { EndReason, SessionRepository } from '../repositories/session-repository.js';
import type { UserRepository } from '../repositories/user-repository.js';
import type { AccountMail } from './account-mail.js';
import { checkPasswordUpperBound } from './input.js';
import type { DeviceTrust } from './device-trust.js';
import type { EmailAddresses } from './email-addresses.js';
import type { MfaChallenges } from './mfa/mfa-challenges.js';
import { createRegisterUser } from './register-user.js';
import type { SessionVerifier } from './session-verifier.js';
import type { LoginAttempt, LoginThrottle } from './login-throttle.js';
import type { AuthResult } from './types.js';

export interface Credentials {
  readonly email: string;
  readonly password: string;
  /** AuthPayload.deviceToken from an earlier sign-in on this client, if it kept one. */
  readonly deviceToken?: string | null | undefined;
}

export interface AuthService {
  signup(credentials: Credentials, origin: RequestOrigin): Promise<AuthResult>;
  login(credentials: Credentials, origin: RequestOrigin): Promise<AuthResult>;
  refresh(refreshToken: string, origin: RequestOrigin): Promise<AuthResult>;
  /** Starts the session of a sign-in whose every factor has been checked elsewhere (verifyMfa, a passkey), as login does. */
  finishSignIn(signIn: SignIn): Promise<AuthResult>;
  /** New tokens in the viewer's own session, carrying a new proof (reauthenticate); the refresh token rotates. */
  renewProof(viewer: SignedInViewer, proof: AuthProof, origin: RequestOrigin): Promise<AuthResult>;
}

/** A sign-in whose factors all passed. */
export interface SignIn {
  readonly user: UserRecord;
  readonly attempt: LoginAttempt;
  /** passwordHashDigest of the hash verified, when a password was part of it: a change since voids the sign-in. */
  readonly passwordCheck: string | undefined;
  /** The device token presented with a trusted attempt, given back; null when the client already keeps its own. */
  readonly presentedDeviceToken: string | null;
  /** For the audit log: what the last factor was. */
  readonly method: 'password' | 'totp' | 'recovery_code' | 'passkey';
  /** What was proven, and when: the session's first proof. */
  readonly proof: AuthProof;
}

const noThrottle: LoginThrottle = { check: async () => {}, failed: async () => {}, succeeded: async () => {}, release: async () => {} };

export interface AuthServiceDeps {
  readonly users: UserRepository;
  readonly sessions: SessionRepository;
  readonly passwords: PasswordHasher;
  readonly accessTokens: AccessTokens;
  readonly verifier: SessionVerifier;
  readonly audit: AuditLog;
  readonly clock: Clock;
  readonly refreshTokenTtlMs: number;
  readonly sessionMaxAgeMs: number;
  readonly refreshReuseGraceMs: number;
  /** Live sessions a user may hold; a new sign-in ends the oldest beyond it. */
  readonly maxSessionsPerUser: number;
  readonly loginThrottle?: LoginThrottle;
  readonly devices: DeviceTrust;
  readonly emails: EmailAddresses;
  /** Asks for a second factor after a right password when the account has one; default: never. */
  readonly secondFactor?: MfaChallenges;
  /** Mails the verification link after signup (and after a login refused for want of it). */
  readonly accountMail: Pick<AccountMail, 'verificationLink'>;
  /** REQUIRE_VERIFIED_EMAIL: no session for an account whose address is not verified. */
  readonly requireVerifiedEmail: boolean;
}

// One message for every failed sign-in, so it never tells whether an email has an account.
const badCredentials = () => new UnauthenticatedError('Invalid email or password');
// And one for every refused refresh token; the audit log keeps the precise reason.
const badRefreshToken = () => new UnauthenticatedError('Invalid or expired refresh token');

export function createAuthService(deps: AuthServiceDeps): AuthService {
  const { users, sessions, passwords, accessTokens, verifier, audit, clock, devices, emails } = deps;
  const throttle = deps.loginThrottle ?? noThrottle;
  const registerUser = createRegisterUser({ users, passwords, clock, emails });

  async function tokensFor(user: UserRecord, sessionId: SessionId, refreshToken: string, proof: AuthProof): Promise<AuthResult> {
    const viewer: SignedInViewer = { kind: 'user', userId: user.id, role: user.role, sessionId, emailVerified: user.emailVerified };
    const access = await accessTokens.sign({ ...viewer, proof });
    return {
      accessToken: access.token,
      refreshToken,
      deviceToken: null,
      tokenType: 'Bearer',
      expiresIn: access.expiresInSeconds,
      user: { ...user, [issuedTo]: viewer },
      viewer,
    };
  }

  async function startSession(user: UserRecord, origin: RequestOrigin, proof: AuthProof): Promise<AuthResult> {
    const now = clock.now();
    const sessionId = newId() as SessionId;
    const refreshToken = newRefreshToken();
    await sessions.create({
      id: sessionId,
      userId: user.id,
      now,
      expiresAt: now + deps.sessionMaxAgeMs,
      userAgent: origin.userAgent,
      ip: origin.ip,
      refreshTokenHash: hashRefreshToken(refreshToken),
      refreshTokenExpiresAt: now + deps.refreshTokenTtlMs,
      proof,
    });
    await endSessionsBeyondCap(user, now);
    return tokensFor(user, sessionId, refreshToken, proof);
  }

  // The oldest sessions end first, so neither forgotten devices nor a script of
  // sign-ins can grow a user's session list (and User.sessions) without bound.
  async function endSessionsBeyondCap(user: UserRecord, now: number): Promise<void> {
    const live = await sessions.listLive(user.id, now); // newest first
    for (const old of live.slice(deps.maxSessionsPerUser)) {
      await sessions.end(old.id, 'session_limit', now);
      await verifier.forgetSession(old.id);
    }
  }

  // A known device of the account is trusted: its own lockout, no
  // account-wide limit, and its hash is never shed from a full queue. The
  // checks run in the order that keeps a refusal cheap: a client without a
  // live device token is untrusted whatever the email, so its throttle check,
  // which refuses most of a flood, comes before any read of the account. The
  // device token is looked up whether or not the email has an account, so the
  // two take the same time.
  async function admit(email: string, deviceToken: string | null | undefined, origin: RequestOrigin): Promise<{ user: UserWithPasswordHash | undefined; attempt: LoginAttempt }> {
    const known = await devices.recognize(deviceToken);
    if (!known) {
      const attempt: LoginAttempt = { email, origin, device: undefined };
      await throttle.check(attempt);
      return { user: await users.findByEmail(email), attempt };
    }
    const user = await users.findByEmail(email);
    const attempt: LoginAttempt = { email, origin, device: known.userId === user?.id ? known.hash : undefined };
    await throttle.check(attempt);
    return { user, attempt };
  }

  async function endSession(sessionId: SessionId, reason: EndReason): Promise<void> {
    await sessions.end(sessionId, reason, clock.now());
    await verifier.forgetSession(sessionId);
  }

  async function finishSignIn({ user, attempt, passwordCheck, presentedDeviceToken, method, proof }: SignIn): Promise<AuthResult> {
    const { origin } = attempt;
    // Only after every proof (password, code or passkey), so the refusal tells nothing to anyone who lacks them.
    if (deps.requireVerifiedEmail && !user.emailVerified) {
      audit.record({ type: 'login.failure', origin, subjectId: user.id, reason: 'email_not_verified' });
      deps.accountMail.verificationLink(user, origin);
      throw new EmailNotVerifiedError('Confirm your email address first: we mailed a new link to it');
    }
    const result = await startSession(user, origin, proof);
    // The password may have changed while its old hash was being verified (or
    // while a second factor was owed): changePassword ends only the sessions
    // that exist when it runs, so a session made from the old password must
    // check again, after it exists.
    const stored = passwordCheck === undefined ? undefined : await users.findWithPasswordHash(user.id);
    if (passwordCheck !== undefined && (stored === undefined || passwordHashDigest(stored.passwordHash) !== passwordCheck)) {
      await endSession(result.viewer.sessionId, 'password_changed');
      audit.record({ type: 'login.failure', origin, subjectId: user.id, reason: 'password_changed_during_login' });
      throw badCredentials();
    }
    audit.record({ type: 'login.success', origin, actorId: user.id, subjectId: user.id, sessionId: result.viewer.sessionId, trustedDevice: attempt.device !== undefined, method });
    // A known device keeps its token; any other client becomes one now.
    return { ...result, deviceToken: attempt.device ? presentedDeviceToken : await devices.issue(user.id) };
  }

  return {
    async signup({ email, password }, origin) {
      const user = await registerUser({ email, password, role: 'USER', lane: untrustedLane(origin.ip) });
      deps.accountMail.verificationLink(user, origin);
      if (deps.requireVerifiedEmail) {
        audit.record({ type: 'signup', origin, actorId: user.id, subjectId: user.id });
        throw new EmailNotVerifiedError('Account created: confirm your email address with the link we mailed to it, then sign in');
      }
      const result = await startSession(user, origin, proofOf(clock.now(), ['pwd']));
      audit.record({ type: 'signup', origin, actorId: user.id, subjectId: user.id, sessionId: result.viewer.sessionId });
      return { ...result, deviceToken: await devices.issue(user.id) };
    },

    async login({ email, password, deviceToken }, origin) {
      const normalized = emails.normalize(email);
      // Over the upper bound no account can match: refuse before spending a
      // hash, so an oversized password costs nothing. A short one is only wrong.
      checkPasswordUpperBound(password);
      // A locked client, or an account past its untrusted attempts, is refused before the hash too.
      const { user, attempt } = await admit(normalized, deviceToken, origin);
      const lane = attempt.device ? trustedLane : untrustedLane(origin.ip);
      // Same argon2 cost whether or not the account exists: no timing oracle.
      const ok = user ? await passwords.verify(user.passwordHash, password, lane) : await passwords.verifyNothing(password, lane);
      if (!user || !ok) {
        audit.record({ type: 'login.failure', origin, subjectId: user?.id, reason: user ? 'wrong_password' : 'unknown_email', trustedDevice: attempt.device !== undefined });
        await throttle.failed(attempt, user?.id);
        throw badCredentials();
      }
      const { passwordHash: verifiedHash, ...record } = user;
      const passwordCheck = passwordHashDigest(verifiedHash);
      // With a second factor on, a right password gives no tokens yet: MFA_REQUIRED. A trusted device is no exception.
      const owed = await deps.secondFactor?.challengeIfRequired({ user: record, attempt, passwordCheck });
      if (owed) {
        await throttle.release(attempt);
        throw owed;
      }
      // Cleared before the session exists: should the throttle's store fail
      // here, no session is left behind that nobody holds tokens for.
      await throttle.succeeded(attempt, user.id);
      const presentedDeviceToken = typeof deviceToken === 'string' ? deviceToken : null;
      return finishSignIn({ user: record, attempt, passwordCheck, presentedDeviceToken, method: 'password', proof: proofOf(clock.now(), ['pwd']) });
    },

    finishSignIn,

    async renewProof(viewer, proof, origin) {
      const user = await users.findById(viewer.userId);
      const refreshToken = newRefreshToken();
      const now = clock.now();
      const renewal = { sessionId: viewer.sessionId, proof, refreshTokenHash: hashRefreshToken(refreshToken), refreshTokenExpiresAt: now + deps.refreshTokenTtlMs, now };
      if (!user || !(await sessions.renewProof(renewal))) throw new UnauthenticatedError();
      audit.record({ type: 'reauthenticated', origin, actorId: user.id, subjectId: user.id, sessionId: viewer.sessionId, amr: proof.amr });
      return tokensFor(user, viewer.sessionId, refreshToken, proof);
    },

    async refresh(presented, origin) {
      if (!looksLikeRefreshToken(presented)) {
        audit.record({ type: 'token.rejected', origin, reason: 'refresh_token_malformed' });
        throw badRefreshToken();
      }
      const now = clock.now();
      const next = newRefreshToken();
      const outcome = await sessions.rotate({
        presented: hashRefreshToken(presented),
        next: hashRefreshToken(next),
        nextExpiresAt: now + deps.refreshTokenTtlMs,
        now,
        userAgent: origin.userAgent,
        ip: origin.ip,
      });
      switch (outcome.kind) {
        case 'rotated':
          await verifier.forgetSession(outcome.session.id); // role may have changed since the last token
          audit.record({ type: 'refresh', origin, actorId: outcome.user.id, subjectId: outcome.user.id, sessionId: outcome.session.id });
          return tokensFor(outcome.user, outcome.session.id, next, outcome.session.proof);
        case 'reused': {
          const { sessionId, userId, rotatedAt } = outcome;
          if (now - rotatedAt <= deps.refreshReuseGraceMs) {
            // Two tabs refreshing at once: the loser is refused, but this is a
            // race between the owner's own clients, not a stolen token.
            audit.record({ type: 'refresh.race_lost', origin, subjectId: userId, sessionId });
            throw badRefreshToken();
          }
          // A rotated token came back: someone holds a copy. End the session,
          // which kills the current refresh token and every access token of it.
          await endSession(sessionId, 'refresh_token_reuse');
          audit.record({ type: 'refresh.reuse_detected', origin, subjectId: userId, sessionId, reason: 'rotated refresh token presented again' });
          throw badRefreshToken();
        }
        default:
          audit.record({ type: 'token.rejected', origin, reason: `refresh_token_${outcome.kind}` });
          throw badRefreshToken();
      }
    },
  };
}
