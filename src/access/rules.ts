// The access rules the directives compile to. Each is a graphql-shield rule
// that returns an AppError (never throws), so shield passes the precise code on.
// Every rule reads `parent` or `args`, so none may be cached across fields:
// a cached owner decision for user(id: A) must never answer user(id: B).
//
// Most rules answer from what the request already holds (the viewer, the
// parent object, the arguments). Shield awaits every rule and every link of a
// chain, several promises per field, and its wrapper is async, so graphql-js
// takes its promise path for each guarded field. Such a rule, and a chain made
// only of such rules, is recorded here with a plain function giving shield's
// verdict; create-shield.ts evaluates a field whose whole rule has one without
// a promise. Rules that may wait (policies, rate limits) stay with shield.
import DataLoader from 'dataloader';
import { allow, chain, deny, rule } from 'graphql-shield';
import { systemClock, type Clock } from '../platform/clock.js';
import { parseDurationMs } from '../platform/duration.js';
import { EmailNotVerifiedError, ForbiddenError, PolicyRefusedError, ReauthenticationRequiredError, ScopeRequiredError, UnauthenticatedError } from '../platform/errors.js';
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
  | {
      readonly kind: 'public';
      /**
       * The API key scopes that allow it (any one); undefined below the root,
       * where a public field is open to whoever reached its parent.
       */
      readonly scopes: readonly string[] | undefined;
    }
  | {
      readonly kind: 'auth';
      readonly requires: AccessLevel;
      /** For OWNER: where the owner's id is. */
      readonly owner: OwnerSource | undefined;
      /** A registered policy that must also allow the call. */
      readonly policy: string | undefined;
      /** The API key scopes that allow it (any one); empty: no API key may use it. People hold every scope. */
      readonly scopes: readonly string[];
      /** A duration as written (`"5m"`): the caller's last proof of identity must be at most this old. */
      readonly fresh?: string | undefined;
      /** The caller's email address must be verified (`@auth(verified: true)`). */
      readonly verified?: boolean;
    };

export type AuthDeclaration = Extract<AccessDeclaration, { kind: 'auth' }>;

const noCache = { cache: 'no_cache' } as const;

/** Shield's verdict on a call: allowed, refused with this error, or refused with its fallback error (false). */
export type Verdict = true | false | Error;

/** A rule's verdict computed from memory alone, as shield would reach it. */
export type SyncCheck = (parent: unknown, args: Record<string, unknown>, ctx: RequestContext) => Verdict;

const syncChecks = new WeakMap<ShieldRule, SyncCheck>([
  [allow, () => true],
  [deny, () => false],
]);

/** The plain function that gives `rule`'s verdict, if the rule never waits for anything. */
export const syncCheckOf = (rule: ShieldRule): SyncCheck | undefined => syncChecks.get(rule);

/** A shield rule that answers from memory; shield and syncCheckOf give the same verdict. */
function syncRule(name: string, check: (parent: unknown, args: Record<string, unknown>, ctx: RequestContext) => true | Error): ShieldRule {
  const made = rule(name, noCache)(check);
  syncChecks.set(made, (parent, args, ctx) => {
    try {
      const verdict = check(parent, args, ctx);
      return verdict === true || verdict instanceof Error ? verdict : false;
    } catch {
      return false; // as shield (debug off): a rule that throws refuses
    }
  });
  return made;
}

/**
 * shield's chain(): each rule in turn, the first that does not allow decides.
 * When every link answers from memory, so does the chain.
 */
export function chainOf(...rules: ShieldRule[]): ShieldRule {
  const made = chain(...rules);
  const checks = rules.map(syncCheckOf);
  if (checks.every((check) => check !== undefined)) {
    syncChecks.set(made, (parent, args, ctx) => {
      for (const check of checks as SyncCheck[]) {
        const verdict = check(parent, args, ctx);
        if (verdict !== true) return verdict;
      }
      return true;
    });
  }
  return made;
}

// A person or an API key: both act as a user (what a key may touch is its scopes' rule).
export const signedIn: ShieldRule = syncRule('signedIn', (parent, _args, ctx) => (viewerFor(ctx, parent).kind !== 'anonymous' ? true : new UnauthenticatedError()));

export const admin: ShieldRule = syncRule('admin', (parent, _args, ctx) => {
  const viewer = viewerFor(ctx, parent);
  if (viewer.kind === 'anonymous') return new UnauthenticatedError();
  return viewer.role === 'ADMIN' ? true : new ForbiddenError();
});

/** The viewer's address is verified: read from the viewer, which the session check built, so it costs no query. */
export const verifiedEmail: ShieldRule = syncRule('verifiedEmail', (parent, _args, ctx) => {
  const viewer = viewerFor(ctx, parent);
  if (viewer.kind === 'anonymous') return new UnauthenticatedError();
  return viewer.emailVerified ? true : new EmailNotVerifiedError();
});

