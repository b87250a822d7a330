// Turns the FORBIDDEN, UNAUTHENTICATED and REAUTHENTICATION_REQUIRED field errors of one request into
// access.denied audit details: which field, under which declared rule, and
// (for a root OWNER field) whose data was asked for. One entry per field and
// code, with a count, so a list of a hundred denied emails is one event.
import { Kind, type GraphQLError, type GraphQLSchema, type OperationDefinitionNode, type ValueNode } from 'graphql';
import type { AccessDeclaration, AccessMap } from '../access/index.js';
import { fieldAtPath, type FieldAtPath, type Fragments } from './field-at-path.js';

export interface AccessDenial {
  /** Type.field, e.g. Query.users. */
  readonly field: string;
  /** The first response path denied, e.g. users or user.email. */
  readonly path: string;
  /** The declaration that applied, as written in the SDL. */
  readonly rule: string;
  readonly code: string;
  /** `SCOPE` when an API key held none of the field's scopes (then `requiredScopes` lists them). */
  readonly reason: string | undefined;
  readonly requiredScopes: readonly string[] | undefined;
  readonly subjectId: string | undefined;
  count: number;
}

export interface DeniedRequest {
  readonly schema: GraphQLSchema;
  readonly operation: OperationDefinitionNode;
  readonly fragments: Fragments;
  readonly variables: Readonly<Record<string, unknown>> | undefined;
  readonly errors: readonly GraphQLError[];
}

const describe = (declaration: AccessDeclaration | undefined): string =>
  declaration === undefined
    ? 'fallback deny'
    : declaration.kind === 'public'
      ? '@public'
      : `@auth(requires: ${declaration.requires}${declaration.fresh === undefined ? '' : `, fresh: "${declaration.fresh}"`})`;

function argumentValue(value: ValueNode | undefined, variables: DeniedRequest['variables']): string | undefined {
  if (value?.kind === Kind.STRING || value?.kind === Kind.INT) return value.value;
  if (value?.kind === Kind.VARIABLE) {
    const given = variables?.[value.name.value];
    return typeof given === 'string' ? given : undefined;
  }
  return undefined;
}

/** For an OWNER rule on a root field, the id argument names the user whose data it is. */
function subjectOf(found: FieldAtPath, declaration: AccessDeclaration | undefined, variables: DeniedRequest['variables']): string | undefined {
  if (declaration?.kind !== 'auth' || declaration.owner?.from !== 'argument') return undefined;
  const ownerArg = declaration.owner.name;
  const argument = found.node.arguments?.find((a) => a.name.value === ownerArg);
  return argumentValue(argument?.value, variables);
}

export function accessDenials(request: DeniedRequest, access: AccessMap): AccessDenial[] {
  const byKey = new Map<string, AccessDenial>();
  for (const error of request.errors) {
    const code = error.extensions['code'];
    if ((code !== 'FORBIDDEN' && code !== 'UNAUTHENTICATED' && code !== 'REAUTHENTICATION_REQUIRED') || !error.path) continue;
    const found = fieldAtPath(request.schema, request.operation, request.fragments, error.path);
    const declaration = found && access.get(found.typeName)?.get(found.fieldName);
    // UNAUTHENTICATED from a public field is a failed sign-in or refresh,
    // which the auth service audits itself; it is not an access rule saying no.
    if (code === 'UNAUTHENTICATED' && declaration?.kind === 'public') continue;
    const field = found ? `${found.typeName}.${found.fieldName}` : 'unknown';
    const subjectId = found && subjectOf(found, declaration, request.variables);
    const reason = typeof error.extensions['reason'] === 'string' ? error.extensions['reason'] : undefined;
    const required = error.extensions['requiredScopes'];
    const key = `${field} ${code} ${reason ?? ''} ${subjectId ?? ''}`;
    const seen = byKey.get(key);
    if (seen) seen.count += 1;
    else byKey.set(key, { field, path: error.path.join('.'), rule: describe(declaration), code, reason, requiredScopes: Array.isArray(required) ? (required as string[]) : undefined, subjectId, count: 1 });
  }
  return [...byKey.values()];
}
