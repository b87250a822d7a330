// A client sends the same access token on every request until it expires, and
// verifying it (header parse, signature, claims) would be a large share of
// `me`'s CPU (an asymmetric signature far more). The verdict is a pure function
// of the token text, the keys and the time, so it is remembered per token text
// and only the expiry is checked again. Failures are never remembered: a bad
// token costs a full verification every time, and only tokens this server
// signed can fill the cache. Anything stateful (is the session still live?)
// stays outside: services/session-verifier.ts runs per request.
import { LRUCache } from 'lru-cache';
import type { Clock } from '../platform/clock.js';
import type { AccessTokens, VerifiedAccessToken } from './access-tokens.js';

export interface CachedAccessTokens extends AccessTokens {
  /** The verdict on `token` if it is remembered and not yet expired, at once (no promise); else undefined: call verify. */
  known(token: string): VerifiedAccessToken | undefined;
}

export function cacheVerifiedTokens(tokens: AccessTokens, clock: Clock, maxEntries: number): CachedAccessTokens {
  const verified = new LRUCache<string, VerifiedAccessToken>({ max: maxEntries });
  const known = (token: string): VerifiedAccessToken | undefined => {
    const hit = verified.get(token);
    // jose refuses at exp (whole seconds) exactly; so does this.
    return hit && clock.now() < hit.expiresAt ? hit : undefined;
  };
  return {
    sign: (subject, sessionEndsAt) => tokens.sign(subject, sessionEndsAt),
    known,
    async verify(token) {
      const hit = known(token);
      if (hit) return hit;
      verified.delete(token);
      const fresh = await tokens.verify(token); // rejects with InvalidTokenError: nothing is stored
      verified.set(token, fresh);
      return fresh;
    },
  };
}
