// Lint enforces the layout: the request flows one way through the stages
// (HTTP → context → access → rate limit → resolvers → services → repositories),
// and no stage imports one before it.
import { readdirSync, readFileSync } from 'node:fs';
import js from '@eslint/js';
import importPlugin from 'eslint-plugin-import';
import tseslint from 'typescript-eslint';

const stages = ['http', 'context', 'access', 'rate-limit', 'resolvers', 'services', 'repositories'];
// A stage may not import any stage listed before it.
const stageZones = stages.flatMap((stage, index) =>
  stages.slice(0, index).map((earlier) => ({
    target: `./src/${stage}`,
    from: `./src/${earlier}`,
    message: `src/${stage} runs after src/${earlier} in the request flow and must not import it.`,
  })),
);

// A domain (docs/your-domain.md) is a folder of src/ holding its own SDL. It
// runs where resolvers do: it may use services, repositories, platform and
// the generated types, never the stages before it. Inside, roles go by file
// name, one way: *-resolvers → *-service → *-repository*; and nothing outside
// the composition root (app.ts, modules.ts, the CLI) imports a domain, except
// another domain through its index.ts.
const domains = readdirSync('src', { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && readdirSync(`src/${entry.name}`).some((name) => name.endsWith('.graphql')))
  .map((entry) => entry.name);
const domainZones = domains.flatMap((domain) => [
  {
    target: `./src/${domain}`,
    from: stages.slice(0, stages.indexOf('resolvers')).map((stage) => `./src/${stage}`),
    message: `src/${domain} is a domain: it runs after access and rate limits and must not import them.`,
  },
  { target: `./src/${domain}/*-repository*.ts`, from: [`./src/${domain}/*-service.ts`, `./src/${domain}/*-resolvers.ts`], message: 'A repository is below its service and resolvers.' },
  { target: `./src/${domain}/*-service.ts`, from: `./src/${domain}/*-resolvers.ts`, message: 'A service is below its resolvers.' },
  {
    target: `./src/!(${domain}|app.ts|modules.ts|cli)/**`,
    from: `./src/${domain}/!(index).ts`,
    message: `Only the composition root imports src/${domain}; another domain goes through src/${domain}/index.ts.`,
  },
]);

// Error codes are spelled once, in src/platform/errors.ts's ErrorCode; read
// from there, so a code added to the catalogue is refused elsewhere at once.
const errorCodes = [...readFileSync('src/platform/errors.ts', 'utf8').matchAll(/^ {2}([A-Z_]+): '\1',$/gm)].map((match) => match[1]);
if (errorCodes.length === 0) throw new Error('eslint.config.js: found no ErrorCode entries in src/platform/errors.ts');

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'src/generated/', 'db/sqlite/migrations/', 'db/pg/migrations/', 'examples/**/dist/', 'examples/**/src/gql/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    plugins: { import: importPlugin },
    settings: { 'import/resolver': { typescript: { project: './tsconfig.json' } }, 'import/parsers': { '@typescript-eslint/parser': ['.ts'] } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-non-null-assertion': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      'import/no-cycle': 'error',
      'max-lines': ['error', { max: 300, skipBlankLines: true, skipComments: true }],
      'import/no-restricted-paths': [
        'error',
        {
          zones: [
            ...stageZones,
            ...domainZones,
            { target: './src/platform', from: ['./src/!(platform|generated)/**', './src/*.ts'], message: 'platform/ is a leaf: it imports nothing else from src/.' },
            { target: './src/!(app.ts|main.ts|cli)/**', from: ['./src/app.ts', './src/main.ts', './src/cli'], message: 'Only the composition root wires stages together.' },
            { target: './db', from: './src', message: 'db/ is storage and knows no application.' },
            {
              target: './src/!(context|services|app.ts|cli|credentials)/**',
              from: './src/credentials',
              message: 'Only context/ (verify), services/ (sign, hash) and the composition roots (app.ts, cli/) use credentials/.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/**/*.ts'],
    rules: { 'no-console': 'error' },
  },
  {
    files: ['src/**/*.ts'],
    ignores: ['src/platform/errors.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: `Literal[value=/^(${errorCodes.join('|')})$/]`,
          message: 'Error codes come from the catalogue: use ErrorCode.X from src/platform/errors.ts.',
        },
      ],
    },
  },
);
