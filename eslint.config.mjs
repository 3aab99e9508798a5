// @ts-check
// ESLint for the whole repository (npm run lint, also run by .ci/run): the recommended JavaScript
// and typescript-eslint rules, React's hook rules in the admin panel. Astro components are checked
// by the Astro build; generated and built files are skipped. Formatting is Prettier's, not ESLint's.
import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['**/dist/**', '**/build/**', '**/node_modules/**', '**/.strapi/**', '**/.tmp/**', '**/.astro/**', '**/types/generated/**', '.data/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      // A leading underscore marks a parameter or binding kept on purpose (a callback's signature).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true }],
      // Off by default; an error in the server code below. The admin panel (React, Strapi's admin API),
      // tests, benchmarks and scripts reach into untyped objects (mocks, fixtures, the admin's fetch
      // results) where a type would say nothing a test or a one-off script needs.
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },
  {
    // Server code: the Strapi boundary is typed (cms/src/strapi-types.ts and small row types where a
    // query's result is read). A gap in Strapi's own types that leaves no other way takes a
    // disable comment that gives its reason.
    files: ['cms/src/**/*.ts', 'workers/src/**/*.ts', 'config/src/**/*.ts'],
    ignores: ['cms/src/admin/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'error' },
  },
  {
    // The Strapi boundary is typed (generated content types, cms/src/strapi-types.ts for the gaps in
    // Strapi's own types): a cast to any or never would switch the check off where it matters.
    files: ['cms/src/**/*.ts'],
    ignores: ['cms/src/admin/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: 'TSAsExpression > TSAnyKeyword', message: 'No casts to any in cms/src: type the value, or use a helper of cms/src/strapi-types.ts.' },
        { selector: 'TSAsExpression > TSNeverKeyword', message: 'No casts to never in cms/src: type the value, or use a helper of cms/src/strapi-types.ts.' },
      ],
    },
  },
  {
    files: ['cms/src/admin/**'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn' },
  },
  {
    // Tests load the compiled Strapi lazily, after they have set the environment it reads.
    files: ['test/**'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
