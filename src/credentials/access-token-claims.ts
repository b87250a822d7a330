// What an access token says, in one place each way: `claimsOf` builds the
// claims a token is signed with, `readClaims` reads them back after the
// signature, issuer, audience and expiry have been checked. A new claim is one
// line in each (and one property below), whatever key signs the token.
import type { JWTPayload } from 'jose';
import { InvalidTokenError } from '../platform/errors.js';
import type { SessionId, UserId } from '../platform/ids.js';
import type { Role } from '../platform/request-context.js';

/** Whom a token is issued to. */
export interface AccessTokenSubject {
  readonly userId: UserId;
  readonly role: Role;
  readonly sessionId: SessionId;
}

export interface VerifiedAccessToken extends AccessTokenSubject {
  readonly tokenId: string;
  readonly expiresAt: number;
}

/** The registered claims jose sets and checks on every token (sub is ours, below). */
export const requiredRegisteredClaims = ['iss', 'aud', 'iat', 'exp', 'jti', 'sub'] as const;

/** The claims beyond iss, aud, iat, exp and jti (which access-tokens.ts sets). */
export const claimsOf = (subject: AccessTokenSubject): JWTPayload => ({ sub: subject.userId, role: subject.role, sid: subject.sessionId });

const isRole = (value: unknown): value is Role => value === 'USER' || value === 'ADMIN';
const isText = (value: unknown): value is string => typeof value === 'string' && value.length > 0;
const isInt = (value: unknown): value is number => Number.isSafeInteger(value);

/** The subject of a token whose signature and registered claims are already verified; every claim is required. */
export function readClaims(claims: JWTPayload): VerifiedAccessToken {
  const { sub, sid, jti, role, iat, exp } = claims;
  if (!isText(sub) || !isText(sid) || !isText(jti) || !isRole(role)) throw new InvalidTokenError('missing or malformed sub, sid, jti or role');
  if (!isInt(iat) || !isInt(exp)) throw new InvalidTokenError('missing iat or exp');
  return { userId: sub as UserId, sessionId: sid as SessionId, role, tokenId: jti, expiresAt: exp * 1000 };
}
