// The mfaToken of MFA_REQUIRED: it stands for "the password was right, a
// second factor is still owed" and opens nothing but verifyMfa. Its own
// prefix and shape, so it can never pass for an access token (a JWT) or a
// refresh token (rt_…), and those never pass for it.
import type { MfaTokenHash } from '../platform/ids.js';
import { opaqueTokens } from './opaque-tokens.js';

export const mfaTokens = opaqueTokens<MfaTokenHash>('mfa_');
