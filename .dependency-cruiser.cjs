// The layout, checked (`npm run -s deps`, part of `npm test`). A request
// flows one way through the stages
//
//   HTTP → context → access → rate limit → resolvers → services → repositories → database
//
// and this file is the one place that says which folder may import which, and
// that no module imports itself round a circle. It reads `import type` as well
// (tsPreCompilationDeps): a type is a dependency too, and a circle made of type
// imports is one that eslint's import/no-cycle never reported. ESLint keeps
// only code rules (eslint.config.js).
//
// Beside the stages: platform/ is a leaf that everything may use;
// credentials/ and mail/ are leaves above it; generated/ mirrors the SDL as
// types; app.ts, main.ts, modules.ts and cli/ are the composition root, which
// may import anything and which nothing imports; a domain (docs/your-domain.md: a folder
// of src/ with its own SDL) runs where resolvers do.
const { readdirSync } = require('node:fs');

const stages = ['http', 'context', 'access', 'rate-limit', 'resolvers', 'services', 'repositories'];
const srcFolders = readdirSync('src', { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name);
const domains = srcFolders.filter((folder) => readdirSync(`src/${folder}`).some((name) => name.endsWith('.graphql')));
// Folders whose index.ts is their one public entry.
const publicEntries = ['access', ...domains];

const anyOf = (names) => `(${names.join('|')})`;
const compositionRoot = '^src/(app\\.ts|main\\.ts|cli/)';
const domainFolders = domains.length > 0 ? `^src/${anyOf(domains)}/` : '^$';
// A domain's files by role, from their names: *-resolvers → *-service → *-repository* (and *-rows, shared row code).
const domainRepository = `^src/${anyOf(domains)}/[^/]+-(repository[^/]*|rows)\\.ts$`;
const domainService = `^src/${anyOf(domains)}/[^/]+-service\\.ts$`;
const domainIndex = `^src/${anyOf(domains)}/index\\.ts$`;

// test/ and bench/ may import any module, as the composition root does; the
// layout rules below read only the application's own modules.
const application = '^(src|db)/';
const rule = (name, comment, from, to) => ({ name, severity: 'error', comment, from, to });

const stageOrder = stages.slice(1).map((stage, index) =>
  rule(
    `${stage}-never-imports-an-earlier-stage`,
    `src/${stage} runs after ${stages.slice(0, index + 1).join(', ')} in the request flow, and a stage never imports one before it.`,
    { path: `^src/${stage}/` },
    { path: `^src/${anyOf(stages.slice(0, index + 1))}/` },
  ),
);

const domainRules = [
  rule(
    'domain-runs-where-resolvers-do',
    'A domain runs after access and rate limits (the stages before resolvers) and never imports them.',
    { path: domainFolders },
    { path: `^src/${anyOf(stages.slice(0, stages.indexOf('resolvers')))}/` },
  ),
  rule(
    'domain-repository-is-below-its-service',
    "A domain's repository (and its row code) knows nothing of the service, the resolvers or the module above it.",
    { path: domainRepository },
    { path: '^src/$1/([^/]+-(service|resolvers)|index)\\.ts$' },
  ),
  rule(
    'domain-service-is-below-its-resolvers',
    "A domain's service knows nothing of its resolvers or of the module that wires them.",
    { path: domainService },
    { path: '^src/$1/([^/]+-resolvers|index)\\.ts$' },
  ),
  rule(
    'domain-resolvers-call-the-service',
    "A domain's resolvers reach storage only through its service; its index.ts picks the repository for the dialect.",
    { path: `^src/${anyOf(domains)}/[^/]+-resolvers\\.ts$` },
    { path: '^(src/$1/[^/]+-(repository[^/]*|rows)\\.ts|db/)' },
  ),
  rule(
    'domain-is-wired-by-the-composition-root',
    'Only the composition root (app.ts, modules.ts, cli/) loads a domain; another domain goes through its index.ts. generated/ names its record types for codegen.',
    { path: application, pathNot: [`^src/(app\\.ts|modules\\.ts|cli/|generated/)`, domainFolders] },
    { path: domainFolders },
  ),
];

module.exports = {
  forbidden: [
    rule('no-circular', 'No module may reach itself through its imports, type imports included: split the shared types into a leaf file.', {}, { circular: true }),
    rule('not-to-unresolvable', 'Every import resolves, or the rules above would not see it.', {}, { couldNotResolve: true }),
    ...stageOrder,
    rule(
      'context-only-builds-the-viewer',
      'The context turns a request into a viewer; the stages after it (access, rate limit, resolvers, domains) are not its business.',
      { path: '^src/context/' },
      { path: [`^src/${anyOf(['access', 'rate-limit', 'resolvers'])}/`, domainFolders] },
    ),
    rule(
      'only-services-reach-repositories',
      'Resolvers, access and everything before them reach storage through a service: repositories are imported by services (and by the composition root that builds them).',
      { path: application, pathNot: [compositionRoot, '^src/(services|repositories|generated)/', domainService, domainRepository, domainIndex] },
      { path: '^src/repositories/' },
    ),
    rule(
      'only-repositories-reach-the-database',
      'Only repositories touch db/ (and the composition root, which opens it and hands it over: modules.ts, domain-module.ts, a domain index.ts).',
      { path: application, pathNot: [compositionRoot, '^src/(repositories/|modules\\.ts$|domain-module\\.ts$)', domainRepository, domainIndex, '^db/'] },
      { path: '^db/' },
    ),
    ...publicEntries.map((folder) =>
      rule(
        `${folder}-through-its-index`,
        `src/${folder}/index.ts is the folder's public entry: nothing outside it imports its other files (generated/ names record types for codegen).`,
        { path: application, pathNot: [`^src/${folder}/`, '^src/generated/'] },
        { path: `^src/${folder}/`, pathNot: `^src/${folder}/index\\.ts$` },
      ),
    ),
    ...domainRules,
    rule(
      'repository-interface-imports-only-types',
      'A repository interface file (*-repository.ts) holds types only, so an implementation can import it and nothing circles back; shared row code lives in *-rows.ts or *-filters.ts.',
      { path: `^src/${anyOf(['repositories', ...domains])}/[^/]+-repository\\.ts$` },
      { dependencyTypesNot: ['type-only'] },
    ),
    rule(
      'repository-interface-knows-no-implementation',
      'A repository interface never names an implementation or a table, even as a type: the dialect is chosen in create-repositories.ts (a domain: its index.ts).',
      { path: `^src/${anyOf(['repositories', ...domains])}/[^/]+-repository\\.ts$` },
      { path: '^(db/|src/repositories/(sqlite|pg)/|src/[^/]+/[^/]+\\.(sqlite|pg)\\.ts$)' },
    ),
    rule('platform-is-a-leaf', 'platform/ is used by every stage and imports nothing else from src/ or db/.', { path: '^src/platform/' }, { path: '^(src|db)/', pathNot: '^src/platform/' }),
    rule(
      'credentials-and-mail-are-leaves',
      'credentials/ (tokens, hashing) and mail/ import only platform/.',
      { path: '^src/(credentials|mail)/' },
      { path: '^(src|db)/', pathNot: '^src/($1|platform)/' },
    ),
    rule(
      'credentials-for-context-and-services',
      'Only context/ (verify), services/ (sign, hash) and the composition root use credentials/.',
      { path: application, pathNot: [compositionRoot, '^src/(context|services|credentials)/'] },
      { path: '^src/credentials/' },
    ),
    rule('mail-for-services', 'Only services/ send mail (and the composition root builds the mailer).', { path: application, pathNot: [compositionRoot, '^src/(services|mail)/'] }, { path: '^src/mail/' }),
    rule('generated-is-types-only', 'generated/ mirrors the SDL as types; it runs no code of ours.', { path: '^src/generated/' }, { path: '^(src|db)/', dependencyTypesNot: ['type-only'] }),
    rule(
      'nothing-imports-the-composition-root',
      'app.ts, main.ts, modules.ts and cli/ wire the stages together; no stage imports them.',
      { path: application, pathNot: compositionRoot },
      { path: '^src/(app\\.ts|main\\.ts|modules\\.ts|cli/)' },
    ),
    rule('db-knows-no-application', 'db/ is storage: it imports nothing from src/.', { path: '^db/' }, { path: '^src/' }),
  ],
  options: {
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    doNotFollow: { path: 'node_modules' },
    // Resolve packages as Node does for our ES modules (package.json "exports").
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'] },
  },
};
