// All jsonwebtoken use. Access tokens are short-lived HS256 JWTs naming a user,
// their role and their session; verification requires every claim.
import { createHash, createSecretKey, randomUUID, type KeyObject } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { isAuthMethod, type AuthProof } from '../platform/auth-proof.js';
import type { Clock } from '../platform/clock.js';
import { InvalidTokenError } from '../platform/errors.js';
import type { SessionId, UserId } from '../platform/ids.js';
import type { Role } from '../platform/request-context.js';

export interface AccessTokenSettings {
  readonly secret: string;
  readonly previousSecret: string | undefined;
  readonly issuer: string;
  readonly audience: string;
  readonly ttlMs: number;
}

export interface AccessTokenSubject {
  readonly userId: UserId;
  readonly role: Role;
  readonly sessionId: SessionId;
}

export interface AccessTokenClaims extends AccessTokenSubject {
  /** When and how the session's holder last proved who they are: the `auth_time` and `amr` claims. */
  readonly proof: AuthProof;
}

export interface VerifiedAccessToken extends AccessTokenClaims {
  readonly tokenId: string;
  readonly expiresAt: number;
}

export interface AccessTokens {
  sign(claims: AccessTokenClaims): { token: string; expiresInSeconds: number };
  /** Throws InvalidTokenError, whose `reason` says precisely why (for the log only). */
  verify(token: string): VerifiedAccessToken;
}

const algorithm = 'HS256';
const tokenType = 'at+jwt';

interface SigningKey {
  readonly kid: string;
  readonly key: KeyObject;
}

// The kid is a digest of the secret, so rotating the secret rotates the kid and
// a token always says which key to check it with.
const toSigningKey = (secret: string): SigningKey => ({
  kid: createHash('sha256').update(`kid:${secret}`).digest('base64url').slice(0, 12),
  // A KeyObject, not the string: jsonwebtoken re-derives a key from a string on
  // every call, which makes verify many times slower.
  key: createSecretKey(Buffer.from(secret, 'utf8')),
});

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

const isRole = (value: unknown): value is Role => value === 'USER' || value === 'ADMIN';
const isText = (value: unknown): value is string => typeof value === 'string' && value.length > 0;
const isInt = (value: unknown): value is number => Number.isSafeInteger(value);

export function createAccessTokens(settings: AccessTokenSettings, clock: Clock): AccessTokens {
  const current = toSigningKey(settings.secret);
  const keys = new Map<string, KeyObject>([[current.kid, current.key]]);
  if (settings.previousSecret !== undefined) {
    const previous = toSigningKey(settings.previousSecret);
    keys.set(previous.kid, previous.key);
  }
  const ttlSeconds = Math.floor(settings.ttlMs / 1000);

  return {
    sign({ userId, role, sessionId, proof }) {
      const iat = Math.floor(clock.now() / 1000);
      const claims = { sub: userId, role, sid: sessionId, jti: randomUUID(), iat, exp: iat + ttlSeconds, auth_time: Math.floor(proof.authTime / 1000), amr: proof.amr };
      const token = jwt.sign(claims, current.key, {
        algorithm,
        issuer: settings.issuer,
        audience: settings.audience,
        header: { alg: algorithm, typ: tokenType, kid: current.kid },
      });
      return { token, expiresInSeconds: ttlSeconds };
    },

    verify(token) {
      const header = readHeader(token);
      if (header.alg !== algorithm) throw new InvalidTokenError(`algorithm ${shown(header.alg)} is not accepted`);
      if (header.typ !== tokenType) throw new InvalidTokenError(`typ ${shown(header.typ)} is not ${tokenType}`);
      const key = typeof header.kid === 'string' ? keys.get(header.kid) : undefined;
      if (!key) throw new InvalidTokenError(`unknown kid ${shown(header.kid)}`);
      let claims: unknown;
      try {
        claims = jwt.verify(token, key, {
          algorithms: [algorithm],
          issuer: settings.issuer,
          audience: settings.audience,
          clockTimestamp: Math.floor(clock.now() / 1000),
        });
      } catch (error) {
        throw new InvalidTokenError(error instanceof Error ? `${error.name}: ${error.message}` : 'verify failed');
      }
      if (typeof claims !== 'object' || claims === null) throw new InvalidTokenError('payload is not an object');
      const c = claims as Record<string, unknown>;
      // jsonwebtoken checks exp, iss and aud only when present; we require all.
      if (!isText(c['sub']) || !isText(c['sid']) || !isText(c['jti']) || !isRole(c['role'])) {
        throw new InvalidTokenError('missing or malformed sub, sid, jti or role');
      }
      if (!isInt(c['iat']) || !isInt(c['exp'])) throw new InvalidTokenError('missing iat or exp');
      const amr = c['amr'];
      if (!isInt(c['auth_time']) || !Array.isArray(amr) || amr.length === 0 || !amr.every(isAuthMethod)) throw new InvalidTokenError('missing or malformed auth_time or amr');
      return {
        userId: c['sub'] as UserId,
        sessionId: c['sid'] as SessionId,
        role: c['role'],
        tokenId: c['jti'],
        expiresAt: c['exp'] * 1000,
        proof: { authTime: c['auth_time'] * 1000, amr },
      };
    },
  };
}
