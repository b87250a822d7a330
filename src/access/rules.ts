// The access rules the directives compile to. Each is a graphql-shield rule
// that returns an AppError (never throws), so shield passes the precise code on.
// Every rule reads `parent` or `args`, so none may be cached across fields:
// a cached owner decision for user(id: A) must never answer user(id: B).
import DataLoader from 'dataloader';
import { allow, chain, rule } from 'graphql-shield';
import { EmailNotVerifiedError, ForbiddenError, PolicyRefusedError, UnauthenticatedError } from '../platform/errors.js';
import type { Policy, PolicyRequest } from '../platform/policy.js';
import { viewerFor, type RequestContext } from '../platform/request-context.js';

/** Any rule or rule combination shield accepts (its own type is not exported). */
export type ShieldRule = Parameters<typeof chain>[number];

export type AccessLevel = 'USER' | 'OWNER' | 'ADMIN';

/**
 * Where an OWNER rule finds the owner's user id: an argument of a Query or
 * Mutation field (`user(id:)`), or a property of the object the field belongs
 * to (`Note.ownerId`; for a User, its own `id`).
 */
export type OwnerSource = { readonly from: 'argument'; readonly name: string } | { readonly from: 'parent'; readonly field: string };

/**
 * What a field declares: @public, or @auth with its level and any further
 * requirements, each of which must also allow the call. A new requirement is
 * one optional property here, read in read-access-directives.ts and compiled
 * to one rule in `requirementRules` below.
 */
export type AccessDeclaration =
  | { readonly kind: 'public' }
  | {
      readonly kind: 'auth';
      readonly requires: AccessLevel;
      /** For OWNER: where the owner's id is. */
      readonly owner: OwnerSource | undefined;
      /** A registered policy that must also allow the call. */
      readonly policy: string | undefined;
      /** The caller's email address must be verified (`@auth(verified: true)`). */
      readonly verified?: boolean;
    };

export type AuthDeclaration = Extract<AccessDeclaration, { kind: 'auth' }>;

const noCache = { cache: 'no_cache' } as const;

export const signedIn: ShieldRule = rule('signedIn', noCache)((parent, _args, ctx: RequestContext) =>
  viewerFor(ctx, parent).kind === 'user' ? true : new UnauthenticatedError(),
);

export const admin: ShieldRule = rule('admin', noCache)((parent, _args, ctx: RequestContext) => {
  const viewer = viewerFor(ctx, parent);
  if (viewer.kind !== 'user') return new UnauthenticatedError();
  return viewer.role === 'ADMIN' ? true : new ForbiddenError();
});

/** The viewer's address is verified: read from the viewer, which the session check built, so it costs no query. */
export const verifiedEmail: ShieldRule = rule('verifiedEmail', noCache)((parent, _args, ctx: RequestContext) => {
  const viewer = viewerFor(ctx, parent);
  if (viewer.kind !== 'user') return new UnauthenticatedError();
  return viewer.emailVerified ? true : new EmailNotVerifiedError();
});

const propertyOf = (source: unknown, key: string): unknown =>
  typeof source === 'object' && source !== null ? (source as Record<string, unknown>)[key] : undefined;

/** The user the data belongs to, or an ADMIN. */
export function owner(source: OwnerSource): ShieldRule {
  const name = source.from === 'argument' ? `owner:args.${source.name}` : `owner:parent.${source.field}`;
  return rule(name, noCache)((parent, args: Record<string, unknown>, ctx: RequestContext) => {
    const viewer = viewerFor(ctx, parent);
    if (viewer.kind !== 'user') return new UnauthenticatedError();
    if (viewer.role === 'ADMIN') return true;
    const ownerId = source.from === 'argument' ? propertyOf(args, source.name) : propertyOf(parent, source.field);
    return ownerId === viewer.userId ? true : new ForbiddenError();
  });
}

/**
 * A registered policy. Its questions are gathered per request and tick with
 * DataLoader (no cache: each field is asked afresh), so a policy that reads
 * the database reads once for a whole list.
 */
export function policyRule(policy: Policy): ShieldRule {
  return rule(`policy:${policy.name}`, noCache)(async (parent, args: Record<string, unknown>, ctx: RequestContext) => {
    const viewer = viewerFor(ctx, parent);
    if (viewer.kind !== 'user') return new UnauthenticatedError();
    const batch = ctx.scope.memo(policy, () => new DataLoader<PolicyRequest, boolean>((requests) => policy.decide(requests, ctx), { cache: false }));
    try {
      return (await batch.load({ viewer, parent, args })) ? true : new PolicyRefusedError(policy.name);
    } catch (error) {
      // Returned, not thrown: shield would turn a throw into its FORBIDDEN
      // fallback; returned, a coded error keeps its code and anything else is
      // masked as INTERNAL_SERVER_ERROR. Never an allow.
      return error instanceof Error ? error : new Error(String(error));
    }
  });
}

const levelRule = (declaration: AuthDeclaration): ShieldRule => {
  if (declaration.requires === 'ADMIN') return admin;
  if (declaration.requires === 'OWNER' && declaration.owner) return owner(declaration.owner);
  return signedIn;
};

/** The rules a declaration's further requirements add after its level, in order. */
function requirementRules(declaration: AuthDeclaration, policies: ReadonlyMap<string, Policy>): ShieldRule[] {
  const rules: ShieldRule[] = [];
  if (declaration.verified === true) rules.push(verifiedEmail);
  const policy = declaration.policy === undefined ? undefined : policies.get(declaration.policy);
  if (policy) rules.push(policyRule(policy));
  return rules;
}

/**
 * One rule instance per distinct declaration, made once at start. The level
 * runs first (an anonymous caller gets UNAUTHENTICATED before any policy
 * reads anything), then each requirement in turn; chain() stops at the first
 * refusal.
 */
export function createRuleFor(policies: ReadonlyMap<string, Policy> = new Map()): (declaration: AccessDeclaration) => ShieldRule {
  const made = new Map<string, ShieldRule>();
  return (declaration) => {
    if (declaration.kind === 'public') return allow;
    const key = JSON.stringify(declaration);
    const existing = made.get(key);
    if (existing) return existing;
    const parts = [levelRule(declaration), ...requirementRules(declaration, policies)];
    const created = parts.length === 1 ? (parts[0] ?? signedIn) : chain(...parts);
    made.set(key, created);
    return created;
  };
}
