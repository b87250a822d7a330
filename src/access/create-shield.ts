// Compiles the declarations into one graphql-shield permission tree and
// applies it. Shield is the outermost field wrapper; its fallback denies.
import { applyMiddleware } from 'graphql-middleware';
import { deny, shield, type IRules } from 'graphql-shield';
import type { GraphQLSchema } from 'graphql';
import { ForbiddenError } from '../platform/errors.js';
import { readAccessDirectives } from './read-access-directives.js';
import { createRuleFor, type ShieldRule } from './rules.js';

export function buildRuleTree(schema: GraphQLSchema): Record<string, Record<string, ShieldRule>> {
  const ruleFor = createRuleFor();
  const tree: Record<string, Record<string, ShieldRule>> = {};
  for (const [typeName, fields] of readAccessDirectives(schema)) {
    tree[typeName] = Object.fromEntries([...fields].map(([fieldName, declaration]) => [fieldName, ruleFor(declaration)]));
  }
  return tree;
}

export function applyAccessRules(schema: GraphQLSchema): GraphQLSchema {
  const permissions = shield(buildRuleTree(schema) as IRules, {
    fallbackRule: deny,
    fallbackError: () => new ForbiddenError(),
    // Errors thrown by resolvers keep their own codes instead of becoming FORBIDDEN.
    allowExternalErrors: true,
    debug: false,
  });
  return applyMiddleware(schema, permissions);
}
