// Code rules. The layout (which folder may import which, one way through the
// stages, and no import circles) is checked by dependency-cruiser instead
// (.dependency-cruiser.cjs, `npm run -s deps`): it reads type-only imports,
// which import/no-cycle skipped, so it replaced both import/no-cycle and the
// import/no-restricted-paths zones that used to live here.
import { readFileSync } from 'node:fs';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

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
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-non-null-assertion': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      'max-lines': ['error', { max: 300, skipBlankLines: true, skipComments: true }],
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
  {
    // .dependency-cruiser.cjs: a CommonJS config, as dependency-cruiser loads it.
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { require: 'readonly', module: 'writable' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  // Build scripts run on plain node, before anything is compiled.
  {
    files: ['scripts/**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
  },
);
