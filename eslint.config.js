// Code rules. The layout (which folder may import which, one way through the
// stages, and no import circles) is checked by dependency-cruiser instead
// (.dependency-cruiser.cjs, `npm run -s deps`): it reads type-only imports,
// which import/no-cycle skipped, so it replaced both import/no-cycle and the
// import/no-restricted-paths zones that used to live here.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

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
