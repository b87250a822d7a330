import type { AuthProof } from './auth-proof.js';
import type { ApiKeyId, SessionId, UserId } from './ids.js';
import type { Logger } from './logger.js';

export type Role = 'USER' | 'ADMIN';

export interface SignedInViewer {
  readonly kind: 'user';
  readonly userId: UserId;
  /** The role as stored now, not as it was when the token was issued. */
  readonly role: Role;
  readonly sessionId: SessionId;
  /** Whether the user's address is verified, as stored now (read by the same session check as the role). */
  readonly emailVerified: boolean;
}

/**
 * A request made with an API key: it acts as the key's user, but only on
 * fields that declare a scope it holds (@auth(scopes:)), and never as a
 * session (it cannot manage credentials).
 */
export interface ApiKeyViewer {
  readonly kind: 'apiKey';
  readonly userId: UserId;
  /** The user's role as stored now, but ADMIN only for a key holding the admin scope (platform/api-scopes.ts). */
  readonly role: Role;
  readonly apiKeyId: ApiKeyId;
  readonly scopes: ReadonlySet<string>;
  /** Whether the user's address is verified, as stored now. */
  readonly emailVerified: boolean;
}

/** Whom a request acts for: a signed-in person or an API key's user. */
export type Actor = SignedInViewer | ApiKeyViewer;

export type Viewer = { readonly kind: 'anonymous' } | Actor;

export const anonymous: Viewer = Object.freeze({ kind: 'anonymous' });

/**
 * Who administers an account: a signed-in ADMIN over the API (the schema
 * checked the role), or the operator at the command line, who has no account
 * (the CLI's user is whoever can reach the database). Audit events name the
 * ADMIN as actor; the operator's have none and an origin saying `cli`.
 */
export type Administrator = SignedInViewer | { readonly kind: 'operator' };

export const operator: Administrator = Object.freeze({ kind: 'operator' });

export const actorIdOf = (by: Administrator): UserId | undefined => (by.kind === 'operator' ? undefined : by.userId);

/** Where a request came from: what sessions record and audit events carry. */
export interface RequestOrigin {
  readonly requestId: string;
  /** Socket address, or X-Forwarded-For when TRUST_PROXY allows it. */
  readonly ip: string;
  readonly userAgent: string | undefined;
}

/**
 * What lives exactly as long as one request: batch loaders (DataLoader) and
 * policy batches. Kept in the context, never in module scope, so one
 * request's cached rows can never answer another's.
 */
export interface RequestScope {
  /** The value made for `key` in this request, made by `make` on first use. */
  memo<T>(key: object, make: () => T): T;
}

export function createRequestScope(): RequestScope {
  let values: Map<object, unknown> | undefined; // most requests load nothing in batches
  return {
    memo<T>(key: object, make: () => T): T {
      values ??= new Map();
      if (values.has(key)) return values.get(key) as T;
      const made = make();
      values.set(key, made);
      return made;
    },
  };
}

/** Built fresh for every request by context/build-context.ts; nothing else writes it. */
export interface RequestContext {
  readonly viewer: Viewer;
  readonly origin: RequestOrigin;
  /** Child logger bound to the request id. */
  readonly log: Logger;
  /** Per-request loaders and batches. */
  readonly scope: RequestScope;
  /** The access token's `auth_time` and `amr`, for @auth(fresh: …); undefined without a token. */
  readonly proof?: AuthProof | undefined;
}

/**
 * A result of signup, login or refresh is read by a caller who is still
 * anonymous in this request's context. The user object such a mutation returns
 * carries the viewer it was issued to, so access rules grant that viewer on it
 * (and only on it) the rights the new token will grant.
 */
export const issuedTo: unique symbol = Symbol('issuedTo');

export interface IssuedToCarrier {
  readonly [issuedTo]?: SignedInViewer;
}

/** The viewer whose rights apply to `parent`: whom it was issued to, else the request's. */
export function viewerFor(context: RequestContext, parent: unknown): Viewer {
  if (typeof parent === 'object' && parent !== null && issuedTo in parent) {
    return (parent as IssuedToCarrier)[issuedTo] ?? context.viewer;
  }
  return context.viewer;
}
