// Security events, one JSON log line each, with `audit: true` so they can be
// filtered into their own stream. Secrets never go in: reasons, not passwords.
import type { Logger } from './logger.js';
import type { RequestOrigin } from './request-context.js';

export type AuditEventType =
  | 'signup'
  | 'login.success'
  | 'login.failure'
  | 'login.lockout_started'
  | 'login.lockout_refused'
  | 'login.lockout_cleared'
  | 'login.account_limit_reached'
  | 'login.account_limit_refused'
  | 'refresh'
  | 'refresh.reuse_detected'
  | 'refresh.race_lost'
  | 'logout'
  | 'logout_all'
  | 'session.revoked'
  | 'password.changed'
  | 'role.changed'
  | 'user.deleted'
  | 'access.denied'
  | 'rate_limit.rejected'
  | 'token.rejected'
  // An ADMIN changed or deleted someone else's note (its text is never logged).
  | 'note.updated'
  | 'note.deleted'
  // The second factor (issue 17): enrolments, removals, resets, codes and passkeys.
  | 'login.mfa_required'
  | 'mfa.token_rejected'
  | 'mfa.code_failed'
  | 'mfa.recovery_code_used'
  | 'mfa.totp_enrollment_started'
  | 'mfa.totp_enabled'
  | 'mfa.totp_disabled'
  | 'mfa.recovery_codes_regenerated'
  | 'mfa.reset'
  | 'passkey.registration_started'
  | 'passkey.registered'
  | 'passkey.registration_failed'
  | 'passkey.removed'
  | 'passkey.login_failed'
  | 'reauthenticated'
  | 'reauthentication.failed'
  // Account recovery and verification over mail (issue 16); `mail` names which mail.
  | 'password.reset'
  | 'email.verified'
  | 'email.change_requested'
  | 'email.changed'
  | 'mail.sent'
  | 'mail.unsent'
  | 'mail.failed'
  // API keys: made and revoked by their user (or an ADMIN), and every refusal
  // of one (reason: malformed, unknown, revoked, expired, or scope for a field
  // the key holds no scope for). Neither the key nor its hash is ever logged.
  | 'api_key.created'
  | 'api_key.revoked'
  | 'api_key.refused';

export interface AuditEvent {
  readonly type: AuditEventType;
  readonly origin: RequestOrigin;
  /** Who acted: the signed-in user, or undefined when anonymous. */
  readonly actorId?: string | undefined;
  /** Whom or what it was done to. */
  readonly subjectId?: string | undefined;
  readonly sessionId?: string | undefined;
  readonly reason?: string | undefined;
  readonly [detail: string]: unknown;
}

export interface AuditLog {
  record(event: AuditEvent): void;
}

/** Sees every event after it is written (metrics count them), so one event feeds both. */
export type AuditObserver = (event: AuditEvent) => void;

export const createAuditLog = (log: Logger, observers: readonly AuditObserver[] = []): AuditLog => ({
  record(event) {
    const { type, origin, actorId, subjectId, ...details } = event;
    // Who, to whom, from where are always present (null when there is none),
    // so a query over the stream never has to tell "absent" from "anonymous".
    // pino adds `time`.
    log.info(
      { audit: true, event: type, requestId: origin.requestId, ip: origin.ip, userAgent: origin.userAgent ?? null, actorId: actorId ?? null, subjectId: subjectId ?? null, ...details },
      `audit ${type}`,
    );
    for (const observe of observers) {
      try {
        observe(event);
      } catch (error) {
        log.error({ err: error, event: type }, 'audit observer failed');
      }
    }
  },
});
