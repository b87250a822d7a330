// The access rules the directives compile to. Each is a graphql-shield rule
// that returns an AppError (never throws), so shield passes the precise code on.
// Every rule reads `parent` or `args`, so none may be cached across fields:
// a cached owner decision for user(id: A) must never answer user(id: B).
import DataLoader from 'dataloader';
import { allow, chain, rule } from 'graphql-shield';
import { systemClock, type Clock } from '../platform/clock.js';
import { parseDurationMs } from '../platform/duration.js';
import { EmailNotVerifiedError, ForbiddenError, PolicyRefusedError, ReauthenticationRequiredError, UnauthenticatedError } from '../platform/errors.js';
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
      /** A duration as written (`"5m"`): the caller's last proof of identity must be at most this old. */
      readonly fresh?: string | undefined;
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

/**
 * Step-up: the access token's `auth_time` (the session's last password, code
 * or passkey) is at most `withinMs` old; else REAUTHENTICATION_REQUIRED, and
 * `reauthenticate` gives a token that passes.
 */
export function fresh(withinMs: number, clock: Clock): ShieldRule {
  return rule(`fresh:${withinMs}`, noCache)((_parent, _args, ctx: RequestContext) =>
    ctx.proof !== undefined && clock.now() - ctx.proof.authTime <= withinMs ? true : new ReauthenticationRequiredError(Math.ceil(withinMs / 1000)),
  );
}

/** One instance per rule name: shield refuses two instances under one name, so a part several declarations share is made once. */
type Shared = (name: string, make: () => ShieldRule) => ShieldRule;

const levelRule = (declaration: AuthDeclaration, shared: Shared): ShieldRule => {
  const source = declaration.owner;
  if (declaration.requires === 'ADMIN') return admin;
  if (declaration.requires === 'OWNER' && source) return shared(`owner:${JSON.stringify(source)}`, () => owner(source));
  return signedIn;
};

/** The rules a declaration's further requirements add after its level, in order. */
function requirementRules(declaration: AuthDeclaration, policies: ReadonlyMap<string, Policy>, clock: Clock, shared: Shared): ShieldRule[] {
  const rules: ShieldRule[] = [];
  // Checked (at start) by read-access-directives.ts: a declared window always parses.
  const freshWithinMs = declaration.fresh === undefined ? undefined : parseDurationMs(declaration.fresh);
  if (freshWithinMs !== undefined) rules.push(shared(`fresh:${freshWithinMs}`, () => fresh(freshWithinMs, clock)));
  if (declaration.verified === true) rules.push(verifiedEmail);
  const policy = declaration.policy === undefined ? undefined : policies.get(declaration.policy);
  if (policy) rules.push(shared(`policy:${policy.name}`, () => policyRule(policy)));
  return rules;
}

/**
 * One rule instance per distinct declaration, made once at start. The level
 * runs first (an anonymous caller gets UNAUTHENTICATED before any policy
 * reads anything), then each requirement in turn; chain() stops at the first
 * refusal.
 */
export function createRuleFor(policies: ReadonlyMap<string, Policy> = new Map(), clock: Clock = systemClock): (declaration: AccessDeclaration) => ShieldRule {
  const made = new Map<string, ShieldRule>();
  const parts = new Map<string, ShieldRule>();
  const shared: Shared = (name, make) => {
    const existing = parts.get(name) ?? make();
    parts.set(name, existing);
    return existing;
  };
  return (declaration) => {
    if (declaration.kind === 'public') return allow;
    const key = JSON.stringify(declaration);
    const existing = made.get(key);
    if (existing) return existing;
    const chained = [levelRule(declaration, shared), ...requirementRules(declaration, policies, clock, shared)];
    const created = chained.length === 1 ? (chained[0] ?? signedIn) : chain(...chained);
    made.set(key, created);
    return created;
  };
}
