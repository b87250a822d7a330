import type { Resolvers } from '../generated/resolvers-types.js';
import type { EmailChangeService } from '../services/email-change-service.js';
import type { EmailVerificationService } from '../services/email-verification-service.js';
import type { PasswordResetService } from '../services/password-reset-service.js';
import { signedInViewer } from './signed-in-viewer.js';

export interface AccountServices {
  readonly passwordReset: PasswordResetService;
  readonly emailVerification: EmailVerificationService;
  readonly emailChange: EmailChangeService;
}

export const createAccountResolvers = ({ passwordReset, emailVerification, emailChange }: AccountServices): Resolvers => ({
  Mutation: {
    requestPasswordReset: (_parent, { email }, ctx) => passwordReset.request(email, ctx.origin),
    resetPassword: (_parent, { token, newPassword }, ctx) => passwordReset.reset(token, newPassword, ctx.origin),
    verifyEmail: (_parent, { token }, ctx) => emailVerification.verify(token, ctx.origin),
    requestEmailVerification: (_parent, _args, ctx) => emailVerification.request(signedInViewer(ctx), ctx.origin),
    requestEmailChange: (_parent, { newEmail, currentPassword }, ctx) => emailChange.request(signedInViewer(ctx), newEmail, currentPassword, ctx.origin),
    confirmEmailChange: (_parent, { token }, ctx) => emailChange.confirm(token, ctx.origin),
  },
});
