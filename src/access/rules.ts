// The access rules the directives compile to. Each is a graphql-shield rule
// that returns an AppError (never throws), so shield passes the precise code on.
// Every rule reads `parent` or `args`, so none may be cached across fields:
// a cached owner decision for user(id: A) must never answer user(id: B).
import { allow, rule, type chain } from 'graphql-shield';
import { ForbiddenError, UnauthenticatedError } from '../platform/errors.js';
import { viewerFor, type RequestContext } from '../platform/request-context.js';

/** Any rule or rule combination shield accepts (its own type is not exported). */
export type ShieldRule = Parameters<typeof chain>[number];

export type AccessLevel = 'USER' | 'OWNER' | 'ADMIN';

/** What a field declares: @public, or @auth with its level (and, for OWNER on a root field, the argument). */
export type AccessDeclaration =
  | { readonly kind: 'public' }
  | { readonly kind: 'auth'; readonly requires: AccessLevel; readonly ownerArg: string | undefined };

const noCache = { cache: 'no_cache' } as const;

export const signedIn: ShieldRule = rule('signedIn', noCache)((parent, _args, ctx: RequestContext) =>
  viewerFor(ctx, parent).kind === 'user' ? true : new UnauthenticatedError(),
);

export const admin: ShieldRule = rule('admin', noCache)((parent, _args, ctx: RequestContext) => {
  const viewer = viewerFor(ctx, parent);
  if (viewer.kind !== 'user') return new UnauthenticatedError();
  return viewer.role === 'ADMIN' ? true : new ForbiddenError();
});

const ownerIdOf = (source: unknown, key: string): unknown =>
  typeof source === 'object' && source !== null ? (source as Record<string, unknown>)[key] : undefined;

/**
 * The user the data belongs to, or an ADMIN. On a root field the owner's id is
 * the argument `ownerArg`; on an object field it is the parent's `id` (the
 * parent is the user).
 */
export function owner(ownerArg: string | undefined): ShieldRule {
  return rule(`owner:${ownerArg ?? 'parent.id'}`, noCache)((parent, args, ctx: RequestContext) => {
    const viewer = viewerFor(ctx, parent);
    if (viewer.kind !== 'user') return new UnauthenticatedError();
    if (viewer.role === 'ADMIN') return true;
    const ownerId = ownerArg === undefined ? ownerIdOf(parent, 'id') : ownerIdOf(args, ownerArg);
    return ownerId === viewer.userId ? true : new ForbiddenError();
  });
}

/** One rule instance per distinct declaration, made once at start. */
export function createRuleFor(): (declaration: AccessDeclaration) => ShieldRule {
  const owners = new Map<string | undefined, ShieldRule>();
  return (declaration) => {
    if (declaration.kind === 'public') return allow;
    if (declaration.requires === 'USER') return signedIn;
    if (declaration.requires === 'ADMIN') return admin;
    const existing = owners.get(declaration.ownerArg);
    if (existing) return existing;
    const created = owner(declaration.ownerArg);
    owners.set(declaration.ownerArg, created);
    return created;
  };
}
