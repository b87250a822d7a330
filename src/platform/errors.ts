// The one catalogue of error codes. Every error a client can see is one of these
// classes; http/format-error.ts masks anything else.
import { HeaderMap } from '@apollo/server';
import { GraphQLError } from 'graphql';

/**
 * Every `extensions.code` a client can see, spelled here and nowhere else
 * (lint refuses these strings anywhere else in src/). The last four are Apollo
 * Server's own (ApolloServerErrorCode): named here because src/ reads them and
 * answers with them too.
 */
export const ErrorCode = {
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  RATE_LIMITED: 'RATE_LIMITED',
  MFA_REQUIRED: 'MFA_REQUIRED',
  REAUTHENTICATION_REQUIRED: 'REAUTHENTICATION_REQUIRED',
  /** A request that cannot run: malformed JSON, wrong method, too large or too costly a document. */
  BAD_REQUEST: 'BAD_REQUEST',
  /** An HTTP path that serves nothing (404). Nothing asked for by id answers it: the contract keeps that BAD_USER_INPUT. */
  NOT_FOUND: 'NOT_FOUND',
  SERVICE_UNAVAILABLE: 'SERVICE_UNAVAILABLE',
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
  GRAPHQL_PARSE_FAILED: 'GRAPHQL_PARSE_FAILED',
  GRAPHQL_VALIDATION_FAILED: 'GRAPHQL_VALIDATION_FAILED',
  OPERATION_RESOLUTION_FAILURE: 'OPERATION_RESOLUTION_FAILURE',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

interface HttpOverride {
  readonly status: number;
  readonly headers?: HeaderMap;
}

export abstract class AppError extends GraphQLError {
  protected constructor(code: ErrorCode, message: string, extra: Record<string, unknown> = {}, http?: HttpOverride) {
    // An AppError is an answer, not a fault: nothing reads its stack trace
    // (http/unexpected-error-log.ts logs only the others), yet capturing it, and
    // formatting it when graphql-js wraps the error with its path, was a tenth
    // of what a refused sign-in cost the event loop during a flood.
    const stackTraceLimit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    try {
      // Apollo reads `extensions.http` to set the response status and headers and
      // strips it before the response is sent.
      super(message, { extensions: http ? { code, ...extra, http } : { code, ...extra } });
    } finally {
      Error.stackTraceLimit = stackTraceLimit;
    }
  }
}

/** No valid credentials where they are needed; also wrong email or password (one message for both). */
export class UnauthenticatedError extends AppError {
  constructor(message = 'You must be signed in') {
    super(ErrorCode.UNAUTHENTICATED, message);
  }
}

/**
 * The request's bearer token is bad: the whole request is refused with 401 so
 * the client knows to refresh. The client sees one generic message; `reason`
 * stays on the server for the log.
 */
export class InvalidTokenError extends AppError {
  constructor(readonly reason: string) {
    super(ErrorCode.UNAUTHENTICATED, 'Invalid or expired token', {}, {
      status: 401,
      headers: new HeaderMap([['www-authenticate', 'Bearer error="invalid_token"']]),
    });
  }
}

/**
 * An API key that is malformed, unknown, revoked or expired: answered exactly
 * as a bad token (401). `refusal`, the key's id and its user are for the audit log.
 */
export class ApiKeyRefusedError extends InvalidTokenError {
  constructor(
    readonly refusal: 'malformed' | 'unknown' | 'revoked' | 'expired',
    readonly apiKeyId?: string,
    readonly userId?: string,
  ) {
    super(`api key ${refusal}`);
  }
}

export class ForbiddenError extends AppError {
  constructor(message = 'Not allowed') {
    super(ErrorCode.FORBIDDEN, message);
  }
}

/** A registered policy (@auth(policy: "NAME")) said no; `policy` names it, as PERMISSIONS.md does. */
export class PolicyRefusedError extends AppError {
  constructor(readonly policy: string) {
    super(ErrorCode.FORBIDDEN, 'Not allowed', { reason: 'POLICY', policy });
  }
}

/**
 * The caller's email address is not verified: `@auth(verified: true)`, and
 * `login` under REQUIRE_VERIFIED_EMAIL. `reason` lets a client offer to send
 * the link again instead of showing a dead end.
 */
export class EmailNotVerifiedError extends AppError {
  static readonly reason = 'EMAIL_NOT_VERIFIED';
  constructor(message = 'Verify your email address first: open the link we mailed to it') {
    super(ErrorCode.FORBIDDEN, message, { reason: EmailNotVerifiedError.reason });
  }
}

/**
 * An API key used a field that declares none of its scopes (or, with
 * `requiredScopes` empty, a field no key may use, such as managing credentials).
 */
export class ScopeRequiredError extends AppError {
  static readonly reason = 'SCOPE';
  constructor(readonly requiredScopes: readonly string[]) {
    super(ErrorCode.FORBIDDEN, requiredScopes.length === 0 ? 'API keys cannot use this field' : `This API key needs one of these scopes: ${requiredScopes.join(', ')}`, {
      reason: ScopeRequiredError.reason,
      requiredScopes,
    });
  }
}

/** An argument is invalid; `field` names it so a form can point at it. */
export class BadUserInputError extends AppError {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(ErrorCode.BAD_USER_INPUT, message, { field });
  }
}

