// How another service verifies the access tokens of the auth server with
// nothing but its published keys (GET /.well-known/jwks.json): it holds no
// secret and can sign nothing. jose fetches the key set, caches it, and fetches
// it again when a token names a key it has not seen (a rotation).
import { createRemoteJWKSet, jwtVerify, type JWTPayload } from 'jose';

export interface AuthServerSettings {
  /** Where the auth server serves its API, e.g. https://auth.example.com */
  readonly baseUrl: string;
  /** The auth server's JWT_ISSUER and JWT_AUDIENCE (both `graphql-auth` by default). */
  readonly issuer: string;
  readonly audience: string;
}

/** What a verified access token says: who (`sub`), with which role, in which session (`sid`). */
export interface AccessClaims extends JWTPayload {
  readonly sub: string;
  readonly role: 'USER' | 'ADMIN';
  readonly sid: string;
}

export type VerifyAccessToken = (token: string) => Promise<AccessClaims>;

export function createAccessTokenVerifier({ baseUrl, issuer, audience }: AuthServerSettings): VerifyAccessToken {
  const keys = createRemoteJWKSet(new URL('/.well-known/jwks.json', baseUrl));
  return async (token) => {
    const { payload } = await jwtVerify(token, keys, {
      issuer,
      audience,
      // Access tokens only (not an ID token or anything else signed by the same key),
      // and only the asymmetric algorithms: never an HMAC keyed with a public key.
      typ: 'at+jwt',
      algorithms: ['EdDSA', 'ES256', 'RS256'],
      requiredClaims: ['sub', 'sid', 'role', 'exp', 'iat', 'jti'],
    });
    const { sub, role, sid } = payload;
    if (typeof sub !== 'string' || typeof sid !== 'string' || (role !== 'USER' && role !== 'ADMIN')) throw new Error('malformed access token claims');
    return { ...payload, sub, role, sid };
  };
}
