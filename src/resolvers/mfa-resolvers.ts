// Thin resolvers for the second factor: TOTP, recovery codes, verifyMfa.
import type { Resolvers } from '../generated/resolvers-types.js';
import type { MfaVerification } from '../services/mfa/mfa-verification.js';
import type { TotpService } from '../services/mfa/totp-service.js';
import { signedInViewer } from './signed-in-viewer.js';

export interface MfaServices {
  readonly totp: TotpService;
  readonly mfaLogin: MfaVerification;
}

export const createMfaResolvers = ({ totp, mfaLogin }: MfaServices): Resolvers => ({
  Mutation: {
    enrollTotp: (_parent, _args, ctx) => totp.enroll(signedInViewer(ctx), ctx.origin),
    confirmTotp: (_parent, { code }, ctx) => totp.confirm(signedInViewer(ctx), code, ctx.origin),
    disableTotp: (_parent, { code }, ctx) => totp.disable(signedInViewer(ctx), code, ctx.origin),
    regenerateRecoveryCodes: (_parent, _args, ctx) => totp.regenerateRecoveryCodes(signedInViewer(ctx), ctx.origin),
    resetUserMfa: (_parent, { id }, ctx) => totp.reset(signedInViewer(ctx), id, ctx.origin),
    verifyMfa: (_parent, { mfaToken, code }, ctx) => mfaLogin.verify(mfaToken, code, ctx.origin),
  },
  User: {
    mfaEnabled: (user, _args, ctx) => totp.enabledFor(user.id, ctx.scope),
  },
});
