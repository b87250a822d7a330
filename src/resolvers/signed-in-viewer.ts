import { UnauthenticatedError } from '../platform/errors.js';
import type { RequestContext, SignedInViewer } from '../platform/request-context.js';

/**
 * The signed-in viewer of a field that @auth already guards. Shield has checked
 * it; this narrows the type and, should a declaration ever be loosened, fails
 * closed rather than acting for nobody.
 */
export function signedInViewer(ctx: RequestContext): SignedInViewer {
  if (ctx.viewer.kind !== 'user') throw new UnauthenticatedError();
  return ctx.viewer;
}
