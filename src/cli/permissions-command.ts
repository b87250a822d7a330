// `npm run cli -- permissions`: who may use every field reachable from Query
// and Mutation, and its rate limits, as Markdown, read from the live schema
// with the same directive reader the server uses at start. schema/PERMISSIONS.md
// is this output, committed, and a test compares the two, so an access change
// cannot land without showing up as a diff of that file in review.
import { getDirective } from '@graphql-tools/utils';
import { astFromValue, print, type GraphQLField, type GraphQLObjectType, type GraphQLSchema } from 'graphql';
import { readAccessDirectives, reachableObjectTypes, type AccessDeclaration, type AuthDeclaration } from '../access/index.js';
import { apiScopesOf } from '../platform/api-scopes.js';
import { buildSchema, loadTypeDefs } from '../resolvers/build-schema.js';
import { columnsOf } from '../modules.js';
import type { CliCommand } from './cli-command.js';

const header = `# Who may use what

Generated from the live schema (\`schema/*.graphql\` and each domain's
\`src/*/*.graphql\`) by \`npm run cli -- permissions\`; do not edit it by hand. A
test fails when it and the schema disagree: after changing access or limits,
run \`npm run -s permissions > schema/PERMISSIONS.md\`.

- **public**: anyone, signed in or not (\`@public\`).
- **signed in**: any signed-in user (\`@auth\`).
- **owner**: the user the data belongs to, or an ADMIN (\`@auth(requires: OWNER)\`).
  On a Query or Mutation field the owner is the user whose id is the named
  argument; on a field of an object, the object itself, or, shown as
  "owner (\`ownerId\`)", the user whose id is in that column of the object
  (\`ownerField: "ownerId"\`). An owned type such as
  \`type Note @auth(requires: OWNER, ownerField: "ownerId")\` carries the rule on
  every field, so whichever field returns a note, only its owner reads it.
- **policy \`NAME\`**: a named rule registered by the domain that declares it
  (\`@auth(policy: "NAME")\`), checked after the level.
- **ADMIN**: admins only (\`@auth(requires: ADMIN)\`).
- **verified email** column: "yes" when the caller's email address must also
  be verified (\`@auth(verified: true)\`); an unverified caller gets
  \`FORBIDDEN\` with \`extensions.reason: "EMAIL_NOT_VERIFIED"\`.
- A field without its own declaration takes its type's.
- Rules apply on the way down: a field of a type marked public is only reached
  through the fields that return that type, and each of those is checked first
  (\`Session\` fields, for example, only through the owner-only \`User.sessions\`).
- Rate limits (\`@rateLimit\`) count per signed-in user, or per client IP when
  anonymous (\`per: IP\`: always the client IP; \`per: ALL\`: every caller
  together, per value of the identity arguments); a field with several limits
  runs only when all of them allow it.
- **fresh proof**: step-up (\`@auth(fresh: "5m")\`): the caller's last password,
  code or passkey must be at most that old, else \`REAUTHENTICATION_REQUIRED\`.
- **API key scopes**: an API key acts as its user, but only on fields that
  name a scope it holds (any one of those listed, \`@auth(scopes: […])\`); a
  person signed in holds every scope. **no key** means no API key may use the
  field (deny by default: every Query and Mutation field, and every \`@auth\`
  field below them, that names no scope); **as its parent** means a public
  field below the root, open to whoever reached the object it belongs to.
`;

function describeLevel(declaration: AuthDeclaration): string {
  if (declaration.requires === 'USER') return 'signed in';
  if (declaration.requires === 'ADMIN') return 'ADMIN';
  const owner = declaration.owner;
  if (owner?.from === 'argument') return `owner (argument \`${owner.name}\`) or ADMIN`;
  // The object's own id (a User) reads as plain "owner"; a named column is shown.
  return owner === undefined || owner.field === 'id' ? 'owner or ADMIN' : `owner (\`${owner.field}\`) or ADMIN`;
}

function describeAccess(declaration: AccessDeclaration | undefined): string {
  if (declaration === undefined) return 'nobody (no access declared)';
  if (declaration.kind === 'public') return 'public';
  const level = describeLevel(declaration);
  return declaration.policy === undefined ? level : `${level}, and policy \`${declaration.policy}\``;
}

