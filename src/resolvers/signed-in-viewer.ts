import { ForbiddenError, UnauthenticatedError } from '../platform/errors.js';
import type { Actor, RequestContext, SignedInViewer } from '../platform/request-context.js';

/**
 * The signed-in person of a field that @auth already guards, for fields that
 * manage credentials (sessions, passwords, keys, roles). Shield has checked
 * it, and no scope lets an API key reach such a field; this narrows the type
 * and, should a declaration ever be loosened, fails closed rather than letting
 * a key act as a session.
 */
export function signedInViewer(ctx: RequestContext): SignedInViewer {
  if (ctx.viewer.kind === 'apiKey') throw new ForbiddenError('API keys cannot manage credentials');
  if (ctx.viewer.kind !== 'user') throw new UnauthenticatedError();
  return ctx.viewer;
}

/** Whom a guarded field acts for: the signed-in person, or an API key's user (within the scopes shield checked). */
export function actingUser(ctx: RequestContext): Actor {
  if (ctx.viewer.kind === 'anonymous') throw new UnauthenticatedError();
  return ctx.viewer;
}