const propertyOf = (source: unknown, key: string): unknown =>
  typeof source === 'object' && source !== null ? (source as Record<string, unknown>)[key] : undefined;

/** The user the data belongs to, or an ADMIN. */
export function owner(source: OwnerSource): ShieldRule {
  return syncRule(ownerRuleName(source), (parent, args, ctx) => {
    const viewer = viewerFor(ctx, parent);
    if (viewer.kind === 'anonymous') return new UnauthenticatedError();
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
    if (viewer.kind === 'anonymous') return new UnauthenticatedError();
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
 * `reauthenticate` gives a token that passes. An API key proves no person, so
 * it never passes (its scope rule refuses it first anyway).
 */
export function fresh(withinMs: number, clock: Clock): ShieldRule {
  return syncRule(`fresh:${withinMs}`, (_parent, _args, ctx) =>
    ctx.proof !== undefined && clock.now() - ctx.proof.authTime <= withinMs ? true : new ReauthenticationRequiredError(Math.ceil(withinMs / 1000)),
  );
}

/**
 * What an API key must hold to use the field: one of `scopes` (none: no key
 * may). A person, signed in with a session, holds every scope.
 */
const scopesRuleName = (scopes: readonly string[]) => `scopes:${scopes.length === 0 ? 'none' : scopes.join(',')}`;
const ownerRuleName = (source: OwnerSource) => (source.from === 'argument' ? `owner:args.${source.name}` : `owner:parent.${source.field}`);

export function keyScopes(scopes: readonly string[]): ShieldRule {
  return syncRule(scopesRuleName(scopes), (parent, _args, ctx) => {
    const viewer = viewerFor(ctx, parent);
    if (viewer.kind !== 'apiKey' || scopes.some((scope) => viewer.scopes.has(scope))) return true;
    return new ScopeRequiredError(scopes);
  });
}

/** Makes each named rule once: shield refuses two rule instances of one name. */
type Once = (name: string, make: () => ShieldRule) => ShieldRule;

const levelRule = (declaration: AuthDeclaration, once: Once): ShieldRule => {
  const source = declaration.owner;
  if (declaration.requires === 'ADMIN') return admin;
  if (declaration.requires === 'OWNER' && source) return once(ownerRuleName(source), () => owner(source));
  return signedIn;
};

/** The rules a declaration's further requirements add after its level, in order. */
function requirementRules(declaration: AuthDeclaration, policies: ReadonlyMap<string, Policy>, clock: Clock, once: Once): ShieldRule[] {
  const rules: ShieldRule[] = [];
  // Checked (at start) by read-access-directives.ts: a declared window always parses.
  const freshWithinMs = declaration.fresh === undefined ? undefined : parseDurationMs(declaration.fresh);
  if (freshWithinMs !== undefined) rules.push(once(`fresh:${freshWithinMs}`, () => fresh(freshWithinMs, clock)));
  if (declaration.verified === true) rules.push(verifiedEmail);
  const policy = declaration.policy === undefined ? undefined : policies.get(declaration.policy);
  if (policy) rules.push(once(`policy:${policy.name}`, () => policyRule(policy)));
  return rules;
}

/**
 * One rule instance per distinct declaration, made once at start. An API
 * key's scopes are checked first, then the level (an anonymous caller gets
 * UNAUTHENTICATED before any policy reads anything), then each requirement in
 * turn; chain() stops at the first refusal.
 */
export function createRuleFor(policies: ReadonlyMap<string, Policy> = new Map(), clock: Clock = systemClock): (declaration: AccessDeclaration) => ShieldRule {
  const made = new Map<string, ShieldRule>();
  const parts = new Map<string, ShieldRule>();
  const once: Once = (name, make) => {
    const existing = parts.get(name) ?? make();
    parts.set(name, existing);
    return existing;
  };
  const compile = (declaration: AccessDeclaration): ShieldRule => {
    // Below the root a public field asks nothing; a root one asks API keys for a scope.
    if (declaration.kind === 'public') {
      const scopes = declaration.scopes;
      return scopes === undefined ? allow : once(scopesRuleName(scopes), () => keyScopes(scopes));
    }
    // An API key's scopes come first, so a key on a field no scope allows
    // (credentials) is told so whatever its user's role; for anyone else the
    // rule passes and the level answers (UNAUTHENTICATED, FORBIDDEN).
    const scopes = once(scopesRuleName(declaration.scopes), () => keyScopes(declaration.scopes));
    return chainOf(scopes, levelRule(declaration, once), ...requirementRules(declaration, policies, clock, once));
  };
  return (declaration) => {
    const key = JSON.stringify(declaration);
    const existing = made.get(key);
    if (existing) return existing;
    const created = compile(declaration);
    made.set(key, created);
    return created;
  };
}
