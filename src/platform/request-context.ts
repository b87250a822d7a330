import type { SessionId, UserId } from './ids.js';
import type { Logger } from './logger.js';

export type Role = 'USER' | 'ADMIN';

export interface SignedInViewer {
  readonly kind: 'user';
  readonly userId: UserId;
  /** The role as stored now, not as it was when the token was issued. */
  readonly role: Role;
  readonly sessionId: SessionId;
}
export type Viewer = { readonly kind: 'anonymous' } | SignedInViewer;

export const anonymous: Viewer = Object.freeze({ kind: 'anonymous' });

/** Where a request came from: what sessions record and audit events carry. */
export interface RequestOrigin {
  readonly requestId: string;
  /** Socket address, or X-Forwarded-For when TRUST_PROXY allows it. */
  readonly ip: string;
  readonly userAgent: string | undefined;
}

/** Built fresh for every request by context/build-context.ts; nothing else writes it. */
export interface RequestContext {
  readonly viewer: Viewer;
  readonly origin: RequestOrigin;
  /** Child logger bound to the request id. */
  readonly log: Logger;
}

/**
 * A result of signup, login or refresh is read by a caller who is still
 * anonymous in this request's context. The user object such a mutation returns
 * carries the viewer it was issued to, so access rules grant that viewer on it
 * (and only on it) the rights the new token will grant.
 */
export const issuedTo: unique symbol = Symbol('issuedTo');

export interface IssuedToCarrier {
  readonly [issuedTo]?: SignedInViewer;
}

/** The viewer whose rights apply to `parent`: whom it was issued to, else the request's. */
export function viewerFor(context: RequestContext, parent: unknown): Viewer {
  if (typeof parent === 'object' && parent !== null && issuedTo in parent) {
    return (parent as IssuedToCarrier)[issuedTo] ?? context.viewer;
  }
  return context.viewer;
}
