import type { Resolvers } from '../generated/resolvers-types.js';
import type { PasswordResetService } from '../services/password-reset-service.js';

export const createAccountResolvers = ({ passwordReset }: { passwordReset: PasswordResetService }): Resolvers => ({
  Mutation: {
    requestPasswordReset: (_parent, { email }, ctx) => passwordReset.request(email, ctx.origin),
    resetPassword: (_parent, { token, newPassword }, ctx) => passwordReset.reset(token, newPassword, ctx.origin),
  },
});
