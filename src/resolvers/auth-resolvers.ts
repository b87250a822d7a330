import type { Resolvers } from '../generated/resolvers-types.js';
import type { AuthService } from '../services/auth-service.js';
import type { SessionService } from '../services/session-service.js';
import { parseSessionId } from '../services/input.js';
import { signedInViewer } from './signed-in-viewer.js';

export const createAuthResolvers = ({ auth, sessions }: { auth: AuthService; sessions: SessionService }): Resolvers => ({
  Mutation: {
    signup: (_parent, { email, password }, ctx) => auth.signup({ email, password }, ctx.origin),
    login: (_parent, { email, password, deviceToken }, ctx) => auth.login({ email, password, deviceToken }, ctx.origin),
    refreshToken: (_parent, { refreshToken }, ctx) => auth.refresh(refreshToken, ctx.origin),
    logout: (_parent, _args, ctx) => sessions.logout(signedInViewer(ctx), ctx.origin),
    logoutAll: (_parent, _args, ctx) => sessions.logoutAll(signedInViewer(ctx), ctx.origin),
    revokeSession: (_parent, { id }, ctx) => sessions.revoke(signedInViewer(ctx), parseSessionId(id), ctx.origin),
    changePassword: (_parent, { currentPassword, newPassword }, ctx) =>
      sessions.changePassword(signedInViewer(ctx), currentPassword, newPassword, ctx.origin),
  },
});
