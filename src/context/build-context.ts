// The context turns the Authorization header into a viewer and does nothing
// else. No header: anonymous, a normal state. A header that is not a valid,
// live access token: InvalidTokenError (HTTP 401), never a quiet anonymous.
import type { AccessTokens } from '../credentials/access-tokens.js';
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

export function createContextBuilder(deps: { accessTokens: AccessTokens; verifier: SessionVerifier; log: Logger; audit: AuditLog }): BuildContext {
  const { accessTokens, verifier, audit } = deps;
  return async ({ authorization, origin }) => {
    const log = deps.log.child({ requestId: origin.requestId });
    try {
      const token = readBearerToken(authorization);
      const viewer: Viewer = token === undefined ? anonymous : await verifier.viewerFor(accessTokens.verify(token));
      return { viewer, origin, log };
    } catch (error) {
      // The client sees one generic 401 or a masked 500; the reason is kept
      // here, because Apollo logs nothing when building the context fails.
      if (error instanceof InvalidTokenError) audit.record({ type: 'token.rejected', origin, reason: error.reason });
      else log.error({ err: error }, 'building the request context failed');
      throw error;
    }
  };
}
