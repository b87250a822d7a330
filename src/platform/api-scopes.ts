// The scopes an API key can be given, declared in the SDL next to the fields
// that use them:
//
//   extend schema @scope(name: "notes:read", description: "Read your notes")
//
// read once per schema. The access stage checks at start that every scope a
// field names is declared here and every declared one is used; createApiKey
// refuses any other name, and `apiScopes` lists these.
import { getDirective } from '@graphql-tools/utils';
import type { GraphQLSchema } from 'graphql';
import type { Role } from './request-context.js';

export interface DeclaredScope {
  /** Lower case words joined by `:` (or `.`, `_`, `-`), e.g. `profile:read`. */
  readonly name: string;
  readonly description: string;
}

export interface ApiScopes {
  /** In declaration order (schema/ first, then each domain's SDL). */
  readonly list: readonly DeclaredScope[];
  readonly names: ReadonlySet<string>;
  /** Declarations that cannot be used as written (bad name, no description, declared twice). */
  readonly problems: readonly string[];
}

/**
 * The one scope through which an ADMIN's API key acts as an ADMIN. Every other
 * scope says "your" (your account, your notes), so without this one an
 * ADMIN's key reads and writes only its own user's data, as a USER's does: a
 * script given `notes:write` must not delete everyone's notes. Declared in
 * schema/api-keys.graphql; renamed there and not here, ADMIN keys would simply
 * act as USERs (closed, not open).
 */
export const adminScope = 'users:read';

/** The role an API key acts with: its user's, but ADMIN only with `adminScope`. */
export const keyRole = (userRole: Role, scopes: readonly string[]): Role =>
  userRole === 'ADMIN' && scopes.includes(adminScope) ? 'ADMIN' : 'USER';

const namePattern = /^[a-z][a-z0-9]*(?:[:._-][a-z0-9]+)+$/;

function read(schema: GraphQLSchema): ApiScopes {
  const list: DeclaredScope[] = [];
  const problems: string[] = [];
  for (const declared of getDirective(schema, schema, 'scope') ?? []) {
    const name = typeof declared['name'] === 'string' ? declared['name'] : '';
    const description = typeof declared['description'] === 'string' ? declared['description'].trim() : '';
    if (!namePattern.test(name) || name.length > 64) problems.push(`@scope(name: ${JSON.stringify(name)}): a scope is lower-case words joined by ":" (e.g. "notes:read"), at most 64 characters`);
    else if (list.some((scope) => scope.name === name)) problems.push(`@scope(name: "${name}") is declared twice`);
    else if (description === '') problems.push(`@scope(name: "${name}") needs a description: it is what a person creating a key reads`);
    else list.push({ name, description });
  }
  return { list, names: new Set(list.map((scope) => scope.name)), problems };
}

const seen = new WeakMap<GraphQLSchema, ApiScopes>();

/** The scopes `schema` declares (remembered per schema: resolvers ask on every call). */
export function apiScopesOf(schema: GraphQLSchema): ApiScopes {
  let scopes = seen.get(schema);
  if (scopes === undefined) {
    scopes = read(schema);
    seen.set(schema, scopes);
  }
  return scopes;
}