export class RateLimitedError extends AppError {
  constructor(readonly retryAfterSeconds: number) {
    super(ErrorCode.RATE_LIMITED, `Too many requests, retry in ${retryAfterSeconds}s`, { retryAfter: retryAfterSeconds });
  }
}

/**
 * The shared rate-limit store (Redis) cannot be asked: the limited field is
 * refused rather than run unlimited. Same code as a limit, so clients retry
 * after `retryAfter` as they would anyway; `reason` tells the two apart, and
 * an operation refused only for this reason is answered with HTTP 503.
 */
export class RateLimitUnavailableError extends AppError {
  static readonly reason = 'LIMITER_UNAVAILABLE';
  constructor(readonly retryAfterSeconds = 5) {
    super(ErrorCode.RATE_LIMITED, `Rate limiting is unavailable, retry in ${retryAfterSeconds}s`, { retryAfter: retryAfterSeconds, reason: RateLimitUnavailableError.reason });
  }
}

/** A request that cannot run at all (HTTP 400), e.g. an operation type this server does not serve. */
export class BadRequestError extends AppError {
  constructor(message: string) {
    super(ErrorCode.BAD_REQUEST, message, {}, { status: 400 });
  }
}

/**
 * The database cannot be reached or cannot answer in time (down, cut off,
 * silent, overloaded, not migrated yet since the start): the field fails
 * rather than wait, and a write it was making was not reported done. HTTP 503
 * with Retry-After when nothing in the operation ran (http/service-unavailable-status.ts),
 * or at once when the request could not even start (its session could not be checked).
 */
export class DatabaseUnavailableError extends AppError {
  static readonly reason = 'DATABASE_UNAVAILABLE';
  // The pool reconnects on the next query once the database answers again,
  // so a client asking again this much later finds the server recovered.
  static readonly retryAfterSeconds = 2;
  constructor(scope: 'field' | 'request' = 'field') {
    const seconds = DatabaseUnavailableError.retryAfterSeconds;
    super(
      ErrorCode.SERVICE_UNAVAILABLE,
      `The database is unavailable, retry in ${seconds}s`,
      { retryAfter: seconds, reason: DatabaseUnavailableError.reason },
      scope === 'request' ? { status: 503, headers: new HeaderMap([['retry-after', String(seconds)]]) } : undefined,
    );
  }
}

/**
 * The password was right and the account has a second factor: no tokens yet.
 * `mfaToken` is opaque and good for one thing, `verifyMfa`, for 5 minutes.
 */
export class MfaRequiredError extends AppError {
  constructor(mfaToken: string, expiresInSeconds: number) {
    super(ErrorCode.MFA_REQUIRED, 'Enter the code from your authenticator app, or a recovery code, to finish signing in', { mfaToken, expiresIn: expiresInSeconds });
  }
}

/**
 * The field asks for a recent proof (`@auth(fresh: …)`) and the caller's last
 * one is older: call `reauthenticate`, then try again with the new access token.
 * `maxAge` is the field's window in seconds.
 */
export class ReauthenticationRequiredError extends AppError {
  constructor(readonly maxAgeSeconds: number) {
    super(ErrorCode.REAUTHENTICATION_REQUIRED, 'Confirm it is you (reauthenticate), then try again', { maxAge: maxAgeSeconds });
  }
}

/**
 * A second-factor code at verifyMfa was wrong, or the mfaToken is over
 * (expired, used, or out of attempts). `attemptsLeft` says which: above 0,
 * ask for the code again; 0, start again with the password.
 */
export class MfaCodeRejectedError extends AppError {
  constructor(
    message: string,
    readonly attemptsLeft: number,
  ) {
    super(ErrorCode.UNAUTHENTICATED, message, { attemptsLeft });
  }
}
