// What an access token says, in one place each way: `claimsOf` builds the
// claims a token is signed with, `readClaims` reads them back after the
// signature, issuer, audience and expiry have been checked. A new claim is one
// line in each (and one property below), whatever key signs the token.
import type { JWTPayload } from 'jose';
import { isAuthMethod, type AuthProof } from '../platform/auth-proof.js';
import { InvalidTokenError } from '../platform/errors.js';
import type { SessionId, UserId } from '../platform/ids.js';
import type { Role } from '../platform/request-context.js';

/** Whom a token is issued to. */
export interface AccessTokenSubject {
  readonly userId: UserId;
  readonly role: Role;
  readonly sessionId: SessionId;
}

/** What a token is signed with: its subject and the proof its session last gave. */
export interface AccessTokenClaims extends AccessTokenSubject {
  /** When and how the session's holder last proved who they are: the `auth_time` and `amr` claims. */
  readonly proof: AuthProof;
}

export interface VerifiedAccessToken extends AccessTokenClaims {
  readonly tokenId: string;
  readonly expiresAt: number;
}

/** The registered claims jose sets and checks on every token (sub is ours, below). */
export const requiredRegisteredClaims = ['iss', 'aud', 'iat', 'exp', 'jti', 'sub'] as const;

/** The claims beyond iss, aud, iat, exp and jti (which access-tokens.ts sets). */
export const claimsOf = (claims: AccessTokenClaims): JWTPayload => ({
  sub: claims.userId,
  role: claims.role,
  sid: claims.sessionId,
  auth_time: Math.floor(claims.proof.authTime / 1000),
  amr: [...claims.proof.amr],
});

const isRole = (value: unknown): value is Role => value === 'USER' || value === 'ADMIN';
const isText = (value: unknown): value is string => typeof value === 'string' && value.length > 0;
const isInt = (value: unknown): value is number => Number.isSafeInteger(value);

/** The subject of a token whose signature and registered claims are already verified; every claim is required. */
export function readClaims(claims: JWTPayload): VerifiedAccessToken {
  const { sub, sid, jti, role, iat, exp, auth_time: authTime, amr } = claims;
  if (!isText(sub) || !isText(sid) || !isText(jti) || !isRole(role)) throw new InvalidTokenError('missing or malformed sub, sid, jti or role');
  if (!isInt(iat) || !isInt(exp)) throw new InvalidTokenError('missing iat or exp');
  if (!isInt(authTime) || !Array.isArray(amr) || amr.length === 0 || !amr.every(isAuthMethod)) throw new InvalidTokenError('missing or malformed auth_time or amr');
  return { userId: sub as UserId, sessionId: sid as SessionId, role, tokenId: jti, expiresAt: exp * 1000, proof: { authTime: authTime * 1000, amr } };
}
