// Reads @auth and @public from the schema and checks, at start, that every
// field reachable from the root types declares access, on itself or on its
// type. A forgotten declaration stops the boot instead of opening a hole.
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
import type { AccessDeclaration, AccessLevel } from './rules.js';

export class AccessDeclarationError extends Error {
  override readonly name = 'AccessDeclarationError';
  constructor(readonly problems: readonly string[]) {
    super(`Access is not declared correctly (deny by default); fix these in schema/:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/** Every field's declaration, by type and field name. */
export type AccessMap = ReadonlyMap<string, ReadonlyMap<string, AccessDeclaration>>;

type Node = GraphQLObjectType | GraphQLField<unknown, unknown>;

function declarationOn(schema: GraphQLSchema, node: Node, where: string, problems: string[]): AccessDeclaration | undefined {
  const auth = getDirective(schema, node, 'auth')?.[0];
  const isPublic = getDirective(schema, node, 'public') !== undefined;
  if (auth && isPublic) problems.push(`${where}: declares both @auth and @public`);
  if (isPublic) return { kind: 'public' };
  if (!auth) return undefined;
  const requires = (auth['requires'] ?? 'USER') as AccessLevel;
  const ownerArg = typeof auth['ownerArg'] === 'string' ? auth['ownerArg'] : undefined;
  return { kind: 'auth', requires, ownerArg };
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

export function readAccessDirectives(schema: GraphQLSchema): AccessMap {
  const problems: string[] = [];
  const rootNames = new Set([schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()].map((t) => t?.name));
  const map = new Map<string, Map<string, AccessDeclaration>>();
  for (const type of reachableObjectTypes(schema)) {
    const isRoot = rootNames.has(type.name);
    const typeLevel = declarationOn(schema, type, type.name, problems);
    const fields = new Map<string, AccessDeclaration>();
    for (const field of Object.values(type.getFields())) {
      const where = `${type.name}.${field.name}`;
      const declared = declarationOn(schema, field, where, problems) ?? typeLevel;
      if (!declared) {
        problems.push(`${where}: no @auth or @public on the field or on type ${type.name}`);
        continue;
      }
      if (declared.kind === 'auth' && declared.requires === 'OWNER') {
        // On a root field the owner comes from an argument, which must exist;
        // on an object field it is the parent itself.
        const arg = declared.ownerArg ?? 'id';
        if (isRoot && !field.args.some((a) => a.name === arg)) problems.push(`${where}: @auth(requires: OWNER) names argument "${arg}", which the field does not have`);
        fields.set(field.name, { ...declared, ownerArg: isRoot ? arg : undefined });
      } else {
        fields.set(field.name, declared);
      }
    }
    map.set(type.name, fields);
  }
  if (problems.length > 0) throw new AccessDeclarationError(problems);
  return map;
}
