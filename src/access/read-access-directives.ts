// Reads @auth and @public from the schema and checks, at start, that every
// field reachable from the root types declares access, on itself or on its
// type, and that every declaration can be enforced as written: an owner rule's
// argument or column exists, a policy is registered (and every registered one
// is used), a scope is declared with @scope (and every declared one is used).
// A forgotten or broken declaration stops the boot instead of
// opening a hole.
import { getDirective } from '@graphql-tools/utils';
import {
  getNamedType,
  isAbstractType,
  isObjectType,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLSchema,
} from 'graphql';
import { BootError } from '../platform/boot-error.js';
import { parseDurationMs } from '../platform/duration.js';
import type { AccessDeclaration, AccessLevel, OwnerSource } from './rules.js';

export class AccessDeclarationError extends BootError {
  override readonly name = 'AccessDeclarationError';
  constructor(readonly problems: readonly string[]) {
    super(`Access is not declared correctly (deny by default); fix these in the SDL:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/** Every field's declaration, by type and field name. */
export type AccessMap = ReadonlyMap<string, ReadonlyMap<string, AccessDeclaration>>;

export interface AccessChecks {
  /**
   * The stored columns behind a GraphQL type (its table's, by property
   * name), for checking `ownerField`; undefined when the type has no table.
   */
  readonly columnsOf?: (typeName: string) => readonly string[] | undefined;
  /** The registered policy names; when given, unknown and unused ones stop the boot. */
  readonly policies?: ReadonlySet<string>;
  /** The scopes the schema declares (@scope); when given, unknown and unused ones stop the boot. */
  readonly scopes?: ReadonlySet<string>;
}

type Node = GraphQLObjectType | GraphQLField<unknown, unknown>;

/** A declaration as written: the owner's location is settled per field below. */
type Written =
  | { readonly kind: 'public'; readonly scopes?: readonly string[] }
  | { readonly kind: 'auth'; readonly requires: AccessLevel; readonly ownerArg?: string; readonly ownerField?: string; readonly policy?: string; readonly fresh?: string; readonly verified?: boolean; readonly scopes?: readonly string[] };

const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
const texts = (value: unknown): readonly string[] | undefined => (Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : undefined);
const withScopes = (scopes: readonly string[] | undefined) => (scopes === undefined ? {} : { scopes });

function declarationOn(schema: GraphQLSchema, node: Node, where: string, problems: string[]): Written | undefined {
  const auth = getDirective(schema, node, 'auth')?.[0];
  const isPublic = getDirective(schema, node, 'public') !== undefined;
  if (auth && isPublic) problems.push(`${where}: declares both @auth and @public`);
  if (isPublic) return { kind: 'public', ...withScopes(texts(getDirective(schema, node, 'public')?.[0]?.['scopes'])) };
  if (!auth) return undefined;
  const written: Written = { kind: 'auth', requires: (auth['requires'] ?? 'USER') as AccessLevel, ...withScopes(texts(auth['scopes'])) };
  const ownerArg = text(auth['ownerArg']);
  const ownerField = text(auth['ownerField']);
  const policy = text(auth['policy']);
  const fresh = text(auth['fresh']);
  return {
    ...written,
    ...(ownerArg === undefined ? {} : { ownerArg }),
    ...(ownerField === undefined ? {} : { ownerField }),
    ...(policy === undefined ? {} : { policy }),
    ...(fresh === undefined ? {} : { fresh }),
    ...(auth['verified'] === true ? { verified: true } : {}),
  };
}

/** Object types reachable from Query, Mutation and Subscription, through fields, interfaces and unions. */
export function reachableObjectTypes(schema: GraphQLSchema): GraphQLObjectType[] {
  const seen = new Set<string>();
  const found: GraphQLObjectType[] = [];
  const visit = (type: GraphQLNamedType): void => {
    if (type.name.startsWith('__') || seen.has(type.name)) return;
    seen.add(type.name);
    if (isAbstractType(type)) schema.getPossibleTypes(type).forEach(visit);
    if (!isObjectType(type)) return;
    found.push(type);
    for (const field of Object.values(type.getFields())) visit(getNamedType(field.type));
  };
  for (const root of [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()]) if (root) visit(root);
  return found;
}

interface FieldSite {
  readonly type: GraphQLObjectType;
  readonly field: GraphQLField<unknown, unknown>;
  readonly isRoot: boolean;
  readonly where: string;
}

/** Where the owner's id is for this field; pushes a problem when the declaration cannot work here. */
function ownerSourceFor(written: Extract<Written, { kind: 'auth' }>, site: FieldSite, checks: AccessChecks, problems: string[]): OwnerSource | undefined {
  const { type, field, isRoot, where } = site;
  if (isRoot) {
    if (written.ownerField !== undefined) problems.push(`${where}: ownerField applies to object types and their fields; on a ${type.name} field name the argument with ownerArg`);
    const name = written.ownerArg ?? 'id';
    if (!field.args.some((a) => a.name === name)) problems.push(`${where}: @auth(requires: OWNER) names argument "${name}", which the field does not have`);
    return { from: 'argument', name };
  }
  if (written.ownerArg !== undefined) problems.push(`${where}: ownerArg applies to Query and Mutation fields; on ${type.name} name the owner's column with ownerField`);
  const column = written.ownerField ?? 'id';
  // The default (the object's own id, as for User) needs no table; a named column must exist.
  if (written.ownerField !== undefined && checks.columnsOf) {
    const columns = checks.columnsOf(type.name);
    if (columns === undefined) problems.push(`${where}: ownerField "${column}" needs the table behind ${type.name}, and none is registered for it (see docs/your-domain.md)`);
    else if (!columns.includes(column)) problems.push(`${where}: ownerField "${column}" is not a column of ${type.name}'s table (it has ${columns.join(', ')})`);
  }
  return { from: 'parent', field: column };
}

/** The scopes as declared, each checked against the schema's @scope declarations. */
function scopesOf(written: Written, site: FieldSite, checks: AccessChecks, problems: string[]): readonly string[] | undefined {
  for (const scope of written.scopes ?? []) {
    if (checks.scopes && !checks.scopes.has(scope)) problems.push(`${site.where}: scope "${scope}" is not declared (declare it with \`extend schema @scope(name: "${scope}", description: "…")\`; declared: ${[...checks.scopes].join(', ') || 'none'})`);
  }
  return written.scopes;
}

function settle(written: Written, site: FieldSite, checks: AccessChecks, problems: string[]): AccessDeclaration {
  const scopes = scopesOf(written, site, checks, problems);
  // Deny by default for API keys: a root field, or any @auth field, names the
  // scopes that allow a key, or no key may use it.
  if (written.kind === 'public') return { kind: 'public', scopes: scopes ?? (site.isRoot ? [] : undefined) };
  const { policy } = written;
  if (policy !== undefined && checks.policies && !checks.policies.has(policy)) {
    problems.push(`${site.where}: policy "${policy}" is not registered (registered: ${[...checks.policies].sort().join(', ') || 'none'})`);
  }
  const owner = written.requires === 'OWNER' ? ownerSourceFor(written, site, checks, problems) : undefined;
  if (written.requires !== 'OWNER' && (written.ownerArg !== undefined || written.ownerField !== undefined)) {
    problems.push(`${site.where}: ownerArg and ownerField mean something only with requires: OWNER`);
  }
  const { fresh } = written;
  if (fresh !== undefined && !(Number(parseDurationMs(fresh)) > 0)) problems.push(`${site.where}: fresh "${fresh}" is not a duration like 5m or 1h`);
  return { kind: 'auth', requires: written.requires, owner, policy, scopes: scopes ?? [], ...(fresh === undefined ? {} : { fresh }), ...(written.verified === true ? { verified: true } : {}) };
}

export function readAccessDirectives(schema: GraphQLSchema, checks: AccessChecks = {}): AccessMap {
  const problems: string[] = [];
  const rootNames = new Set([schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()].map((t) => t?.name));
  const map = new Map<string, Map<string, AccessDeclaration>>();
  const used = new Set<string>();
  const usedScopes = new Set<string>();
  for (const type of reachableObjectTypes(schema)) {
    const isRoot = rootNames.has(type.name);
    const typeLevel = declarationOn(schema, type, type.name, problems);
    const fields = new Map<string, AccessDeclaration>();
    for (const field of Object.values(type.getFields())) {
      const where = `${type.name}.${field.name}`;
      const own = declarationOn(schema, field, where, problems);
      const written = own ?? typeLevel;
      if (!written) {
        problems.push(`${where}: no @auth or @public on the field or on type ${type.name}`);
        continue;
      }
      // A problem with the type's declaration is named once, after the type.
      const declared = settle(written, { type, field, isRoot, where: own ? where : type.name }, checks, problems);
      if (declared.kind === 'auth' && declared.policy !== undefined) used.add(declared.policy);
      for (const scope of declared.scopes ?? []) usedScopes.add(scope);
      fields.set(field.name, declared);
    }
    map.set(type.name, fields);
  }
  for (const name of checks.policies ?? []) if (!used.has(name)) problems.push(`policy "${name}" is registered but no reachable field uses it; remove it or use it`);
  for (const name of checks.scopes ?? []) if (!usedScopes.has(name)) problems.push(`scope "${name}" is declared (@scope) but no reachable field names it; remove it or use it`);
  if (problems.length > 0) throw new AccessDeclarationError([...new Set(problems)]);
  return map;
}