const describeFresh = (declaration: AccessDeclaration | undefined): string => (declaration?.kind === 'auth' && declaration.fresh !== undefined ? `within ${declaration.fresh}` : '—');
function describeScopes(declaration: AccessDeclaration | undefined): string {
  const scopes = declaration?.scopes;
  if (scopes === undefined) return declaration === undefined ? 'no key' : 'as its parent';
  return scopes.length === 0 ? 'no key' : scopes.map((scope) => `\`${scope}\``).join(' or ');
}

const isEmpty = (value: unknown) => value === undefined || value === null || (Array.isArray(value) && value.length === 0);
const show = (value: unknown) => (Array.isArray(value) ? value.map(String).join(', ') : String(value));

/** Reads the directive's arguments generically, so a new argument shows up here without a code change. */
function describeRateLimits(schema: GraphQLSchema, field: GraphQLField<unknown, unknown>): string {
  const limits = getDirective(schema, field, 'rateLimit') ?? [];
  if (limits.length === 0) return '—';
  return limits
    .map(({ max, window, ...rest }: Record<string, unknown>) => {
      const extras = Object.entries(rest)
        .filter(([, value]) => !isEmpty(value))
        .map(([name, value]) => `${name}: ${show(value)}`);
      const base = isEmpty(max) || isEmpty(window) ? '' : `${show(max)} per ${show(window)}`;
      return [base, extras.length > 0 ? `(${extras.join('; ')})` : ''].filter((part) => part !== '').join(' ');
    })
    .join('<br>');
}

function signature(field: GraphQLField<unknown, unknown>): string {
  const args = field.args
    .map((arg) => {
      const defaultValue = arg.defaultValue === undefined ? undefined : astFromValue(arg.defaultValue, arg.type);
      return `${arg.name}: ${arg.type.toString()}${defaultValue ? ` = ${print(defaultValue)}` : ''}`;
    })
    .join(', ');
  return `\`${field.name}${args === '' ? '' : `(${args})`}: ${field.type.toString()}\``;
}

/** Root types first (Query, Mutation, Subscription), then the others by name. */
function orderedTypes(schema: GraphQLSchema): GraphQLObjectType[] {
  const roots = [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()].filter((t) => t !== undefined && t !== null);
  const rootNames = new Set(roots.map((t) => t.name));
  const others = reachableObjectTypes(schema)
    .filter((t) => !rootNames.has(t.name))
    .sort((a, b) => a.name.localeCompare(b.name));
  return [...roots, ...others];
}

/** The Markdown matrix of a built schema. Throws AccessDeclarationError as the server's boot check does. */
export function renderPermissions(schema: GraphQLSchema): string {
  // Checked as the server checks at start (columns and scopes, not policies: those exist only once the server's parts do).
  const scopes = apiScopesOf(schema);
  const access = readAccessDirectives(schema, { columnsOf: columnsOf(), scopes: scopes.names });
  const scopeTable = ['## API key scopes', '', '| scope | what a key with it may do |', '| --- | --- |', ...scopes.list.map((s) => `| \`${s.name}\` | ${s.description} |`)].join('\n');
  const sections = orderedTypes(schema).map((type) => {
    const rows = Object.values(type.getFields()).map((field) => {
      const declaration = access.get(type.name)?.get(field.name);
      const verified = declaration?.kind === 'auth' && declaration.verified === true ? 'yes' : '—';
      return `| ${signature(field)} | ${describeAccess(declaration)} | ${verified} | ${describeFresh(declaration)} | ${describeScopes(declaration)} | ${describeRateLimits(schema, field)} |`;
    });
    return [`## ${type.name}`, '', '| field | who may use it | verified email | fresh proof | API key scopes | rate limit |', '| --- | --- | --- | --- | --- | --- |', ...rows].join('\n');
  });
  return `${header}\n${scopeTable}\n\n${sections.join('\n\n')}\n`;
}

/** The matrix of the SDL the server would serve (schema/ and the domains' unless given). */
export function permissionsMarkdown(typeDefs: readonly string[] = loadTypeDefs()): string {
  return renderPermissions(buildSchema(typeDefs, {}));
}

/** Prints the matrix; an undeclared field is refused (exit 1) exactly as at server start. */
export const permissionsCommand: CliCommand = {
  name: 'permissions',
  summary: 'Print who may use every field, and its rate limits, as Markdown',
  help: 'npm run cli -- permissions\n  Reads schema/ (no database, no settings) and prints the matrix committed as schema/PERMISSIONS.md.',
  options: {},
  async run(_values, _open, io) {
    io.stdout.write(permissionsMarkdown());
  },
};
