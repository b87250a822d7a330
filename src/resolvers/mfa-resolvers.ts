// Thin resolvers for the second factor: TOTP, recovery codes, verifyMfa.
import type { Resolvers } from '../generated/resolvers-types.js';
import type { SecondFactorServices } from '../services/mfa/create-second-factor.js';
import { jsonScalar } from './json-scalar.js';
import { signedInViewer } from './signed-in-viewer.js';

export type MfaServices = SecondFactorServices;

export const createMfaResolvers = ({ totp, mfaLogin, reauthentication, passkeys, passkeyLogin }: MfaServices): Resolvers => ({
  JSON: jsonScalar,
  Mutation: {
    enrollTotp: (_parent, _args, ctx) => totp.enroll(signedInViewer(ctx), ctx.origin),
    confirmTotp: (_parent, { code }, ctx) => totp.confirm(signedInViewer(ctx), code, ctx.origin),
    disableTotp: (_parent, { code }, ctx) => totp.disable(signedInViewer(ctx), code, ctx.origin),
    regenerateRecoveryCodes: (_parent, _args, ctx) => totp.regenerateRecoveryCodes(signedInViewer(ctx), ctx.origin),
    resetUserMfa: (_parent, { id }, ctx) => totp.reset(signedInViewer(ctx), id, ctx.origin),
    verifyMfa: (_parent, { mfaToken, code }, ctx) => mfaLogin.verify(mfaToken, code, ctx.origin),
    reauthenticate: (_parent, { password, code }, ctx) => reauthentication.reauthenticate(signedInViewer(ctx), password, code, ctx.origin),
    startPasskeyRegistration: (_parent, _args, ctx) => passkeys.start(signedInViewer(ctx), ctx.origin),
    finishPasskeyRegistration: (_parent, { response, name }, ctx) => passkeys.finish(signedInViewer(ctx), response, name, ctx.origin),
    startPasskeyLogin: (_parent, { email }) => passkeyLogin.start(email),
    finishPasskeyLogin: (_parent, { challengeId, response }, ctx) => passkeyLogin.finish(challengeId, response, ctx.origin),
    removePasskey: (_parent, { id }, ctx) => passkeys.remove(signedInViewer(ctx), id, ctx.origin),
  },
  User: {
    mfaEnabled: (user, _args, ctx) => totp.enabledFor(user.id, ctx.scope),
    passkeys: (user, _args, ctx) => passkeys.listFor(user.id, ctx.scope),
  },
});
