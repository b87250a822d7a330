// Lint enforces the layout: the request flows one way through the stages
// (HTTP → context → access → rate limit → resolvers → services → repositories),
// and no stage imports one before it.
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
);
