import type { Resolvers } from '../generated/resolvers-types.js';
import type { EmailVerificationService } from '../services/email-verification-service.js';
import type { PasswordResetService } from '../services/password-reset-service.js';
import { signedInViewer } from './signed-in-viewer.js';

export const createAccountResolvers = ({ passwordReset, emailVerification }: { passwordReset: PasswordResetService; emailVerification: EmailVerificationService }): Resolvers => ({
  Mutation: {
    requestPasswordReset: (_parent, { email }, ctx) => passwordReset.request(email, ctx.origin),
    resetPassword: (_parent, { token, newPassword }, ctx) => passwordReset.reset(token, newPassword, ctx.origin),
    verifyEmail: (_parent, { token }, ctx) => emailVerification.verify(token, ctx.origin),
    requestEmailVerification: (_parent, _args, ctx) => emailVerification.request(signedInViewer(ctx), ctx.origin),
  },
});
