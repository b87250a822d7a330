// A guard rail, not a rule: a type declared @public whose fields include one
// named like an owner (ownerId, userId, authorId) almost always belongs to
// someone and was meant to be @auth(requires: OWNER, ownerField: …). Said at
// boot; in production the server refuses to start unless a setting says the
// exposure is meant (ALLOW_PUBLIC_OWNER_FIELDS=true).
import { getDirective } from '@graphql-tools/utils';
import type { GraphQLSchema } from 'graphql';
import { AccessDeclarationError, reachableObjectTypes } from './read-access-directives.js';

const ownerLike = /^(owner|user|author|creator)_?id$/i;

/** Type.field for every owner-like field that is public only because its type is. */
export function publicOwnerFields(schema: GraphQLSchema): string[] {
  const found: string[] = [];
  for (const type of reachableObjectTypes(schema)) {
    if (getDirective(schema, type, 'public') === undefined) continue;
    for (const field of Object.values(type.getFields())) {
      if (ownerLike.test(field.name) && getDirective(schema, field, 'auth') === undefined) found.push(`${type.name}.${field.name}`);
    }
  }
  return found;
}

export function checkPublicOwnerFields(schema: GraphQLSchema, options: { readonly refuse: boolean; readonly warn: (message: string) => void }): void {
  const found = publicOwnerFields(schema);
  if (found.length === 0) return;
  const problems = found.map((where) => `${where} looks like an owner's id on a @public type: declare the type @auth(requires: OWNER, ownerField: "…") or the field @auth`);
  if (options.refuse) throw new AccessDeclarationError([...problems, 'set ALLOW_PUBLIC_OWNER_FIELDS=true if these are meant to be public']);
  options.warn(`Possible access mistake: ${problems.join('; ')}`);
}
