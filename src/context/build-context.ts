// The context turns the Authorization header into a viewer and does nothing
// else. No header: anonymous, a normal state. A bearer credential is an API
// key (`gak_…`) or an access token (a JWT); one that is not valid and live
// gets InvalidTokenError (HTTP 401), never a quiet anonymous.
import type { VerifiedAccessToken } from '../credentials/access-tokens.js';
import { isApiKeyAttempt } from '../credentials/api-keys.js';
import type { CachedAccessTokens } from '../credentials/verified-token-cache.js';
import type { AuditLog } from '../platform/audit.js';
import type { AuthProof } from '../platform/auth-proof.js';
import type { DatabaseOutage } from '../platform/database-outage.js';
import { ApiKeyRefusedError, DatabaseUnavailableError, InvalidTokenError } from '../platform/errors.js';
import type { Logger } from '../platform/logger.js';
import { anonymous, createRequestScope, type RequestContext, type RequestOrigin, type RequestScope, type Viewer } from '../platform/request-context.js';
import type { ApiKeyVerifier } from '../services/api-key-verifier.js';
import type { SessionVerifier } from '../services/session-verifier.js';

export interface ContextInput {
  readonly authorization: string | undefined;
  readonly origin: RequestOrigin;
}

export type BuildContext = (input: ContextInput) => Promise<RequestContext>;

// RFC 6750 b64token after a case-insensitive "Bearer ", blanks around it
// allowed (matched here rather than trimmed: no copy of the header per request).
const bearerPattern = /^\s*Bearer +([A-Za-z0-9\-._~+/]+=*)\s*$/i;

export function readBearerToken(header: string | undefined): string | undefined {
  if (header === undefined) return undefined;
  const match = bearerPattern.exec(header);
  if (!match?.[1]) throw new InvalidTokenError('Authorization header is not "Bearer <token>"');
  return match[1];
}

/** What learns each request's viewer, or why its credential was refused (the request log). */
export interface ContextObserver {
  viewer(origin: RequestOrigin, viewer: Viewer): void;
  refused(origin: RequestOrigin, error: unknown): void;
}

export interface ContextDeps {
  readonly accessTokens: CachedAccessTokens;
  readonly verifier: SessionVerifier;
  readonly apiKeys: ApiKeyVerifier;
  readonly audit: AuditLog;
  readonly log: Logger;
  /** A session check the database could not answer refuses the request with 503, not a masked 500. */
  readonly outage: DatabaseOutage;
  readonly observer?: ContextObserver | undefined;
}

interface Credentials {
  readonly viewer: Viewer;
  readonly proof?: AuthProof;
}

const anonymousCredentials: Credentials = { viewer: anonymous };

// A request's logger is wanted only when something goes wrong, and pino's
// child() (with its censoring of bindings) cost microseconds on every request:
// it is made on first use. Apollo hands resolvers and plugins a copy of the
// context (own properties copied onto an object of the same prototype), so the
// lazy getter lives on the prototype and every copy gets one.
class Context implements RequestContext {
  readonly viewer: Viewer;
  readonly origin: RequestOrigin;
  readonly rootLog: Logger;
  // Made here, not lazily: every copy Apollo makes must share the same loaders.
  readonly scope: RequestScope = createRequestScope();
  readonly proof: AuthProof | undefined;

  constructor(viewer: Viewer, origin: RequestOrigin, rootLog: Logger, proof: AuthProof | undefined) {
    this.viewer = viewer;
    this.origin = origin;
    this.rootLog = rootLog;
    this.proof = proof;
  }

  get log(): Logger {
    const log = requestLogger(this.rootLog, this.origin);
    Object.defineProperty(this, 'log', { value: log });
    return log;
  }
}

const requestLogger = (log: Logger, origin: RequestOrigin): Logger => log.child({ requestId: origin.requestId });

export function createContextBuilder({ accessTokens, verifier, apiKeys, audit, log, outage, observer }: ContextDeps): BuildContext {
  // Most requests repeat a token whose signature was checked and whose session
  // was found live moments ago: both answers are in memory, and read here
  // without a promise. Anything else (no answer cached, a malformed header, an
  // API key) takes viewerOf, which also does the refusing and the auditing.
  function knownCredentials(authorization: string | undefined): Credentials | undefined {
    if (authorization === undefined) return anonymousCredentials;
    const token = bearerPattern.exec(authorization)?.[1];
    const verified = token === undefined ? undefined : accessTokens.known(token);
    if (verified === undefined) return undefined;
    const viewer = verifier.cachedViewerFor(verified);
    return viewer && { viewer, proof: verified.proof };
  }

  async function viewerOf(authorization: string | undefined, origin: RequestOrigin): Promise<Credentials> {
    let verified: VerifiedAccessToken | undefined;
    try {
      const token = readBearerToken(authorization);
      if (token === undefined) return anonymousCredentials;
      // An API key carries no proof of a person: fields that ask for one (@auth(fresh)) never serve it.
      if (isApiKeyAttempt(token)) return { viewer: await apiKeys.viewerFor(token) };
      verified = await accessTokens.verify(token);
      return { viewer: await verifier.viewerFor(verified), proof: verified.proof };
    } catch (error) {
      // The client gets one generic 401 (expired, revoked, forged…), a 503 if
      // the database could not say, or a masked 500: only the server may know
      // which, and Apollo logs nothing when building the context fails, so it
      // is written here.
      if (error instanceof ApiKeyRefusedError) {
        audit.record({ type: 'api_key.refused', origin, reason: error.refusal, apiKeyId: error.apiKeyId, subjectId: error.userId });
      } else if (error instanceof InvalidTokenError) {
        audit.record({ type: 'token.rejected', origin, reason: error.reason, subjectId: verified?.userId, sessionId: verified?.sessionId });
      } else if (outage.explains(error)) {
        outage.record(error);
        throw new DatabaseUnavailableError('request');
      } else {
        requestLogger(log, origin).error({ err: error }, 'building the request context failed');
      }
      throw error;
    }
  }

  return async ({ authorization, origin }) => {
    let credentials = knownCredentials(authorization);
    if (credentials === undefined) {
      try {
        credentials = await viewerOf(authorization, origin);
      } catch (error) {
        observer?.refused(origin, error);
        throw error;
      }
    }
    observer?.viewer(origin, credentials.viewer);
    return new Context(credentials.viewer, origin, log, credentials.proof);
  };
}
