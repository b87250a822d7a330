// Access tokens: short-lived JWTs naming a user, their role and their session,
// signed and verified with jose whatever the key (HS256, EdDSA, ES256, RS256):
// one verification path. The header is read first so that a refusal names its
// precise cause (for the log only); then jose checks the signature with the key
// the kid names, pinned to that key's algorithm, and the registered claims.
import { randomUUID } from 'node:crypto';
import { errors, jwtVerify, SignJWT } from 'jose';
import type { Clock } from '../platform/clock.js';
import { InvalidTokenError } from '../platform/errors.js';
import { claimsOf, readClaims, requiredRegisteredClaims, type AccessTokenClaims, type VerifiedAccessToken } from './access-token-claims.js';
import type { SigningAlgorithm, TokenKeys } from './signing-keys.js';

export type { AccessTokenClaims, AccessTokenSubject, VerifiedAccessToken } from './access-token-claims.js';

export interface AccessTokenSettings {
  readonly keys: TokenKeys;
  readonly issuer: string;
  readonly audience: string;
  readonly ttlMs: number;
}

export interface AccessTokens {
  /**
   * `sessionEndsAt` (ms) is when the token's session reaches its absolute
   * lifetime: `exp` is ACCESS_TOKEN_TTL from now or that, whichever is first,
   * so no token outlives its session, even where it is checked offline.
   */
  sign(claims: AccessTokenClaims, sessionEndsAt: number): Promise<{ token: string; expiresInSeconds: number }>;
  /** Rejects with InvalidTokenError, whose `reason` says precisely why (for the log only). */
  verify(token: string): Promise<VerifiedAccessToken>;
}

const tokenType = 'at+jwt';

function readHeader(token: string): { kid?: unknown; typ?: unknown; alg?: unknown } {
  const dot = token.indexOf('.');
  if (dot <= 0) throw new InvalidTokenError('not a JWS compact token');
  try {
    const header: unknown = JSON.parse(Buffer.from(token.slice(0, dot), 'base64url').toString('utf8'));
    if (typeof header !== 'object' || header === null) throw new Error('header is not an object');
    return header;
  } catch {
    throw new InvalidTokenError('malformed header');
  }
}

// Header values come from whoever sent the token and end up in the log: short and quoted.
const shown = (value: unknown): string => (JSON.stringify(value) ?? 'undefined').slice(0, 40);

const claimNames: Readonly<Record<string, string>> = { iss: 'issuer', aud: 'audience' };

/** jose's refusal in a few stable words (the log's vocabulary, which dashboards may match on). */
function reasonOf(error: unknown): string {
  if (error instanceof errors.JWSSignatureVerificationFailed) return 'invalid signature';
  if (error instanceof errors.JWTExpired) return 'jwt expired';
  if (error instanceof errors.JWTClaimValidationFailed) return `${claimNames[error.claim] ?? error.claim} invalid: ${error.message}`;
  if (error instanceof errors.JOSEError) return `${error.code}: ${error.message}`;
  return 'verify failed';
}

export function createAccessTokens(settings: AccessTokenSettings, clock: Clock): AccessTokens {
  const { signing, verifying } = settings.keys;
  const accepted = new Set<string>([...verifying.values()].map((key) => key.alg));
  const ttlSeconds = Math.floor(settings.ttlMs / 1000);

  return {
    async sign(subject, sessionEndsAt) {
      const iat = Math.floor(clock.now() / 1000);
      const exp = Math.min(iat + ttlSeconds, Math.floor(sessionEndsAt / 1000));
      const token = await new SignJWT(claimsOf(subject))
        .setProtectedHeader({ alg: signing.alg, typ: tokenType, kid: signing.kid })
        .setIssuer(settings.issuer)
        .setAudience(settings.audience)
        .setJti(randomUUID())
        .setIssuedAt(iat)
        .setExpirationTime(exp)
        .sign(signing.signWith);
      return { token, expiresInSeconds: Math.max(exp - iat, 0) };
    },

    async verify(token) {
      const header = readHeader(token);
      if (typeof header.alg !== 'string' || !accepted.has(header.alg)) throw new InvalidTokenError(`algorithm ${shown(header.alg)} is not accepted`);
      if (header.typ !== tokenType) throw new InvalidTokenError(`typ ${shown(header.typ)} is not ${tokenType}`);
      const key = typeof header.kid === 'string' ? verifying.get(header.kid) : undefined;
      if (!key) throw new InvalidTokenError(`unknown kid ${shown(header.kid)}`);
      // Each key verifies only its own algorithm: an RS256 public key is never taken as an HMAC secret.
      const algorithms: SigningAlgorithm[] = [key.alg];
      try {
        const { payload } = await jwtVerify(token, key.verifyWith, {
          algorithms,
          issuer: settings.issuer,
          audience: settings.audience,
          requiredClaims: [...requiredRegisteredClaims],
          currentDate: new Date(clock.now()),
        });
        return readClaims(payload);
      } catch (error) {
        if (error instanceof InvalidTokenError) throw error;
        throw new InvalidTokenError(reasonOf(error));
      }
    },
  };
}
