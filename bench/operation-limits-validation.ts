// What the operation limits add to graphql's validation of a document, and
// what graphql-armor's rules (the library weighed against them) would cost
// and refuse instead.
//
//   npx tsx bench/operation-limits-validation.ts
//   npm install --no-save @escape.tech/graphql-armor@3.2.0 && npx tsx bench/operation-limits-validation.ts
//        adds graphql-armor's rules, set to the same limits, beside ours
//
// Apollo keeps each validated document (its document store), so a client
// sending the same `me` again pays none of this; a document it has not seen
// before (a new client, or an attacker varying the text) pays it once.
import { parse, specifiedRules, validate, type DocumentNode, type GraphQLError, type ValidationContext, type ValidationRule } from 'graphql';
import { apolloOperationLimits } from '../src/http/operation-limits/apollo-operation-limits.js';
import { loadConfig } from '../src/platform/config.js';
import { buildSchema, loadTypeDefs } from '../src/resolvers/build-schema.js';

const limits = loadConfig({}).operationLimits; // the defaults
const schema = buildSchema(loadTypeDefs(), {});
const ours = apolloOperationLimits(limits);

/** graphql-armor's validation rules, set to our limits and to report (not throw), if it is installed. */
async function armorRules(): Promise<Record<string, ValidationRule> | undefined> {
  const rule = async (name: string, options: Record<string, unknown>): Promise<ValidationRule> => {
    const module = (await import(`@escape.tech/graphql-armor-${name}`)) as Record<string, (options: Record<string, unknown>) => ValidationRule>;
    const make = module[`${name.replace(/-(\w)/g, (_, c: string) => c.toUpperCase())}Rule`];
    if (!make) throw new Error(`no rule in @escape.tech/graphql-armor-${name}`);
    return make({ ...options, propagateOnRejection: false, onReject: [(context: ValidationContext | null, error: GraphQLError) => context?.reportError(error)] });
  };
  try {
    return {
      depth: await rule('max-depth', { n: limits.maxDepth, flattenFragments: true }),
      aliases: await rule('max-aliases', { n: limits.maxAliases, allowList: [] }), // every alias counts, __typename included
      directives: await rule('max-directives', { n: limits.maxDirectives }),
      cost: await rule('cost-limit', { maxCost: limits.maxCost, flattenFragments: true }),
    };
  } catch {
    return undefined;
  }
}
const armor = await armorRules();

const variants: Record<string, readonly ValidationRule[]> = {
  'graphql rules alone': specifiedRules,
  'graphql + our limits (today)': [...specifiedRules, ...ours.validationRules],
  ...(armor && {
    'graphql + armor depth/aliases/directives/cost': [...specifiedRules, ...Object.values(armor)],
    'graphql + our limits + armor depth/aliases': [...specifiedRules, ...ours.validationRules, armor['depth'], armor['aliases']].filter((r): r is ValidationRule => r !== undefined),
  }),
};

const sessions = 'sessions { id createdAt lastUsedAt userAgent current }';
const documents: Record<string, string> = {
  '`{ me { id email } }`': '{ me { id email } }',
  'a users page, a fragment, first: $n': `query Users($n: Int) { users(first: $n) { edges { cursor node { ...U } } pageInfo { hasNextPage endCursor } } } fragment U on User { id email role createdAt ${sessions} }`,
  '14 aliases of me with sessions (240 tokens)': `{ ${Array.from({ length: 14 }, (_, i) => `m${i}: me { id email role createdAt ${sessions} }`).join(' ')} }`,
};

// CPU time, not wall time: the figures hold on a shared machine too.
const cpuMicros = () => {
  const { user, system } = process.cpuUsage();
  return user + system;
};
/** CPU µs per call of `run`, over 0.2 s of CPU. */
function cpuPer(run: () => unknown): number {
  const start = cpuMicros();
  let n = 0;
  while (cpuMicros() - start < 200_000) {
    for (let i = 0; i < 50; i += 1) run();
    n += 50;
  }
  return (cpuMicros() - start) / n;
}
const time = (document: DocumentNode, rules: readonly ValidationRule[]) => cpuPer(() => validate(schema, document, rules));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;

const lines = [`operation limits in validation, node ${process.version}; CPU µs per validate(), median of 7 interleaved rounds`, '', `| document | ${Object.keys(variants).join(' | ')} |`, `| --- |${' ---: |'.repeat(Object.keys(variants).length)}`];
for (const [name, text] of Object.entries(documents)) {
  const document = parse(text);
  const rounds = Object.fromEntries(Object.keys(variants).map((v) => [v, [] as number[]]));
  for (let round = 0; round < 8; round += 1) for (const [variant, rules] of Object.entries(variants)) if (round > 0) rounds[variant]?.push(time(document, rules));
  lines.push(`| ${name} | ${Object.keys(variants).map((v) => median(rounds[v] ?? []).toFixed(1)).join(' | ')} |`);
}

// The token limit: graphql's parser counts tokens itself (maxLexicalTokens);
// armor's Apollo plugin parses the document a second time through a counting lexer.
type ArmorParser = new (source: string, options: Record<string, unknown>) => { parseDocument(): DocumentNode };
const armorParser = armor && ((await import('@escape.tech/graphql-armor-max-tokens' as string)) as { MaxTokensParserWLexer: ArmorParser }).MaxTokensParserWLexer;
lines.push('', '| parse, CPU µs | graphql with maxLexicalTokens (today) | graphql, then armor\'s counting parse |', '| --- | ---: | ---: |');
for (const [name, text] of Object.entries(documents)) {
  const today = cpuPer(() => parse(text, ours.parseOptions));
  const withArmor = armorParser ? cpuPer(() => (parse(text), new armorParser(text, { n: limits.maxTokens }).parseDocument())).toFixed(1) : 'not installed';
  lines.push(`| ${name} | ${today.toFixed(1)} | ${withArmor} |`);
}

// Shapes where the two disagree: which limit (if any) each one reports.
const page = (alias: string, first: string) => `${alias}: users(first: ${first}) { edges { node { ${sessions} } } }`;
const shapes: Record<string, string> = {
  'two pages of 100 users with their sessions': `{ ${page('a', '100')} ${page('b', '100')} }`,
  'the same, page size as a variable': `query($n: Int) { ${page('a', '$n')} ${page('b', '$n')} }`,
  'nine default pages (20 users) with sessions': `{ ${Array.from({ length: 9 }, (_, i) => `u${i}: users { edges { node { ${sessions} } } }`).join(' ')} }`,
  '`__type` nested 11 deep (introspection)': `{ __type(name: "User") { fields { type ${'{ ofType '.repeat(7)}{ name }${' }'.repeat(7)} } } }`,
  'two operations of 30 directives each': ['A', 'B'].map((op) => `query ${op} { me { ${'id @skip(if: false) '.repeat(30)}} }`).join(' '),
};
const reported = (text: string, rules: readonly ValidationRule[]) => {
  const errors = validate(schema, parse(text), rules);
  return errors.map((e) => (e.extensions['limit'] as string | undefined) ?? e.message.replace(/^Syntax Error: /, '').slice(0, 40)).join('; ') || 'passes';
};
lines.push('', '| shape | our limits | graphql-armor (same limits) |', '| --- | --- | --- |');
for (const [name, text] of Object.entries(shapes)) lines.push(`| ${name} | ${reported(text, ours.validationRules)} | ${armor ? reported(text, Object.values(armor)) : 'not installed'} |`);
process.stdout.write(`${lines.join('\n')}\n`);
