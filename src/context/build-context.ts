// The context turns the Authorization header into a viewer and does nothing
// else. No header: anonymous, a normal state. A header that is not a valid,
// live access token: InvalidTokenError (HTTP 401), never a quiet anonymous.
import type { AccessTokens, VerifiedAccessToken } from '../credentials/access-tokens.js';
import type { AuditLog } from '../platform/audit.js';
import { InvalidTokenError } from '../platform/errors.js';
import type { Logger } from '../platform/logger.js';
import { anonymous, type RequestContext, type RequestOrigin, type Viewer } from '../platform/request-context.js';
import type { SessionVerifier } from '../services/session-verifier.js';

export interface ContextInput {
  readonly authorization: string | undefined;
  readonly origin: RequestOrigin;
}

export type BuildContext = (input: ContextInput) => Promise<RequestContext>;

// RFC 6750 b64token after a case-insensitive "Bearer ".
const bearerPattern = /^Bearer +([A-Za-z0-9\-._~+/]+=*)$/i;

export function readBearerToken(header: string | undefined): string | undefined {
  if (header === undefined) return undefined;
  const match = bearerPattern.exec(header.trim());
  if (!match?.[1]) throw new InvalidTokenError('Authorization header is not "Bearer <token>"');
  return match[1];
}

export interface ContextDeps {
  readonly accessTokens: AccessTokens;
  readonly verifier: SessionVerifier;
  readonly audit: AuditLog;
  readonly log: Logger;
}

export function createContextBuilder({ accessTokens, verifier, audit, log }: ContextDeps): BuildContext {
  async function viewerOf(authorization: string | undefined, origin: RequestOrigin, requestLog: Logger): Promise<Viewer> {
    let verified: VerifiedAccessToken | undefined;
    try {
      const token = readBearerToken(authorization);
      if (token === undefined) return anonymous;
      verified = accessTokens.verify(token);
      return await verifier.viewerFor(verified);
    } catch (error) {
      // The client gets one generic 401 (expired, revoked, forged…) or a masked
      // 500: only the server may know which, and Apollo logs nothing when
      // building the context fails, so it is written here.
      if (error instanceof InvalidTokenError) {
        audit.record({ type: 'token.rejected', origin, reason: error.reason, subjectId: verified?.userId, sessionId: verified?.sessionId });
      } else {
        requestLog.error({ err: error }, 'building the request context failed');
      }
      throw error;
    }
  }

  return async ({ authorization, origin }) => {
    const requestLog = log.child({ requestId: origin.requestId });
    const viewer = await viewerOf(authorization, origin, requestLog);
    return { viewer, origin, log: requestLog };
  };
}
