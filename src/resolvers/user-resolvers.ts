import type { Resolvers } from '../generated/resolvers-types.js';
import { viewerFor } from '../platform/request-context.js';
import type { SessionService } from '../services/session-service.js';
import type { UserService } from '../services/user-service.js';
import { signedInViewer } from './signed-in-viewer.js';

export const createUserResolvers = ({ users, sessions }: { users: UserService; sessions: SessionService }): Resolvers => ({
  Query: {
    me: (_parent, _args, ctx) => users.me(ctx.viewer),
    user: (_parent, { id }) => users.byId(id),
    users: (_parent, { first, after }) => users.page(first ?? 20, after),
  },
  Mutation: {
    setUserRole: (_parent, { userId, role }, ctx) => users.setRole(signedInViewer(ctx), userId, role, ctx.origin),
    deleteUser: (_parent, { id }, ctx) => users.delete(signedInViewer(ctx), id, ctx.origin),
  },
  User: {
    // The viewer the user object was issued to (after signup or login) sees its own session as current.
    sessions: (parent, _args, ctx) => sessions.list(parent.id, viewerFor(ctx, parent)),
  },
});
